// Small Block Kit builders. Every mrkdwn text goes through toMrkdwn: a string is plain text and
// is escaped, a Mrkdwn value (md``) is kept; plain_text objects are never escaped.
import type { types } from "@slack/bolt";
import { clipMrkdwn, clipPlain, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

export type KnownBlock = types.KnownBlock;

export const MAX_BLOCKS = SLACK_LIMITS.messageBlocks;
export const MAX_TEXT = SLACK_LIMITS.text;

/** Plain text within `max` characters (headers, buttons, labels, fallback text). */
export function clip(text: string, max: number = MAX_TEXT): string {
  return clipPlain(text, max);
}

/**
 * A mrkdwn text object. NOTE: verbatim, so Slack does not turn a URL or a domain someone typed
 * into a link, or a name into a mention; the bot's own mentions are written out as <@U…>.
 */
export function mrkdwn(text: MrkdwnLike, max: number = MAX_TEXT): types.MrkdwnElement {
  return { type: "mrkdwn", text: clipMrkdwn(text, max).text, verbatim: true };
}

export function plainText(text: string, max: number = MAX_TEXT): types.PlainTextElement {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

export const header = (text: string): KnownBlock => ({ type: "header", text: plainText(text, SLACK_LIMITS.header) });

export const section = (text: MrkdwnLike, blockId?: string): KnownBlock => ({
  type: "section",
  ...(blockId && { block_id: blockId }),
  text: mrkdwn(text),
});

export const fields = (items: MrkdwnLike[]): KnownBlock => ({
  type: "section",
  fields: items.slice(0, 10).map((t) => mrkdwn(t, SLACK_LIMITS.field)),
});

export const context = (...texts: MrkdwnLike[]): KnownBlock => ({
  type: "context",
  elements: texts.slice(0, 10).map((t) => mrkdwn(t)),
});

export const divider = (): KnownBlock => ({ type: "divider" });

