// Coordinators' view of every unit at a glance.
import { batchSnapshot, deadlineForTask, openBatches, type CampaignSnapshot, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../../domain/model/records.ts";
import { ITEM_STATES, isFinished, TASK_KEYS } from "../../domain/model/tasks.ts";
import { groupBy } from "../../lib/group-by.ts";
import { STATE_LABEL, TASK_LABEL } from "../../messages/command-messages.ts";
import { dueText } from "../../messages/item-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { context, divider, header, section, type KnownBlock } from "./block-kit.ts";
import { isVerifiedTask } from "../../domain/model/verification.ts";
import { verificationDigestTexts } from "../../messages/verification-messages.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { roomFor, roomLeft, shareRoom, type Room, type TextList } from "./message-budget.ts";
import { overviewTexts } from "../../messages/checklist-messages.ts";

export function countByTaskAndState(items: ItemRecord[]) {
  return TASK_KEYS.map((task) => {
    const ofTask = items.filter((i) => i.task === task);
    return { task, total: ofTask.length, counts: Object.fromEntries(ITEM_STATES.map((s) => [s, ofTask.filter((i) => i.state === s).length])) };
  });
}

export function unitsPendingUnder(deadline: DeadlineRecord, units: UnitRecord[], items: ItemRecord[]): UnitRecord[] {
  const pending = new Set(
    items.filter((i) => !isFinished(i.state) && deadlineForTask([deadline], i.task, i.batchId)).map((i) => i.unitId),
  );
  return units.filter((u) => pending.has(u.id));
}

/** A list of unit names on one line, cut at a name with "…及其他 N 个单位". */
function namesList(heading: string, names: readonly string[], as: TextList["as"] = "section"): TextList {
  return {
    heading: overviewTexts.namesHeading(heading, names.length > 0),
    count: names.length,
    entry: (i) => names[i]!,
    more: listTexts.moreUnits,
    separator: "、",
    as,
  };
}

/**
 * The overview; with more than one open batch, one section each, the latest first, sharing the
 * room (a closed batch is left out).
 */
export function overviewBlocks(snapshot: CampaignSnapshot, now: Date, room: Room = roomFor("message")): KnownBlock[] {
  const open = openBatches(snapshot.batches);
  if (open.length <= 1) return batchOverviewBlocks(open.length === 1 ? batchSnapshot(snapshot, open[0]!.id) : snapshot, now, room);
  const share: Room = { blocks: Math.floor(room.blocks / open.length), chars: Math.floor(room.chars / open.length) };
  return open.flatMap((b, n) => [
    ...(n > 0 ? [divider()] : []),
    ...batchOverviewBlocks(batchSnapshot(snapshot, b.id), now, { blocks: share.blocks - (n > 0 ? 1 : 0), chars: share.chars }, b.name),
  ]);
}

function batchOverviewBlocks(snapshot: CampaignSnapshot, now: Date, room: Room, batchName?: string): KnownBlock[] {
  const { units, items, deadlines } = snapshot;
  const complete = completeUnits(snapshot);
  const table = countByTaskAndState(items).map(
    ({ task, counts }) =>
      `${TASK_LABEL[task].padEnd(7, "　")} ${ITEM_STATES.map((s) => `${STATE_LABEL[s]} ${counts[s]}`).join(" · ")}`,
  );
  const title = batchName ? overviewTexts.batchTitle(batchName, complete, units.length) : overviewTitle(complete, units.length);
  const head = [header(title), section("```\n" + table.join("\n") + "\n```")];
  const verified = items.filter((i) => isVerifiedTask(i.task));
  // NOTE: shown once any pass has run: before that every item would read 未核查.
  if (verified.some((i) => i.verification)) {
    const counts = { unverified: 0, confirmed: 0, contradicted: 0, inconclusive: 0 };
    for (const i of verified) counts[i.verification?.accepted ? "confirmed" : (i.verification?.verification ?? "unverified")]++;
    head.push(context(verificationDigestTexts.overviewLine(counts)));
  }
  const names = new Map(units.map((u) => [u.id, u.name]));
  const lists: TextList[] = deadlines.map((deadline) => {
    const behind = unitsPendingUnder(deadline, units, items);
    // NOTE: a deadline every unit has met reads 已完成, never 已逾期.
    const title = `*${deadline.title}*　${dueText(deadline, now, behind.length === 0)}`;
    if (behind.length === 0) return { heading: title, count: 0, entry: () => "", more: listTexts.moreUnits };
    return namesList(overviewTexts.behind(title, now > deadline.dueAt, behind.length), behind.map((u) => u.name));
  });
  const blocked = items.filter((i) => i.state === "blocked");
  if (blocked.length > 0) {
    lists.push({
      heading: overviewTexts.blockedHeading(blocked.length),
      count: blocked.length,
      entry: (i) => {
        const item = blocked[i]!;
        return `⛔ ${names.get(item.unitId)} ${TASK_LABEL[item.task]}${item.domain ? ` ${item.domain}` : ""}：${item.note ?? ""}`;
      },
      more: listTexts.moreItems,
    });
  }
  const noContact = units.filter((u) => u.contacts.length === 0);
  lists.push(namesList(overviewTexts.noContactHeading(noContact.length), noContact.map((u) => u.name), "context"));
  const fitted = shareRoom(roomLeft(room, head), lists);
  return [...head, ...fitted.flatMap((f) => f.blocks)];
}

const overviewTitle = overviewTexts.title;

function completeUnits({ units, items }: CampaignSnapshot): number {
  const byUnit = groupBy(items, (i) => i.unitId);
  return units.filter((u) => (byUnit.get(u.id) ?? []).every((i) => isFinished(i.state))).length;
}

export function overviewMessage(snapshot: CampaignSnapshot, now: Date): SlackMessage {
  const open = openBatches(snapshot.batches);
  const fallback =
    open.length > 1
      ? open
          .map((b) => batchSnapshot(snapshot, b.id))
          .map((s) => overviewTexts.batchTitle(s.batches[0]!.name, completeUnits(s), s.units.length))
          .join("；")
      : overviewTitle(completeUnits(snapshot), snapshot.units.length);
  return message(fallback, overviewBlocks(snapshot, now));
}
