// The per-message budget (decision 009): every surface is built to fit Slack's limits, and what
// does not fit is cut at an entry boundary with a closing line "…及其他 N 项", never mid-entry.
//
//   roomFor("message")              50 blocks and 12,000 characters; "view": 100 blocks
//   roomLeft(room, fixedBlocks)     what is left once the fixed blocks are placed
//   fitTextList(list, room)         one list packed into sections, cut at an entry boundary
//   shareRoom(room, lists)          several lists sharing one room fairly (a short list keeps
//                                   all of its entries, long ones share the rest)
//   fitBlockList(room, n, render, more)   entries that are blocks of their own (a unit with its button)
//   firstThatFits(room, layouts)    the first layout (full, then compact) that fits
// `message()` and the views end with keepWithinBudget, the last guard; the surfaces' tests at
// the worst sizes check that it never has to cut.
import { listTexts } from "../../messages/list-messages.ts";
import { clipMrkdwn, mrkdwnAsSent, toMrkdwn, type MrkdwnLike } from "../../messages/mrkdwn.ts";
import { context, section, type KnownBlock } from "./block-kit.ts";
import { SLACK_LIMITS, type Surface } from "./slack-limits.ts";

export interface Room {
  blocks: number;
  chars: number;
}

export function roomFor(surface: Surface): Room {
  return surface === "message"
    ? { blocks: SLACK_LIMITS.messageBlocks, chars: SLACK_LIMITS.messageChars }
    : // NOTE: Slack publishes no character limit across a view's blocks, only the 100 blocks.
      { blocks: SLACK_LIMITS.viewBlocks, chars: Number.POSITIVE_INFINITY };
}

/** Characters a block counts towards the message's 12,000: every text it holds, plain or mrkdwn. */
export function blockChars(block: unknown): number {
  if (typeof block !== "object" || block === null) return 0;
  let n = 0;
  if (Array.isArray(block)) {
    for (const b of block) n += blockChars(b);
    return n;
  }
  const obj = block as Record<string, unknown>;
  for (const key in obj) {
    const value = obj[key];
    if (typeof value === "string") {
      if (key === "text") n += value.length;
    } else if (typeof value === "object") n += blockChars(value);
  }
  return n;
}

export function usage(blocks: readonly KnownBlock[]): Room {
  return { blocks: blocks.length, chars: blockChars(blocks) };
}

export function roomLeft(room: Room, blocks: readonly KnownBlock[]): Room {
  const used = usage(blocks);
  return { blocks: room.blocks - used.blocks, chars: room.chars - used.chars };
}

export function fits(blocks: readonly KnownBlock[], room: Room): boolean {
  const used = usage(blocks);
  return used.blocks <= room.blocks && used.chars <= room.chars;
}

/** What is wrong with a message or view against the budget; empty when it fits. */
export function budgetProblems(blocks: readonly KnownBlock[], surface: Surface): string[] {
  const room = roomFor(surface);
  const used = usage(blocks);
  const problems: string[] = [];
  if (used.blocks > room.blocks) problems.push(`${used.blocks} blocks, more than ${room.blocks}`);
  if (used.chars > room.chars) problems.push(`${used.chars} characters across blocks, more than ${room.chars}`);
  return problems;
}

/**
 * The last guard: a surface that still exceeds its budget loses blocks from the end, and says so
 * in the closing line. The builders fit their lists first, so this does not happen at the sizes
 * the campaign has (the worst-size test checks that).
 */
export function keepWithinBudget(blocks: KnownBlock[], surface: Surface): KnownBlock[] {
  const room = roomFor(surface);
  if (fits(blocks, room)) return blocks;
  const kept = [...blocks];
  while (kept.length > 0) {
    const note = context(listTexts.overBudget(blocks.length - kept.length));
    if (fits([...kept, note], room)) return [...kept, note];
    kept.pop();
  }
  return [context(listTexts.overBudget(blocks.length))];
}

export interface TextList {
  /** The list's first line (its title), always shown. */
  heading?: MrkdwnLike;
  count: number;
  /** Entry i: called only for entries that can be shown, so a list of 100,000 costs what fits. */
  entry(index: number): MrkdwnLike;
  /** The closing line when entries were left out. */
  more(omitted: number): MrkdwnLike;
  /** Between entries: "\n" (default), "\n\n" to set entries apart on a phone, "、" for names. */
  separator?: string;
  /** Between the heading and the first entry: "\n" (default), "" to go on in the heading's line. */
  afterHeading?: string;
  /** Section (default) or context. */
  as?: "section" | "context";
}

/**
 * The TextList of `rows`, each entry made from its row: undefined when there are none, so a list
 * with nothing in it shows no heading either.
 */
export function listOfRows<T>(
  rows: readonly T[],
  list: Omit<TextList, "count" | "entry"> & { entry(row: T): MrkdwnLike },
): TextList | undefined {
  if (rows.length === 0) return undefined;
  return { ...list, count: rows.length, entry: (i) => list.entry(rows[i]!) };
}

export interface FittedList {
  blocks: KnownBlock[];
  shown: number;
  omitted: number;
}

const TEXT_MAX = SLACK_LIMITS.text;

/** Entry texts formatted once, however often a list is packed. */
class Entries {
  private readonly cache: string[] = [];
  constructor(private readonly list: TextList) {}
  get(i: number, max: number): string {
    const text = (this.cache[i] ??= toMrkdwn(this.list.entry(i)).text);
    return text.length <= max ? text : clipMrkdwn(toMrkdwn(this.list.entry(i)), max).text;
  }
}

const entriesOf = new WeakMap<TextList, Entries>();
function entries(list: TextList): Entries {
  let e = entriesOf.get(list);
  if (!e) entriesOf.set(list, (e = new Entries(list)));
  return e;
}

/** Packs a list into as few texts as the 3,000-character limit allows, within the room. */
export function fitTextList(list: TextList, room: Room): FittedList {
  const sep = list.separator ?? "\n";
  const afterHeading = list.afterHeading ?? "\n";
  const heading = list.heading === undefined ? "" : toMrkdwn(list.heading).text;
  // NOTE: the texts are mrkdwn already (escaped when each entry was formatted).
  const build = (texts: string[]) => texts.map((t) => (list.as === "context" ? context(mrkdwnAsSent(t)) : section(mrkdwnAsSent(t))));
  const moreSep = sep.includes("\n") ? "\n" : "";
  // Room kept for the closing line, sized for the largest count it could name.
  const reserve = toMrkdwn(list.more(list.count)).length + moreSep.length;
  const texts: string[] = [];
  let current = heading;
  let doneChars = 0;
  let shown = 0;
  const all = entries(list);
  for (let i = 0; i < list.count; i++) {
    const keep = i === list.count - 1 ? 0 : reserve;
    const text = all.get(i, TEXT_MAX - reserve - heading.length - 1);
    const glue = current === "" ? "" : shown === 0 ? afterHeading : sep;
    const joined = current.length + glue.length + text.length;
    if (joined + keep <= TEXT_MAX && doneChars + joined + keep <= room.chars && texts.length + 1 <= room.blocks) {
      current += glue + text;
      shown++;
      continue;
    }
    const startsNew = current !== "";
    if (startsNew && texts.length + 2 <= room.blocks && doneChars + current.length + text.length + keep <= room.chars) {
      texts.push(current);
      doneChars += current.length;
      current = text;
      shown++;
      continue;
    }
    break;
  }
  const omitted = list.count - shown;
  if (omitted > 0) {
    const more = toMrkdwn(list.more(omitted)).text;
    current = current === "" ? more : `${current}${shown === 0 ? afterHeading : moreSep}${more}`;
  }
  if (current !== "") texts.push(current);
  return { blocks: build(texts), shown, omitted };
}


/** The least a list takes: its heading and closing line. */
function leastNeed(list: TextList): Room {
  return usage(fitTextList(list, { blocks: 1, chars: 0 }).blocks);
}

/** Water-filling: each list gets its least, then shares of the rest; a list needing less than its share gives the rest back. */
function share(total: number, least: number[], need: number[]): number[] {
  const alloc = [...least];
  let left = total - least.reduce((a, b) => a + b, 0);
  const order = need.map((_, i) => i).sort((a, b) => need[a]! - least[a]! - (need[b]! - least[b]!));
  let waiting = order.length;
  for (const i of order) {
    const extra = Math.max(0, Math.min(need[i]! - least[i]!, Math.floor(left / waiting)));
    alloc[i]! += extra;
    left -= extra;
    waiting--;
  }
  return alloc;
}

/** Several lists in one room: a list that is short is shown whole, the long ones share the rest. */
export function shareRoom(room: Room, lists: readonly TextList[]): FittedList[] {
  if (lists.length === 0) return [];
  const least = lists.map(leastNeed);
  // NOTE: fitted in the whole room, a list shows what it would take; one cut there wants
  // everything, and entries beyond the room are never formatted.
  const alone = lists.map((l) => fitTextList(l, room));
  const need = alone.map((f) => usage(f.blocks));
  const chars = share(room.chars, least.map((r) => r.chars), need.map((r) => r.chars));
  const blocks = share(room.blocks, least.map((r) => r.blocks), need.map((r) => r.blocks));
  const fitted = lists.map((l, i) =>
    alone[i]!.omitted === 0 && chars[i]! >= need[i]!.chars && blocks[i]! >= need[i]!.blocks ? alone[i]! : fitTextList(l, { blocks: blocks[i]!, chars: chars[i]! }),
  );
  // What a cut list could not use goes to the next list that was cut.
  let spare = roomLeft(room, fitted.flatMap((f) => f.blocks));
  fitted.forEach((f, i) => {
    if (f.omitted === 0 || (spare.chars <= 0 && spare.blocks <= 0)) return;
    const before = usage(f.blocks);
    const again = fitTextList(lists[i]!, { blocks: before.blocks + Math.max(0, spare.blocks), chars: before.chars + Math.max(0, spare.chars) });
    const after = usage(again.blocks);
    fitted[i] = again;
    spare = { blocks: spare.blocks - (after.blocks - before.blocks), chars: spare.chars - (after.chars - before.chars) };
  });
  return fitted;
}

/**
 * Entries that are blocks of their own, in order, while they fit; then `more(omitted)`. Room
 * for the closing blocks is kept, so the list always ends saying what was left out.
 */
export function fitBlockList(room: Room, count: number, render: (index: number) => KnownBlock[], more: (omitted: number) => KnownBlock[]): FittedList {
  const closing = usage(more(count));
  const blocks: KnownBlock[] = [];
  let used: Room = { blocks: 0, chars: 0 };
  let shown = 0;
  for (; shown < count; shown++) {
    const next = render(shown);
    const cost = usage(next);
    const keep = shown === count - 1 ? { blocks: 0, chars: 0 } : closing;
    if (used.blocks + cost.blocks + keep.blocks > room.blocks || used.chars + cost.chars + keep.chars > room.chars) break;
    blocks.push(...next);
    used = { blocks: used.blocks + cost.blocks, chars: used.chars + cost.chars };
  }
  const omitted = count - shown;
  return { blocks: omitted > 0 ? [...blocks, ...more(omitted)] : blocks, shown, omitted };
}

/** The first layout that fits the room; the last one when none does (the last guard then cuts it). */
export function firstThatFits(room: Room, layouts: readonly (() => KnownBlock[])[]): KnownBlock[] {
  let last: KnownBlock[] = [];
  for (const layout of layouts) {
    last = layout();
    if (fits(last, room)) return last;
  }
  return last;
}
