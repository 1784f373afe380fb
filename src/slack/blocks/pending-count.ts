// The line of a reminder that says how many items are still open ("还有 N 项"), recounted from
// the message itself when a click or a form changes one of them.
import { mrkdwnAsSent, toMrkdwn } from "../../messages/mrkdwn.ts";
import { greetingCountPrefix, reminderTexts } from "../../messages/reminder-messages.ts";
import { mrkdwn, type KnownBlock } from "./block-kit.ts";
import { parseUnitBlockId } from "./unit-summary-blocks.ts";

const PREFIX = "remaining:";

/** `remaining:<units>`: the greeting, with the number of units it speaks of. */
export const countBlockId = (units: number) => `${PREFIX}${units}`;

/** Items still open in a message: one per item with buttons, and each unit block's count. */
export function countPendingIn(blocks: readonly KnownBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === "actions" && b.block_id?.startsWith("actions:")) n++;
    n += parseUnitBlockId(b.block_id)?.pending ?? 0;
  }
  return n;
}

/** The blocks with the greeting's count recomputed; unchanged when the message has no greeting. */
export function refreshPendingCount(blocks: readonly KnownBlock[]): KnownBlock[] {
  return blocks.map((b) => {
    if (b.type !== "section" || !b.block_id?.startsWith(PREFIX) || !b.text) return b;
    const units = Number(b.block_id.slice(PREFIX.length));
    // NOTE: the greeting starts with the contact's name; the count is the part after the last prefix.
    const prefix = toMrkdwn(greetingCountPrefix(units)).text;
    const at = b.text.text.lastIndexOf(prefix);
    if (!Number.isInteger(units) || at < 0) return b;
    const count = toMrkdwn(reminderTexts.greetingCount(units, countPendingIn(blocks))).text;
    return { ...b, text: mrkdwn(mrkdwnAsSent(`${b.text.text.slice(0, at)}${count}`)) };
  });
}
