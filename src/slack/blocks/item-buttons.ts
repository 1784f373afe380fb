// A pending item with its buttons, the same in replies, reminders and App Home,
// so a click can update exactly that item in whatever message it was in.
import type { ItemRecord } from "../../domain/model/records.ts";
import { isFinished } from "../../domain/model/tasks.ts";
import { itemLabel, itemStateText } from "../../messages/item-messages.ts";
import { BUTTON_TEXT } from "../../messages/button-messages.ts";
import { clipPlain, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import { mrkdwn, plainText, type KnownBlock } from "./block-kit.ts";
import { firstThatFits, roomFor } from "./message-budget.ts";
import { refreshPendingCount } from "./pending-count.ts";
import { checklistTexts } from "../../messages/checklist-messages.ts";
import { verificationLine } from "../../messages/verification-messages.ts";

export const ITEM_ACTION = { done: "item_done", doing: "item_doing", blocked: "item_blocked" } as const;

export const itemBlockId = (key: string) => `item:${key}`;
export const actionsBlockId = (key: string) => `actions:${key}`;

/** A note as shown in a list; `noteMax` shortens it when a message would not hold it whole. */
export function shownNote(note: string | null, noteMax = Number.POSITIVE_INFINITY): string | null {
  if (!note || noteMax <= 0) return null;
  return clipPlain(note, noteMax);
}

export function itemLine(item: ItemRecord, noteMax?: number): string {
  const note = shownNote(item.note, noteMax);
  const line = `${itemStateText(item)}  *${itemLabel(item)}*${note ? ` — ${note}` : ""}`;
  // NOTE: what the probes found goes beside what the contact reported, on a line of its own.
  return item.verification ? `${line}\n　　${verificationLine(item.verification, item.state === "done")}` : line;
}

export function itemButtons(item: ItemRecord): KnownBlock {
  return {
    type: "actions",
    block_id: actionsBlockId(item.key),
    elements: [
      { type: "button", action_id: ITEM_ACTION.done, text: plainText(BUTTON_TEXT.done), style: "primary", value: item.key },
      { type: "button", action_id: ITEM_ACTION.doing, text: plainText(BUTTON_TEXT.doing), value: item.key },
      { type: "button", action_id: ITEM_ACTION.blocked, text: plainText(BUTTON_TEXT.blocked), style: "danger", value: item.key },
    ],
  };
}

/** The item's line and, while it is not finished, its buttons. */
export function itemWithButtons(item: ItemRecord, line: MrkdwnLike = itemLine(item)): KnownBlock[] {
  const section: KnownBlock = { type: "section", block_id: itemBlockId(item.key), text: mrkdwn(line) };
  return isFinished(item.state) ? [section] : [section, itemButtons(item)];
}

/**
 * The message's blocks with one item shown in its new state, and the message's count of open
 * items recomputed; null when the message does not show that item (then the caller sends a
 * fresh view instead).
 */
export function replaceItemInBlocks(
  blocks: readonly KnownBlock[],
  item: ItemRecord,
  by: { userId: string; at: Date },
): KnownBlock[] | null {
  const index = blocks.findIndex((b) => b.block_id === itemBlockId(item.key));
  if (index < 0) return null;
  const rest = blocks.filter((b, i) => i !== index && b.block_id !== actionsBlockId(item.key));
  const patched = (noteMax: number) => {
    const line = checklistTexts.updatedBy(itemLine(item, noteMax), by.userId, by.at);
    return refreshPendingCount([...rest.slice(0, index), ...itemWithButtons(item, line), ...rest.slice(index)]);
  };
  // NOTE: the message was built to fit; a long new note is shortened rather than break it.
  return firstThatFits(roomFor("message"), NOTE_STEPS.map((max) => () => patched(max)));
}

/** Notes whole, then shortened, then left out: how a list of items is made to fit a message. */
export const NOTE_STEPS = [Number.POSITIVE_INFINITY, 200, 80, 0] as const;
