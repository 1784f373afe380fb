// The bot's scheduled passes, run by the sandbox as of a simulated time: the real reminder pass
// and digest, through the delivery log, into the stand-in.
import type { DeliveryResult } from "../../src/schedule/deliver.ts";
import type { OutgoingDeps } from "../../src/schedule/outgoing-deps.ts";
import { formatQuietHours } from "../../src/domain/quiet-hours.ts";
import { runDigest } from "../../src/schedule/digest-pass.ts";
import { digestTexts } from "../../src/messages/digest-messages.ts";
import { passTexts } from "../../src/messages/reminder-messages.ts";
import { sandboxMessages as sm } from "./sandbox-messages.ts";
import { runReminderPass } from "../../src/schedule/reminder-pass.ts";
import type { JobName } from "./due-jobs.ts";
import { runVerification } from "../../src/schedule/verification-run.ts";
import { verifyReplyTexts } from "../../src/messages/verification-messages.ts";
import type { VerifySettings } from "../../src/verification/index.ts";

export class SandboxJobs {
  constructor(
    readonly deps: OutgoingDeps,
    /** The probes' settings (pointing at the simulated internet); null: VERIFY=off. */
    private readonly verifySettings: VerifySettings | null = null,
  ) {}

  /** A verification pass as of `now`, as the hourly one: stored, and the DMs it calls for sent. */
  async verify(now: Date): Promise<{ lines: string[]; ok: boolean }> {
    if (!this.verifySettings) return { lines: [verifyReplyTexts.disabled], ok: false };
    const run = await runVerification({ ...this.deps, verify: this.verifySettings }, now, { kind: "hourly", actor: "system" });
    const lines = [sm.verifySummary(run.domains.length, Object.values(run.counts).reduce((a, b) => a + b, 0), verifyReplyTexts.counts(run.counts), run.offline), ...run.notes];
    const failed = unsent(run.results);
    if (failed.length > 0) lines.push(sm.sendFailed(failed));
    return { lines, ok: failed.length === 0 };
  }

  /** Runs one pass as of `now`: what it did in a line, and whether everything due went out. */
  async run(job: JobName, now: Date): Promise<JobSummary> {
    return job === "reminders" ? this.remind(now) : this.digest(now);
  }

  private async remind(now: Date): Promise<JobSummary> {
    const report = await runReminderPass(this.deps, now);
    if (report.quiet) return { line: passTexts.quiet(formatQuietHours(this.deps.config.QUIET_HOURS)), ok: true };
    if (report.messages.length === 0) return { line: passTexts.nothingDue(report.day), ok: true };
    const failed = unsent(report.results);
    return { line: sm.remindSummary(count(report.results, "sent"), count(report.results, "already-sent"), failed), ok: failed.length === 0 };
  }

  private async digest(now: Date): Promise<JobSummary> {
    const report = await runDigest(this.deps, now);
    if (report.noChannel) return { line: digestTexts.noChannel, ok: false };
    if (report.quiet) return { line: digestTexts.quiet(formatQuietHours(this.deps.config.QUIET_HOURS)), ok: true };
    const failed = unsent(report.results);
    if (failed.length > 0) return { line: sm.sendFailed(failed), ok: false };
    if (report.alreadySent && count(report.results, "sent") === 0) return { line: digestTexts.alreadySent(report.day), ok: true };
    return { line: sm.digestPosted(report.day), ok: true };
  }
}

export interface JobSummary {
  line: string;
  ok: boolean;
}

function count(results: DeliveryResult[], outcome: DeliveryResult["outcome"]): number {
  return results.filter((r) => r.outcome === outcome).length;
}

function unsent(results: DeliveryResult[]): string[] {
  return results.filter((r) => r.outcome === "failed" || r.outcome === "not-attempted").map((r) => `${r.key}: ${r.error ?? r.outcome}`);
}
