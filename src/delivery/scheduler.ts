// The bot's clockwork: reminder passes and the daily digest on their crons (Asia/Shanghai,
// whatever the server's TZ), deferred past quiet hours, and made up at start when missed.
import { schedule, type ScheduledTask } from "node-cron";
import { CAMPAIGN_TZ, formatIsoShanghai } from "../domain/calendar.ts";
import { runDigest } from "../digest/digest-pass.ts";
import { runReminderPass } from "../reminders/reminder-pass.ts";
import type { OutgoingDeps } from "./outgoing-deps.ts";
import { catchUpTime, runTimeFor } from "./schedule-slots.ts";

export interface Scheduler {
  /** Stops the crons and pending timers; waits for a run in progress to stop between sends. */
  stop(): Promise<void>;
  /** Resolves when the runs started so far (catch-up included) have finished; for tests and logs. */
  idle(): Promise<void>;
}

interface Job {
  name: string;
  cron: string;
  run(now: Date, signal: AbortSignal): Promise<unknown>;
}

export function startScheduler(deps: OutgoingDeps): Scheduler {
  const abort = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const jobs: Job[] = [
    { name: "reminders", cron: deps.config.REMINDER_CRON, run: (now, signal) => runReminderPass(deps, now, { signal }) },
    { name: "digest", cron: deps.config.DIGEST_CRON, run: (now, signal) => runDigest(deps, now, { signal }) },
  ];

  const runNow = (job: Job) => {
    if (abort.signal.aborted || running.has(job.name)) return;
    const now = deps.clock();
    deps.logger.info(`${job.name}: run as of ${formatIsoShanghai(now)}`);
    const done = job
      .run(now, abort.signal)
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error(`${job.name} failed:`, error))
      .finally(() => running.delete(job.name));
    running.set(job.name, done);
  };

  const runAt = (job: Job, at: Date | null, why: string) => {
    if (!at) {
      deps.logger.info(`${job.name}: ${why} falls in quiet hours until another day; skipped`);
      return;
    }
    const delay = at.getTime() - deps.clock().getTime();
    if (delay <= 0) return runNow(job);
    deps.logger.info(`${job.name}: ${why} deferred to ${formatIsoShanghai(at)} (quiet hours)`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      runNow(job);
    }, delay);
    timers.add(timer);
  };

  const tasks: ScheduledTask[] = jobs.map((job) =>
    schedule(
      job.cron,
      () => {
        const now = deps.clock();
        runAt(job, runTimeFor(now, deps.config.QUIET_HOURS, now), "scheduled run");
      },
      { timezone: CAMPAIGN_TZ, name: `shutdown-${job.name}`, noOverlap: true },
    ),
  );

  // A run missed while the bot was down goes out now (or after quiet hours, the same day).
  // NOTE: runs are idempotent by their delivery keys, so making up one that did happen sends nothing.
  for (const job of jobs) {
    const at = catchUpTime(job.cron, deps.config.QUIET_HOURS, deps.clock());
    if (at) runAt(job, at, "catch-up");
  }

  return {
    async stop() {
      abort.abort();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.all(running.values());
    },
    async idle() {
      await Promise.all(running.values());
    },
  };
}
