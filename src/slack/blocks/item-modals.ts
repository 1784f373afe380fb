// Small modals a button opens: the reason for a problem, how a domain was taken down.
import type { types } from "@slack/bolt";
import type { ItemRecord } from "../../domain/model/records.ts";
import { itemLabel } from "../../messages/item-messages.ts";
import { MODAL_TEXT as T } from "../../messages/button-messages.ts";
import { NOTE_MAX_LENGTH } from "../../domain/text-limits.ts";
import { section } from "./block-kit.ts";

export const REASON_CALLBACK = "item_reason";
export const DOMAIN_METHOD_CALLBACK = "domain_method";

/** Where the click came from, so the submission can update it. Kept in private_metadata. */
export interface ClickOrigin {
  itemKey: string;
  responseUrl?: string;
  channel?: string;
  ts?: string;
  ephemeral?: boolean;
  home?: boolean;
}

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

export function reasonModal(item: ItemRecord, unitName: string, origin: ClickOrigin): types.ModalView {
  return {
    type: "modal",
    callback_id: REASON_CALLBACK,
    private_metadata: JSON.stringify(origin),
    title: plain(T.reasonTitle),
    submit: plain(T.submit),
    close: plain(T.cancel),
    blocks: [
      section(`*${unitName}* · ${itemLabel(item)}`),
      {
        type: "input",
        block_id: "reason",
        label: plain(T.reasonLabel),
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: NOTE_MAX_LENGTH, placeholder: plain(T.reasonPlaceholder) },
      },
    ],
  };
}

export function domainMethodModal(item: ItemRecord, unitName: string, origin: ClickOrigin): types.ModalView {
  const options = [
    ...(item.isSubdomain ? [] : [{ text: plain(T.domainCancelled), value: "cancelled" }]),
    { text: plain(T.domainDns), value: "dns_removed" },
  ];
  return {
    type: "modal",
    callback_id: DOMAIN_METHOD_CALLBACK,
    private_metadata: JSON.stringify(origin),
    title: plain(T.domainTitle),
    submit: plain(T.submit),
    close: plain(T.cancel),
    blocks: [
      section(`*${unitName}* · ${itemLabel(item)}`),
      {
        type: "input",
        block_id: "method",
        label: plain(T.domainMethodLabel),
        element: { type: "radio_buttons", action_id: "value", options, ...(options.length === 1 && { initial_option: options[0] }) },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: plain(T.noteLabel),
        element: { type: "plain_text_input", action_id: "value", max_length: NOTE_MAX_LENGTH },
      },
    ],
  };
}
