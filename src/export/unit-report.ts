// The report for the city, in Chinese: one row per unit, a column per task with its state.
import { isFinished, TASK_KEYS, type TaskKey } from "../domain/tasks.ts";
import type { ItemRecord, UnitRecord } from "../domain/model.ts";
import { groupBy } from "../lib/group-by.ts";
import { TASK_LABEL } from "../messages/command-messages.ts";
import { formatDueShort } from "../domain/calendar.ts";
import { itemStateWords } from "../messages/item-messages.ts";
import type { CampaignSnapshot } from "../store/campaign-repository.ts";

export const UNIT_REPORT_HEADERS = [
  "序号",
  "单位",
  "分组",
  "域名",
  ...TASK_KEYS.map((t) => TASK_LABEL[t]),
  "完成情况",
  "联系人",
  "最后更新",
] as const;

const GROUP_TEXT = { department: "部门", township: "镇、区、街道、管委会" } as const;

/** A task's cell: the state in Chinese, with the reason when blocked; per domain when several. */
function taskCell(items: ItemRecord[], task: TaskKey): string {
  const ofTask = items.filter((i) => i.task === task);
  const text = (i: ItemRecord) => (i.state === "blocked" && i.note ? `${itemStateWords(i)}：${i.note}` : itemStateWords(i));
  if (ofTask.length === 1) return text(ofTask[0]!);
  return ofTask.map((i) => `${i.domain} ${text(i)}`).join("；");
}

function contactsCell(unit: UnitRecord): string {
  return unit.contacts.map((c) => [c.name, c.phone].filter(Boolean).join(" ")).join("；");
}

function lastUpdate(items: ItemRecord[]): string {
  const times = items.flatMap((i) => (i.updatedAt ? [i.updatedAt.getTime()] : []));
  return times.length > 0 ? formatDueShort(new Date(Math.max(...times))) : "";
}

/** Rows of the first sheet, in 附件3 order; every value a string or the row number. */
export function buildUnitReportRows(snapshot: CampaignSnapshot): (string | number)[][] {
  const itemsByUnit = groupBy(snapshot.items, (i) => i.unitId);
  return [...snapshot.units]
    .sort((a, b) => a.position - b.position)
    .map((unit, n) => {
      const items = itemsByUnit.get(unit.id) ?? [];
      return [
        n + 1,
        unit.name,
        GROUP_TEXT[unit.group],
        unit.domains.map((d) => d.name).join("、"),
        ...TASK_KEYS.map((t) => taskCell(items, t)),
        `${items.filter((i) => isFinished(i.state)).length}/${items.length}`,
        contactsCell(unit),
        lastUpdate(items),
      ];
    });
}
