// A unit's checklist: every item with its state, grouped by deadline, and what to do next.
import { deadlineForTask, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../../domain/model/records.ts";
import { isFinished } from "../../domain/model/tasks.ts";
import { deepFreeze } from "../../lib/deep-freeze.ts";
import { groupBy } from "../../lib/group-by.ts";
import { dueText, icpPathText, itemLabel, nextStepText } from "../../messages/item-messages.ts";
import { joinMd, md } from "../../messages/mrkdwn.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { unitSummaryTexts } from "../../messages/unit-summary-messages.ts";
import { context, divider, header, section, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { itemLine, itemWithButtons, NOTE_STEPS } from "./item-buttons.ts";
import { firstThatFits, fitBlockList, roomFor, roomLeft, type Room } from "./message-budget.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { pendingGroups, unitSummaryBlock } from "./unit-summary-blocks.ts";
import { checklistTexts } from "../../messages/checklist-messages.ts";

/** Lines in as few sections as the 3,000-character limit allows, each line whole. */
function sectionsOfLines(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    const size = md`${line}`.length + 1;
    if (current.length > 0 && length + size > SLACK_LIMITS.text) {
      blocks.push(section(joinMd(current, "\n")));
      current = [];
      length = 0;
    }
    current.push(line);
    length += size;
  }
  if (current.length > 0) blocks.push(section(joinMd(current, "\n")));
  return blocks;
}

/** Grouped by deadline; with buttons, each pending item gets its own line and buttons. */
export function checklistBlocks(
  unit: UnitRecord,
  items: ItemRecord[],
  deadlines: DeadlineRecord[],
  now: Date,
  /**
   * `noteMax` shortens notes; `prefix` goes before commands shown; `icpPath: false` leaves out
   * the ICP line (the next step says it).
   */
  options: { buttons?: boolean; noteMax?: number; prefix?: string; icpPath?: boolean } = {},
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const line = (i: ItemRecord) => itemLine(i, options.noteMax);
  const byDeadline = groupBy(items, (i) => deadlineForTask(deadlines, i.task, i.batchId)?.key ?? "");
  for (const deadline of deadlines) {
    const group = byDeadline.get(deadline.key) ?? [];
    if (group.length === 0) continue;
    // NOTE: a deadline whose items are all done or 不适用 reads 已完成, never 已逾期.
    const title = `*${deadline.title}*　${dueText(deadline, now, group.every((i) => isFinished(i.state)))}`;
    if (!options.buttons) {
      blocks.push(...sectionsOfLines([title, ...group.map(line)]));
      continue;
    }
    blocks.push(...sectionsOfLines([title, ...group.filter((i) => isFinished(i.state)).map(line)]));
    for (const item of group.filter((i) => !isFinished(i.state))) blocks.push(...itemWithButtons(item, line(item)));
  }
  const icp = items.find((i) => i.task === "icp");
  if (icp && !isFinished(icp.state) && options.icpPath !== false) blocks.push(context(checklistTexts.icpPath(icpPathText(unit, options.prefix))));
  return blocks;
}

/** The checklist as large as the room allows: notes whole, then shortened, then left out. */
export function fittedChecklist(room: Room, build: (noteMax: number) => KnownBlock[]): KnownBlock[] {
  return firstThatFits(room, NOTE_STEPS.map((max) => () => build(max)));
}

export function firstPending(items: ItemRecord[], deadlines: DeadlineRecord[]): ItemRecord | undefined {
  const order = (i: ItemRecord) => deadlines.findIndex((d) => d.tasks.includes(i.task));
  return items.filter((i) => !isFinished(i.state)).sort((a, b) => order(a) - order(b))[0];
}

/** `prefix`: what goes before the commands shown, so they work as typed ("区统计局 " or ""). */
export function statusBlocks(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[], now: Date, room: Room, prefix = ""): KnownBlock[] {
  const done = items.filter((i) => isFinished(i.state)).length;
  const next = firstPending(items, deadlines);
  const head = header(checklistTexts.titleWithCount(unit.name, done, items.length));
  const foot = [divider(), section(next ? nextStepText(next, unit, prefix) : checklistTexts.allDone)];
  // NOTE: when the next step is the ICP cancellation it says the path itself; once is enough.
  const options = { buttons: true, prefix, icpPath: next?.task !== "icp" };
  return fittedChecklist(room, (noteMax) => [head, ...checklistBlocks(unit, items, deadlines, now, { ...options, noteMax }), ...foot]);
}

export function statusText(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[]): string {
  const done = items.filter((i) => isFinished(i.state)).length;
  const next = firstPending(items, deadlines);
  return checklistTexts.summary(unit.name, done, items.length, next ? itemLabel(next) : null);
}

export function statusMessage(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[], now: Date, prefix = ""): SlackMessage {
  const made = madeFrom(unit, items, deadlines);
  if (!made) return makeStatusMessage(unit, items, deadlines, now, prefix);
  // NOTE: the time enters the reply only through the deadlines' due texts; anything else the
  // reply comes to depend on goes into this key too (decision 028).
  const key = `${prefix}\n${deadlines.map((d) => dueText(d, now)).join("\n")}`;
  let reply = made.get(key);
  if (!reply) {
    if (made.size >= MADE_PER_READ) made.clear();
    made.set(key, (reply = deepFreeze(makeStatusMessage(unit, items, deadlines, now, prefix))));
  }
  return reply;
}

function makeStatusMessage(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[], now: Date, prefix: string): SlackMessage {
  return message(statusText(unit, items, deadlines), statusBlocks(unit, items, deadlines, now, roomFor("message"), prefix));
}

/** Prefixes and days a reply is kept for, per read of a unit; one or two in practice. */
const MADE_PER_READ = 8;
const made = new WeakMap<ItemRecord[], { unit: UnitRecord; deadlines: DeadlineRecord[]; replies: Map<string, SlackMessage> }>();

/**
 * Replies already made from these very records. NOTE: only from frozen records, which the
 * readers keep and share between requests while the store's versions stay the same (kept-reads.ts):
 * a `status` asked again before anything changed is the same message, made once. Records that
 * are not frozen may still change, so nothing is kept for them.
 */
function madeFrom(unit: UnitRecord, items: ItemRecord[], deadlines: DeadlineRecord[]): Map<string, SlackMessage> | undefined {
  if (!Object.isFrozen(items) || !Object.isFrozen(unit) || !Object.isFrozen(deadlines)) return undefined;
  let entry = made.get(items);
  if (!entry || entry.unit !== unit || entry.deadlines !== deadlines) made.set(items, (entry = { unit, deadlines, replies: new Map() }));
  return entry.replies;
}

/** `status` for a contact of several units: every unit, compactly. */
export function manyStatusMessage(units: { unit: UnitRecord; items: ItemRecord[] }[], deadlines: DeadlineRecord[], now: Date): SlackMessage {
  const pending = units.reduce((n, u) => n + u.items.filter((i) => !isFinished(i.state)).length, 0);
  const intro = unitSummaryTexts.manyIntro(units.length, pending);
  const head = [header(unitSummaryTexts.manyHeader(units.length)), section(intro)];
  const foot = [context(unitSummaryTexts.manyHint(units[0]?.unit.name ?? checklistTexts.exampleUnit))];
  const list = fitUnitSummaries(roomLeft(roomFor("message"), [...head, ...foot]), units, deadlines, now);
  return message(intro, [...head, ...list, ...foot]);
}

/** One block per unit while they fit, then the names of the rest. */
export function fitUnitSummaries(room: Room, units: readonly { unit: UnitRecord; items: ItemRecord[] }[], deadlines: DeadlineRecord[], now: Date, options: { hint?: boolean } = {}): KnownBlock[] {
  const more = (omitted: number) => [context(md`${listTexts.moreUnits(omitted)}：${units.slice(units.length - omitted).map((u) => u.unit.name).join("、")}`)];
  return fitBlockList(room, units.length, (i) => [unitSummaryBlock(units[i]!.unit, pendingGroups(units[i]!.items, deadlines), now, options)], more).blocks;
}
