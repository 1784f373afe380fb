// A unit's checklist: every item with its state, grouped by deadline, and what to do next.
import { deadlineForTask, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../../domain/model.ts";
import { isFinished } from "../../domain/tasks.ts";
import { groupBy } from "../../lib/group-by.ts";
import { dueText, icpPathText, itemLabel, nextStepText } from "../../messages/item-messages.ts";
import { itemLine, itemWithButtons } from "./item-buttons.ts";
import { context, divider, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";

/** Grouped by deadline; with buttons, each pending item gets its own line and buttons. */
export function checklistBlocks(
  unit: UnitRecord,
  items: ItemRecord[],
  deadlines: DeadlineRecord[],
  now: Date,
  /** `prefix` goes before commands shown; `icpPath: false` leaves out the ICP line (the next step says it). */
  options: { buttons?: boolean; prefix?: string; icpPath?: boolean } = {},
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const byDeadline = groupBy(items, (i) => deadlineForTask(deadlines, i.task)?.key ?? "");
  for (const deadline of deadlines) {
    const group = byDeadline.get(deadline.key) ?? [];
    if (group.length === 0) continue;
    const title = `*${deadline.title}*　${dueText(deadline, now)}`;
    if (!options.buttons) {
      blocks.push(section(`${title}\n${group.map(itemLine).join("\n")}`));
      continue;
    }
    const finishedLines = group.filter((i) => isFinished(i.state)).map(itemLine);
    blocks.push(section([title, ...finishedLines].join("\n")));
    for (const item of group.filter((i) => !isFinished(i.state))) blocks.push(...itemWithButtons(item));
  }
  const icp = items.find((i) => i.task === "icp");
  if (icp && !isFinished(icp.state) && options.icpPath !== false) blocks.push(context(`备案注销：${icpPathText(unit, options.prefix)}`));
  return blocks;
}

export function firstPending(items: ItemRecord[], deadlines: DeadlineRecord[]): ItemRecord | undefined {
  const order = (i: ItemRecord) => deadlines.findIndex((d) => d.tasks.includes(i.task));
  return items.filter((i) => !isFinished(i.state)).sort((a, b) => order(a) - order(b))[0];
}

/** `prefix`: what goes before the commands shown, so they work as typed ("区统计局 " or ""). */
export function statusMessage(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[], now: Date, prefix = ""): SlackMessage {
  const done = items.filter((i) => isFinished(i.state)).length;
  const next = firstPending(items, deadlines);
  const blocks: KnownBlock[] = [
    header(`${unit.name} 关停清单（${done}/${items.length}）`),
    // NOTE: when the next step is the ICP cancellation it says the path itself; once is enough.
    ...checklistBlocks(unit, items, deadlines, now, { buttons: true, prefix, icpPath: next?.task !== "icp" }),
    divider(),
    section(next ? nextStepText(next, unit, prefix) : "🎉 全部事项已完成，感谢配合！"),
  ];
  const text = `${unit.name}：${done}/${items.length} 项已完成${next ? `，下一步：${itemLabel(next)}` : ""}`;
  return message(text, blocks);
}
