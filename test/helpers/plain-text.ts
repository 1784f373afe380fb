// The text of a message's blocks, mrkdwn kept as written, for assertions on wording.
import type { KnownBlock } from "../../src/slack/blocks/block-kit.ts";

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
