// A unit in one block, with a button that opens its checklist: how a person responsible for
// several units sees all of them, in status replies, reminders and App Home, without truncation.
import { deadlineForTask, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../../domain/model/records.ts";
import { isFinished } from "../../domain/model/tasks.ts";
import { toMrkdwn } from "../../messages/mrkdwn.ts";
import { unitSummaryTexts as T } from "../../messages/unit-summary-messages.ts";
import { mrkdwn, plainText, type KnownBlock } from "./block-kit.ts";

export const UNIT_ACTION = { openChecklist: "unit_checklist" } as const;

const PREFIX = "unit:";

/** `unit:<key>:<pending>`: the pending count rides along, so a message's total can be recounted. */
export const unitBlockId = (unitKey: string, pending: number) => `${PREFIX}${unitKey}:${pending}`;

export function parseUnitBlockId(blockId: string | undefined): { unitKey: string; pending: number } | null {
  const m = blockId?.startsWith(PREFIX) ? /^unit:(.+):(\d+)$/.exec(blockId) : null;
  return m ? { unitKey: m[1]!, pending: Number(m[2]) } : null;
}

export interface PendingGroup {
  deadline: DeadlineRecord;
  items: ItemRecord[];
}

/** A unit's unfinished items, by deadline in the order given. */
export function pendingGroups(items: readonly ItemRecord[], deadlines: readonly DeadlineRecord[]): PendingGroup[] {
  return deadlines
    .map((deadline) => ({ deadline, items: items.filter((i) => !isFinished(i.state) && deadlineForTask([deadline], i.task, i.batchId)) }))
    .filter((g) => g.items.length > 0);
}

export function unitSummaryBlock(unit: Pick<UnitRecord, "key" | "name">, groups: readonly PendingGroup[], now: Date, options: { hint?: boolean } = {}): KnownBlock {
  const pending = groups.reduce((n, g) => n + g.items.length, 0);
  const lines = [T.title(unit.name, pending), ...groups.map((g) => T.group(g.deadline, g.items, now))];
  if (options.hint) lines.push(T.hint(unit.name));
  return {
    type: "section",
    block_id: unitBlockId(unit.key, pending),
    text: mrkdwn(toMrkdwn(T.lines(lines))),
    accessory: { type: "button", action_id: UNIT_ACTION.openChecklist, text: plainText(T.button), value: unit.key },
  };
}

/**
 * The message's blocks with one unit's block shown anew; null when the message does not show
 * that unit.
 */
export function replaceUnitInBlocks(blocks: readonly KnownBlock[], replacement: KnownBlock, unitKey: string): KnownBlock[] | null {
  const index = blocks.findIndex((b) => parseUnitBlockId(b.block_id)?.unitKey === unitKey);
  if (index < 0) return null;
  return blocks.map((b, i) => (i === index ? replacement : b));
}
