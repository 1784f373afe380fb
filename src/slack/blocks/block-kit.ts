// Small Block Kit builders that keep within Slack's limits.
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;

export const MAX_BLOCKS = 50;
export const MAX_TEXT = 3000;

export function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 2)}…`;
}

export const header = (text: string): KnownBlock => ({
  type: "header",
  text: { type: "plain_text", text: clip(text, 150), emoji: true },
});

export const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: clip(text) } });

export const fields = (items: string[]): KnownBlock => ({
  type: "section",
  fields: items.slice(0, 10).map((t) => ({ type: "mrkdwn", text: clip(t, 2000) })),
});

export const context = (...texts: string[]): KnownBlock => ({
  type: "context",
  elements: texts.slice(0, 10).map((t) => ({ type: "mrkdwn", text: clip(t) })),
});

export const divider = (): KnownBlock => ({ type: "divider" });

/** Lines joined into as few sections as the 3000-character limit allows. */
export function sectionsOf(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (const line of lines) {
    const l = clip(line, MAX_TEXT);
    if (current && current.length + 1 + l.length > MAX_TEXT) {
      blocks.push(section(current));
      current = l;
    } else current = current ? `${current}\n${l}` : l;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** At most 50 blocks: the last one says what was left out. */
export function message(text: string, blocks: KnownBlock[]): SlackMessage {
  const kept = blocks.length <= MAX_BLOCKS ? blocks : [...blocks.slice(0, MAX_BLOCKS - 1), context(`…还有 ${blocks.length - MAX_BLOCKS + 1} 部分未显示`)];
  return { text: clip(text, 3000), blocks: kept };
}
