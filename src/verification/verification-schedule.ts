// When a verification pass runs: a baseline pass once a day before the shutdown window opens,
// then hourly from its opening until every domain is confirmed or a week after the last deadline.
// VERIFY_CRON fires (hourly by default); this decides whether that tick probes.
import { calendarDaysUntil } from "../domain/model/calendar.ts";

export const AFTER_LAST_DEADLINE_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

export interface ScheduleInput {
  now: Date;
  /** The shutdown window's opening (June 21 00:00). */
  windowOpensAt: Date;
  /** The latest due time of the verified items (June 23 23:59:59). */
  lastDueAt: Date;
  lastPassAt: Date | null;
  /** Every verified item is confirmed (or accepted by a coordinator). */
  allConfirmed: boolean;
}

export type ScheduleDecision =
  | { run: true; kind: "baseline" | "hourly" }
  | { run: false; reason: "baseline-done-today" | "ran-this-hour" | "all-confirmed" | "campaign-over" };

export function decideVerificationRun(input: ScheduleInput): ScheduleDecision {
  const { now, lastPassAt } = input;
  if (now.getTime() < input.windowOpensAt.getTime()) {
    const doneToday = lastPassAt !== null && calendarDaysUntil(lastPassAt, now) === 0;
    return doneToday ? { run: false, reason: "baseline-done-today" } : { run: true, kind: "baseline" };
  }
  if (now.getTime() > input.lastDueAt.getTime() + AFTER_LAST_DEADLINE_MS) return { run: false, reason: "campaign-over" };
  if (input.allConfirmed) return { run: false, reason: "all-confirmed" };
  // NOTE: Shanghai is a whole-hour offset from UTC, so UTC hours are Shanghai's hours.
  const sameHour = lastPassAt !== null && Math.floor(lastPassAt.getTime() / HOUR_MS) === Math.floor(now.getTime() / HOUR_MS);
  return sameHour ? { run: false, reason: "ran-this-hour" } : { run: true, kind: "hourly" };
}
