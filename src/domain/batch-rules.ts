// A new batch's name and dates as a coordinator types them: the transition due date and the
// shutdown window become absolute instants (Shanghai), each checked, every problem at once.
import { formatDateTime, parseDeadlineTime, parseShanghaiDateTime, shanghaiInstant } from "./model/calendar.ts";
import { batchTexts as bt } from "../messages/batch-messages.ts";

export interface BatchDates {
  transitionDue: Date;
  windowOpens: Date;
  windowEnds: Date;
}

export type BatchDatesParse = { ok: true; dates: BatchDates } | { ok: false; problems: string[] };

const BATCH_NAME = /^[^\s/]{1,20}$/;

export function isBatchName(name: string): boolean {
  return BATCH_NAME.test(name);
}

function parseDay(text: string): { y: number; m: number; d: number } | null {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseShanghaiDateTime(text) : null;
  if (!at) return null;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

/** `--transition-due 2027-08-20[ 18:00]` and `--window 2027-08-21..2027-08-23`, as of `now`. */
export function parseBatchDates(input: { transitionDue?: string; window?: string }, now: Date): BatchDatesParse {
  const problems: string[] = [];
  const nowText = formatDateTime(now);
  let transitionDue: Date | null = null;
  const due = input.transitionDue?.trim();
  if (!due) problems.push(bt.transitionMissing);
  else if (!/^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$/.test(due) || !(transitionDue = parseDeadlineTime(due))) problems.push(bt.transitionBad(due));
  else if (transitionDue.getTime() <= now.getTime()) problems.push(bt.transitionPast(due, nowText));

  let windowOpens: Date | null = null;
  let windowEnds: Date | null = null;
  const window = input.window?.trim();
  if (!window) problems.push(bt.windowMissing);
  else {
    const [from, to, ...rest] = window.split("..").map((s) => s.trim());
    const a = from ? parseDay(from) : null;
    const b = to ? parseDay(to) : null;
    if (!a || !b || rest.length > 0) problems.push(bt.windowBad(window));
    else {
      windowOpens = shanghaiInstant(a.y, a.m, a.d, 0, 0, 0);
      windowEnds = shanghaiInstant(b.y, b.m, b.d, 23, 59, 59);
      if (windowEnds.getTime() < windowOpens.getTime()) problems.push(bt.windowBackwards(window));
      else if (windowEnds.getTime() <= now.getTime()) problems.push(bt.windowPast(window, nowText));
    }
  }
  if (problems.length > 0 || !transitionDue || !windowOpens || !windowEnds) return { ok: false, problems };
  return { ok: true, dates: { transitionDue, windowOpens, windowEnds } };
}

/** Suffixes under which a name is registered one label deeper (jtda.gov.cn, not gov.cn). */
const SECOND_LEVEL_SUFFIXES = /\.(gov|com|net|org|edu|ac|mil|[a-z]{2})\.cn$/;

/**
 * jt.czsga.gov.cn is a name under someone else's registered domain (czsga.gov.cn): DNS removal
 * only. www.jtxx.cn is the unit's own site name.
 */
export function isSubdomainName(name: string): boolean {
  const labels = name.split(".");
  return labels.length > (SECOND_LEVEL_SUFFIXES.test(name) ? 3 : 2) && labels[0] !== "www";
}

const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isDomainName(name: string): boolean {
  return DOMAIN.test(name);
}
