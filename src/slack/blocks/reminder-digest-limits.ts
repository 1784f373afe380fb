// Slack's message limits for the reminder and digest blocks, on top of block-kit.ts.
import { clip, MAX_TEXT, type KnownBlock } from "./block-kit.ts";

export { clip, context, divider, header, MAX_BLOCKS, MAX_TEXT, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";

export interface PackedLines {
  /** Section texts, each within MAX_TEXT. */
  texts: string[];
  /** How many entries did not fit. */
  omitted: number;
}

/**
 * Packs entries (each one or more lines) into at most `maxSections` texts of at most `maxChars`,
 * keeping entries whole; what does not fit is counted, so the caller can say "…及其他 N 个".
 * `reserve` keeps room in the last text for that closing line.
 */
export function packEntries(entries: readonly string[], maxSections: number, maxChars = MAX_TEXT, reserve = 40): PackedLines {
  if (maxSections <= 0) return { texts: [], omitted: entries.length };
  const texts: string[] = [];
  let current = "";
  let placed = 0;
  for (const raw of entries) {
    const entry = clip(raw, maxChars - reserve - 1);
    const joined = current === "" ? entry : `${current}\n${entry}`;
    const isLastSection = texts.length === maxSections - 1;
    const limit = isLastSection ? maxChars - reserve : maxChars;
    if (joined.length <= limit) {
      current = joined;
      placed++;
      continue;
    }
    if (isLastSection) break;
    texts.push(current);
    current = entry;
    placed++;
  }
  if (current !== "") texts.push(current);
  return { texts, omitted: entries.length - placed };
}

/** The readable text of blocks, for dry runs and logs. */
export function blocksToPlainText(blocks: readonly KnownBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === "header" || b.type === "section") {
      if (b.text) lines.push(b.text.text);
      if (b.type === "section" && b.fields) lines.push(...b.fields.map((f) => f.text));
    } else if (b.type === "context") {
      for (const e of b.elements) if ("text" in e && typeof e.text === "string") lines.push(e.text);
    } else if (b.type === "actions") {
      const labels = b.elements.map((e) => ("text" in e && e.text && typeof e.text === "object" ? e.text.text : "")).filter(Boolean);
      lines.push(`[${labels.join("] [")}]`);
    } else if (b.type === "divider") {
      lines.push("────────");
    }
  }
  return lines.join("\n");
}


