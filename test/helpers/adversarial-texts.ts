// A seeded, deterministic generator of hostile /shutdown texts: very long, control characters,
// full-width and zero-width spaces, emoji, SQL, fake mentions, every keyword in the wrong place.
import {
  ADD_WORDS,
  CANCELLED_WORDS,
  COMMAND_ALIASES,
  DNS_WORDS,
  PREVIEW_WORDS,
  PROVIDER_VALUES,
  REMOVE_WORDS,
  SET_FIELDS,
  STATE_ALIASES,
  TASK_ALIASES,
} from "../../src/domain/command/vocabulary.ts";
import type { CampaignSeed } from "../../src/domain/campaign-seed.ts";

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KEYWORDS: readonly string[] = [
  ...Object.values(COMMAND_ALIASES).flat(),
  ...Object.values(STATE_ALIASES).flat(),
  ...Object.values(TASK_ALIASES).flat(),
  ...Object.values(SET_FIELDS).flat(),
  ...Object.values(PROVIDER_VALUES).flat(),
  ...DNS_WORDS,
  ...CANCELLED_WORDS,
  ...ADD_WORDS,
  ...REMOVE_WORDS,
  ...PREVIEW_WORDS,
];

const SQL = [
  `'; DROP TABLE "ChecklistItem"; --`,
  `" OR ""="`,
  `1 OR 1=1`,
  `jtda' --`,
  `'); DELETE FROM "Unit" WHERE ('1'='1`,
  `UNION SELECT * FROM "Contact"`,
  `%' AND 1=0 UNION SELECT sqlite_version() --`,
  `\\'; PRAGMA writable_schema=1; --`,
];
const MENTIONS = ["<@U0COORD>", "<@U0COORD|coordinator>", "<@U0NOBODY|王芳>", "<!channel>", "<!here>", "<!everyone>", "<#C0DIGEST|shutdown>", "@U0COORD", "<@U0COORD|a b c>", "<@W0ABC>", "<@u0lower>", "<@>", "<@U0COORD", "@here"];
const EMOJI = ["✅", "🧨", "👍🏽", "👨‍👩‍👧", "🇨🇳", "🔥🔥🔥", "😀", ":white_check_mark:", "☑️", "\u{1F600}\u{FE0F}"];
const SPACES = [" ", "  ", "\u3000", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u200b", " \u200b ", "\u2028", "\u205f"];
const ODD = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u200e", "\u202e", "\ufeff", "\u2060", "\u0301", "\ufffd", "\\", "%00", "%", "&", "=", "+", "\"", "'", "`", "*bold*", "_i_", "~s~", "```", ">", "<", "&lt;", "<>"];

export function generateTexts(count: number, seed: number, campaign: CampaignSeed): string[] {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const units = campaign.units.flatMap((u) => [u.key, u.name, `区${u.name}`, ...u.domains.map((d) => d.name)]);
  const word = () => {
    const r = rnd();
    return r < 0.45 ? pick(KEYWORDS) : r < 0.65 ? pick(units) : r < 0.75 ? pick(MENTIONS) : r < 0.85 ? pick(EMOJI) : r < 0.93 ? pick(SQL) : pick(ODD);
  };
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const disguise = (s: string) => {
    const r = rnd();
    if (r < 0.25) return fullWidth(s);
    if (r < 0.45) return s.toUpperCase();
    if (r < 0.65) {
      const at = int(s.length + 1);
      return s.slice(0, at) + pick(["\u200b", "\u200d", "\u0000", "\u00ad", "\ufeff", "\u0301"]) + s.slice(at);
    }
    return s;
  };
  const join = (parts: string[]) => parts.map((p, i) => (i === 0 ? p : pick(SPACES) + p)).join("");
  const soup = (n: number) => join(Array.from({ length: n }, () => disguise(word())));
  const templates: Array<() => string> = [
    () => soup(1 + int(8)),
    // A plausible command, one part moved, disguised or replaced.
    () => {
      const parts = [pick(units), pick(Object.values(STATE_ALIASES).flat()), pick(Object.values(TASK_ALIASES).flat()), word()].slice(int(2));
      const i = int(parts.length);
      if (rnd() < 0.5) parts[i] = disguise(parts[i]!);
      else parts.splice(int(parts.length), 0, word());
      return join(rnd() < 0.3 ? parts.reverse() : parts);
    },
    // Very long: a real command with a huge note, or one token repeated.
    () => (rnd() < 0.5 ? `done column ${pick(EMOJI)}${"很长的备注".repeat(200 + int(2_000))}` : `${pick(KEYWORDS)} `.repeat(300 + int(3_000))),
    () => `${pick(["set icp", "set phone", "set email", "set provider", "set migrate", "deadline shutdown", "blocked icp", "na backup", "done domain"])} ${pick(SQL)}`,
    () => `${pick(["assign", "unassign", "coordinator add", "coordinator remove", "join", "unit"])} ${pick(units)} ${pick(MENTIONS)}`,
    () => `${pick(MENTIONS)} ${soup(1 + int(3))}`,
    () => Array.from({ length: 1 + int(60) }, () => pick([...ODD, ...SPACES, ...EMOJI])).join(""),
    () => `deadline ${pick(["shutdown", "transition", "x"])} ${pick(["2027-02-30", "2027-06-25 25:61", "9999-12-31", "0000-01-01 00:00", "2027-06-25T18:00", "明天", "-1", "1e309"])}`,
  ];
  return Array.from({ length: count }, () => pick(templates)());
}
