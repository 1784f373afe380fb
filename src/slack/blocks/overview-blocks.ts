// Coordinators' view of every unit at a glance.
import { deadlineForTask, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../../domain/model.ts";
import { ITEM_STATES, isFinished, TASK_KEYS } from "../../domain/tasks.ts";
import { groupBy } from "../../lib/group-by.ts";
import { STATE_LABEL, TASK_LABEL } from "../../messages/command-messages.ts";
import { dueText } from "../../messages/item-messages.ts";
import type { CampaignSnapshot } from "../../store/campaign-repository.ts";
import { context, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";

const MAX_NAMES = 30;

export function listNames(names: string[], max = MAX_NAMES): string {
  if (names.length === 0) return "（无）";
  const shown = names.slice(0, max).join("、");
  return names.length > max ? `${shown}…及其他 ${names.length - max} 个单位` : shown;
}

export function countByTaskAndState(items: ItemRecord[]) {
  return TASK_KEYS.map((task) => {
    const ofTask = items.filter((i) => i.task === task);
    return { task, total: ofTask.length, counts: Object.fromEntries(ITEM_STATES.map((s) => [s, ofTask.filter((i) => i.state === s).length])) };
  });
}

export function unitsPendingUnder(deadline: DeadlineRecord, units: UnitRecord[], items: ItemRecord[]): UnitRecord[] {
  const pending = new Set(
    items.filter((i) => !isFinished(i.state) && deadlineForTask([deadline], i.task)).map((i) => i.unitId),
  );
  return units.filter((u) => pending.has(u.id));
}

export function overviewMessage(snapshot: CampaignSnapshot, now: Date): SlackMessage {
  const { units, items, deadlines } = snapshot;
  const byUnit = groupBy(items, (i) => i.unitId);
  const complete = units.filter((u) => (byUnit.get(u.id) ?? []).every((i) => isFinished(i.state))).length;
  const table = countByTaskAndState(items).map(
    ({ task, counts }) =>
      `${TASK_LABEL[task].padEnd(7, "　")} ${ITEM_STATES.map((s) => `${STATE_LABEL[s]} ${counts[s]}`).join(" · ")}`,
  );
  const blocks: KnownBlock[] = [
    header(`总览：${complete}/${units.length} 个单位已全部完成`),
    section("```\n" + table.join("\n") + "\n```"),
  ];
  for (const deadline of deadlines) {
    const behind = unitsPendingUnder(deadline, units, items);
    const overdue = now > deadline.dueAt;
    blocks.push(
      section(
        `*${deadline.title}*　${dueText(deadline, now)}\n${overdue ? "⚠️ 逾期未完成" : "未完成"}（${behind.length}）：${listNames(behind.map((u) => u.name))}`,
      ),
    );
  }
  const blocked = items.filter((i) => i.state === "blocked");
  if (blocked.length > 0) {
    const names = new Map(units.map((u) => [u.id, u.name]));
    const lines = blocked.slice(0, 15).map((i) => `⛔ ${names.get(i.unitId)} ${TASK_LABEL[i.task]}${i.domain ? ` ${i.domain}` : ""}：${i.note ?? ""}`);
    if (blocked.length > 15) lines.push(`…及其他 ${blocked.length - 15} 项`);
    blocks.push(section(`*受阻事项（${blocked.length}）*\n${lines.join("\n")}`));
  }
  const noContact = units.filter((u) => u.contacts.length === 0);
  blocks.push(context(`尚无联系人的单位（${noContact.length}）：${listNames(noContact.map((u) => u.name))}`));
  return message(`总览：${complete}/${units.length} 个单位已全部完成`, blocks);
}
