// What people type in Slack: full-width letters and spaces, zero-width characters, mixed case.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// NOTE: C0/C1 control characters other than tab and newline carry no meaning in a command.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** NFKC folds full-width ASCII and U+3000 to their plain forms; whitespace runs become one space. */
export function normalizeCommandText(text: string): string {
  return text.normalize("NFKC").replace(ZERO_WIDTH, "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeCommandText(text);
  return normalized === "" ? [] : normalized.split(" ");
}

/** Keyword comparison ignores case. */
export function keywordOf(token: string): string {
  return token.toLowerCase();
}
