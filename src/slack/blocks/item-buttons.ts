// A pending item with its buttons, the same in replies, reminders and App Home,
// so a click can update exactly that item in whatever message it was in.
import type { ItemRecord } from "../../domain/model.ts";
import { isFinished } from "../../domain/tasks.ts";
import { formatDueShort } from "../../domain/calendar.ts";
import { itemLabel, itemStateText } from "../../messages/item-messages.ts";
import { BUTTON_TEXT } from "../../messages/button-messages.ts";
import { clip, type KnownBlock } from "./block-kit.ts";

export const ITEM_ACTION = { done: "item_done", doing: "item_doing", blocked: "item_blocked" } as const;

export const itemBlockId = (key: string) => `item:${key}`;
export const actionsBlockId = (key: string) => `actions:${key}`;

export function itemLine(item: ItemRecord): string {
  return `${itemStateText(item)}  *${itemLabel(item)}*${item.note ? ` — ${item.note}` : ""}`;
}

export function itemButtons(item: ItemRecord): KnownBlock {
  return {
    type: "actions",
    block_id: actionsBlockId(item.key),
    elements: [
      { type: "button", action_id: ITEM_ACTION.done, text: { type: "plain_text", text: BUTTON_TEXT.done }, style: "primary", value: item.key },
      { type: "button", action_id: ITEM_ACTION.doing, text: { type: "plain_text", text: BUTTON_TEXT.doing }, value: item.key },
      { type: "button", action_id: ITEM_ACTION.blocked, text: { type: "plain_text", text: BUTTON_TEXT.blocked }, style: "danger", value: item.key },
    ],
  };
}

/** The item's line and, while it is not finished, its buttons. */
export function itemWithButtons(item: ItemRecord, line = itemLine(item)): KnownBlock[] {
  const section: KnownBlock = { type: "section", block_id: itemBlockId(item.key), text: { type: "mrkdwn", text: clip(line) } };
  return isFinished(item.state) ? [section] : [section, itemButtons(item)];
}

/**
 * The message's blocks with one item shown in its new state; null when the message does not
 * show that item (then the caller sends a fresh view instead).
 */
export function replaceItemInBlocks(
  blocks: readonly KnownBlock[],
  item: ItemRecord,
  by: { userId: string; at: Date },
): KnownBlock[] | null {
  const index = blocks.findIndex((b) => b.block_id === itemBlockId(item.key));
  if (index < 0) return null;
  const line = `${itemLine(item)}\n_<@${by.userId}> ${formatDueShort(by.at)} 更新_`;
  const replaced = itemWithButtons(item, line);
  const rest = blocks.filter((b, i) => i !== index && b.block_id !== actionsBlockId(item.key));
  return [...rest.slice(0, index), ...replaced, ...rest.slice(index)];
}
