// Which scheduled runs fall due when the sandbox's clock moves from one time to another: the
// scheduler's own rules (crons in Asia/Shanghai, quiet hours, catch-up), applied to simulated time.
import { CronExpressionParser } from "cron-parser";
import { CAMPAIGN_TZ } from "../../src/domain/model/calendar.ts";
import type { QuietHours } from "../../src/domain/quiet-hours.ts";
import { catchUpTime, runTimeFor } from "../../src/schedule/schedule-slots.ts";

export type JobName = "reminders" | "digest";

export interface DueRun {
  job: JobName;
  /** The moment the pass runs as of: the cron's minute, or the end of quiet hours it was deferred to. */
  at: Date;
}

export interface DuePlan {
  runs: DueRun[];
  /** The clock jumped so far that it counts as the bot having been off: only the missed run of the day is made up. */
  jumped: boolean;
}

export interface JobCrons {
  reminders: string;
  digest: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Beyond this, a move of the clock is taken as a restart after downtime rather than time going by
 * with the bot up; otherwise moving to the campaign from months before would post a digest a day.
 */
export const MAX_RUNNING_JUMP_MS = 7 * DAY_MS;

/** The minutes in (from, to] at which `expression` fires, in Shanghai time; seconds are ignored, as the scheduler's catch-up does. */
export function cronSlotsBetween(expression: string, from: Date, to: Date): Date[] {
  if (to <= from) return [];
  const slots = new Map<number, Date>();
  const fires = CronExpressionParser.parse(expression, { currentDate: from, endDate: to, tz: CAMPAIGN_TZ });
  while (fires.hasNext()) {
    const minute = Math.floor(fires.next().getTime() / 60_000) * 60_000;
    if (minute > from.getTime() && minute <= to.getTime()) slots.set(minute, new Date(minute));
  }
  return [...slots.values()];
}

export function planDueRuns(crons: JobCrons, quiet: QuietHours, from: Date, to: Date): DuePlan {
  if (to <= from) return { runs: [], jumped: false };
  const jobs = Object.entries(crons) as Array<[JobName, string]>;
  if (to.getTime() - from.getTime() > MAX_RUNNING_JUMP_MS) {
    // As the scheduler does when it starts: a run missed earlier today goes out now (if not quiet).
    const runs = jobs.flatMap(([job, expression]) => {
      const at = catchUpTime(expression, quiet, to);
      return at && at <= to ? [{ job, at }] : [];
    });
    return { runs, jumped: true };
  }
  // NOTE: a slot from before `from` may have been deferred past quiet hours to a time after it.
  const since = new Date(from.getTime() - DAY_MS);
  const runs = jobs.flatMap(([job, expression]) =>
    cronSlotsBetween(expression, since, to)
      .map((slot) => ({ job, at: runTimeFor(slot, quiet, slot) }))
      .filter((r): r is DueRun => r.at !== null && r.at > from && r.at <= to),
  );
  const order = jobs.map(([job]) => job);
  runs.sort((a, b) => a.at.getTime() - b.at.getTime() || order.indexOf(a.job) - order.indexOf(b.job));
  return { runs, jumped: false };
}
