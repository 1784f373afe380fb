// What people type in Slack: full-width letters and spaces, zero-width characters, mixed case,
// a sentence's punctuation.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// NOTE: C0/C1 control characters other than tab and newline carry no meaning in a command.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Whitespace runs (U+3000 included) become one space; zero-width and control characters go.
 * NOTE: no NFKC here: notes keep their full-width punctuation (「，」 stays 「，」).
 */
export function normalizeCommandText(text: string): string {
  return text.replace(ZERO_WIDTH, "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** Punctuation that ends a word the way a sentence does: 「完成 关停。」 「完成，关停」. */
// NOTE: not the ASCII colon: it is part of http:// and of 18:00.
export const WORD_PUNCTUATION = /[。，、：；！,;!]/;
const TRAILING = /[。，、：；！？,.:;!?]+$/;

/**
 * How a token is compared with keywords, names and domains: NFKC (full-width ASCII → ASCII),
 * lower case, without the punctuation that ends a sentence (「关停。」 is 「关停」, 「?」 stays).
 */
export function keywordOf(token: string): string {
  const word = token.normalize("NFKC").toLowerCase();
  const bare = word.replace(TRAILING, "");
  return bare === "" ? word : bare;
}
