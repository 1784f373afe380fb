// A whole message: fallback text and blocks, kept within Slack's budget (the last guard).
import { clipMrkdwn, toMrkdwn, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import type { KnownBlock } from "./block-kit.ts";
import { keepWithinBudget } from "./message-budget.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

export interface SlackMessage {
  /** Notification and fallback text, mrkdwn as sent. */
  text: string;
  blocks: KnownBlock[];
}

/** A message within Slack's limits; builders fit their lists before, this is the last guard. */
export function message(text: MrkdwnLike, blocks: KnownBlock[]): SlackMessage {
  return { text: clipMrkdwn(toMrkdwn(text), SLACK_LIMITS.fallbackText).text, blocks: keepWithinBudget(blocks, "message") };
}
