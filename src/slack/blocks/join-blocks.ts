// The join request the coordinators see, before and after it is decided.
import { BUTTON_TEXT } from "../../messages/button-messages.ts";
import { joinMessages as jm } from "../../messages/join-messages.ts";
import { section } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";

export const JOIN_ACTION = { approve: "join_approve", reject: "join_reject" } as const;

export function joinRequestMessage(request: { id: number; userId: string; unitName: string }): SlackMessage {
  const text = jm.requestText(request.userId, request.unitName);
  return message(text, [
    section(text),
    {
      type: "actions",
      block_id: `join:${request.id}`,
      elements: [
        { type: "button", action_id: JOIN_ACTION.approve, style: "primary", text: { type: "plain_text", text: BUTTON_TEXT.approve }, value: String(request.id) },
        { type: "button", action_id: JOIN_ACTION.reject, style: "danger", text: { type: "plain_text", text: BUTTON_TEXT.reject }, value: String(request.id) },
      ],
    },
  ]);
}

export function joinDecidedMessage(userId: string, unitName: string, approved: boolean, by: string): SlackMessage {
  const text = jm.decidedText(userId, unitName, approved, by);
  return message(text, [section(text)]);
}

/** The requester's DM when a coordinator refused their join request. */
export function joinRejectedMessage(unitName: string): SlackMessage {
  const text = jm.rejectedDm(unitName);
  return message(text, [section(text)]);
}
