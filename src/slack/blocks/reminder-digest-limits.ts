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
