// The bot's clockwork: reminder passes and the daily digest on their crons (Asia/Shanghai,
// whatever the server's TZ), deferred past quiet hours, made up at start when missed, and tried
// again the same day when a run failed or left messages pending. Each slot runs once however many
// instances share the store (store/scheduled-run-repository.ts): one runs it, the others try again
// later and find it finished, or finish it when the one that ran it died.
import { schedule, type ScheduledTask } from "node-cron";
import { CAMPAIGN_TZ, formatIsoShanghai } from "../domain/model/calendar.ts";
import { runDigest } from "./digest-pass.ts";
import { runReminderPass } from "./reminder-pass.ts";
import { leftForLater, type DeliveryResult } from "./deliver.ts";
import type { OutgoingDeps } from "./outgoing-deps.ts";
import { catchUpTime, lastSlotToday, runTimeFor } from "./schedule-slots.ts";
import { newClaimOwner } from "./claim-owner.ts";
import { runForSlot } from "../store/scheduled-run-repository.ts";
import { runScheduledVerification } from "./verification-run.ts";
import type { VerifySettings } from "../verification/index.ts";

/** After a run that left work, the next tries: then every 30 minutes, while the day lasts. */
export const RETRY_DELAYS_MS = [2, 5, 10, 20, 30].map((m) => m * 60_000);

/** "elsewhere": another instance was running the job; this one tries again later. */
export type RunOutcome = "ok" | "incomplete" | "failed" | "elsewhere";

export interface JobStatus {
  /** When the last run started, and how it ended (undefined while the first is running). */
  lastRunAt?: Date;
  lastOutcome?: RunOutcome;
  /** What was left, or the error. */
  lastDetail?: string;
  running: boolean;
  nextRetryAt?: Date;
}

export interface Scheduler {
  /** Stops the crons and pending timers; waits for a run in progress to stop between sends. */
  stop(): Promise<void>;
  /** Resolves when the runs started so far (catch-up included) have finished; for tests and logs. */
  idle(): Promise<void>;
  /** Each job's last run, for /healthz. */
  status(): Record<string, JobStatus>;
}

interface Job {
  name: string;
  cron: string;
  run(now: Date, signal: AbortSignal): Promise<{ results: DeliveryResult[] }>;
  /** Deferred past quiet hours (default); the probes are not, only the messages they call for. */
  quiet?: boolean;
}

export interface SchedulerOptions {
  /** The verification passes on VERIFY_CRON; null when VERIFY=off. */
  verification?: { cron: string; settings: VerifySettings } | null;
}

function describeLeft(left: DeliveryResult[]): string {
  return left.map((r) => `${r.key} (${r.outcome}${r.error ? `: ${r.error}` : ""})`).join(", ");
}

export function startScheduler(deps: OutgoingDeps, options: SchedulerOptions = {}): Scheduler {
  const abort = new AbortController();
  /** Who finished a slot, in the store: this process. */
  const instance = newClaimOwner();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const statuses: Record<string, JobStatus> = {};
  const retryDelays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  const jobs: Job[] = [
    { name: "reminders", cron: deps.config.REMINDER_CRON, run: (now, signal) => runReminderPass(deps, now, { signal }) },
    { name: "digest", cron: deps.config.DIGEST_CRON, run: (now, signal) => runDigest(deps, now, { signal }) },
  ];
  const verification = options.verification;
  if (verification) {
    jobs.push({
      name: "verification",
      cron: verification.cron,
      quiet: false,
      run: (now, signal) => runScheduledVerification({ ...deps, verify: verification.settings }, now, signal),
    });
  }
  for (const job of jobs) statuses[job.name] = { running: false };

  const later = (job: Job, at: Date, why: string, action: () => void) => {
    const delay = at.getTime() - deps.clock().getTime();
    if (delay <= 0) return action();
    deps.logger.info(`${job.name}: ${why} at ${formatIsoShanghai(at)}`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delay);
    timers.add(timer);
  };

  /** `slot`: the moment the run was due; a retry belongs to the slot's day and no other. */
  const runNow = (job: Job, slot: Date, attempt: number) => {
    const status = statuses[job.name]!;
    if (abort.signal.aborted || running.has(job.name)) return;
    const now = deps.clock();
    deps.logger.info(`${job.name}: run as of ${formatIsoShanghai(now)}${attempt > 0 ? ` (try ${attempt + 1})` : ""}`);
    Object.assign(status, { lastRunAt: now, running: true, nextRetryAt: undefined });
    let retry: (() => void) | undefined;
    const slotRun = { job: job.name, slot, owner: instance, clock: deps.clock };
    const done = runForSlot(deps.store.db, slotRun, async () => {
      const left = leftForLater((await job.run(now, abort.signal)).results);
      return { value: left, finished: left.length === 0 && !abort.signal.aborted };
    })
      .then((run): [RunOutcome, string] => {
        if (run.state === "elsewhere") return ["elsewhere", "another instance is running it"];
        if (run.state === "finished") {
          deps.logger.info(`${job.name}: the run due ${formatIsoShanghai(slot)} was finished at ${formatIsoShanghai(run.at)} (${run.by})`);
          return ["ok", ""];
        }
        return run.value.length === 0 ? ["ok", ""] : ["incomplete", describeLeft(run.value)];
      })
      .catch((error: unknown): [RunOutcome, string] => {
        deps.logger.error(`${job.name} failed:`, error);
        return ["failed", error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error)];
      })
      .then(([outcome, detail]) => {
        Object.assign(status, { lastOutcome: outcome, lastDetail: detail || undefined, running: false });
        if (outcome === "ok" || abort.signal.aborted) return;
        const delay = retryDelays[Math.min(attempt, retryDelays.length - 1)]!;
        const retryAt = new Date(deps.clock().getTime() + delay);
        const at = job.quiet === false ? retryAt : runTimeFor(slot, deps.config.QUIET_HOURS, retryAt);
        if (!at) {
          deps.logger.warn(`${job.name}: left ${detail}; no time left today to try again`);
          return;
        }
        status.nextRetryAt = at;
        const why = outcome === "failed" ? "failed" : outcome === "elsewhere" ? "another instance is running it" : "left work";
        retry = () => later(job, at, `${why}; tries again`, () => runNow(job, slot, attempt + 1));
      })
      .finally(() => {
        running.delete(job.name);
        retry?.();
      });
    running.set(job.name, done);
  };

  /** `slot`: the cron's minute the run is for, the same in every instance; `at`: when it may go out. */
  const runAt = (job: Job, slot: Date, at: Date | null, why: string) => {
    if (!at) {
      deps.logger.info(`${job.name}: ${why} falls in quiet hours until another day; skipped`);
      return;
    }
    later(job, at, `${why} deferred (quiet hours)`, () => runNow(job, slot, 0));
  };

  const tasks: ScheduledTask[] = jobs.map((job) =>
    schedule(
      job.cron,
      () => {
        const now = deps.clock();
        const slot = lastSlotToday(job.cron, now) ?? now;
        runAt(job, slot, job.quiet === false ? now : runTimeFor(slot, deps.config.QUIET_HOURS, now), "scheduled run");
      },
      { timezone: CAMPAIGN_TZ, name: `shutdown-${job.name}`, noOverlap: true },
    ),
  );

  // A run missed while the bot was down goes out now (or after quiet hours, the same day).
  // NOTE: runs are idempotent by their delivery keys, so making up one that did happen sends nothing.
  for (const job of jobs) {
    const now = deps.clock();
    const slot = lastSlotToday(job.cron, now);
    // NOTE: the verification decides itself whether a pass is due (the day's baseline, this hour's pass).
    if (job.quiet === false) {
      runAt(job, slot ?? now, now, "catch-up");
      continue;
    }
    const at = slot && catchUpTime(job.cron, deps.config.QUIET_HOURS, now);
    if (slot && at) runAt(job, slot, at, "catch-up");
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
    status: () => structuredClone(statuses),
  };
}
