// What /healthz reports: whether the store can be written (a rate-limited write probe), how the
// scheduler's last runs ended, messages left unsent for longer than a day's retries take, and
// whether the coordinators' channel is reachable.
import { performance } from "node:perf_hooks";
import type { WebClient } from "@slack/web-api";
import type { Config } from "../config/env-schema.ts";
import type { OutgoingLogger } from "../schedule/deliver.ts";
import type { JobStatus, Scheduler } from "../schedule/scheduler.ts";
import { healthTexts } from "../messages/health-messages.ts";
import { checkChannelMembership, type ChannelCheck } from "../slack/channel-membership.ts";
import { countOverdue } from "../store/delivery-repository.ts";
import { StoreProbe, type StoreHealth } from "../store/health-probe.ts";
import type { Store } from "../store/open-store.ts";
import { lastPasses } from "../store/verification-repository.ts";
import { OFFLINE_NOTICE } from "../messages/verification-messages.ts";

/** A message not sent this long after it was first planned has outlived its pass and the same-day retries. */
export const OVERDUE_AFTER_MS = 90 * 60_000;
/** How often the coordinators' channel is checked again (on /healthz). */
const CHANNEL_RECHECK_MS = 10 * 60_000;

export interface HealthReport {
  ok: boolean;
  version: string;
  /** `file`: SQLite's; `database`: PostgreSQL's URL without its password. */
  store: StoreHealth & ({ file: string } | { database: string });
  scheduler: { enabled: boolean; jobs: Record<string, JobStatus> };
  deliveries: { overdue: number; oldest: { key: string; status: string; createdAt: Date; lastError: string | null } | null } | { error: string };
  digestChannel: ChannelCheck;
  /** The last verification pass; offline: 核查无法访问外网. */
  verification: { lastPassAt: Date | null; offline: boolean; lastOnlineAt: Date | null } | { error: string };
  /** One line per thing that needs someone's attention; empty when ok. */
  problems: string[];
}

export interface BotHealthDeps {
  store: Store;
  client: WebClient;
  config: Pick<Config, "DIGEST_CHANNEL_ID">;
  clock: () => Date;
  logger: OutgoingLogger;
  version: string;
  probeIntervalMs?: number;
}

export class BotHealth {
  private readonly probe: StoreProbe;
  private channel: ChannelCheck | null = null;
  private channelCheckedAt = -Infinity;
  private scheduler: Scheduler | null = null;

  constructor(private readonly deps: BotHealthDeps) {
    this.probe = new StoreProbe(deps.store, `bot pid ${process.pid}`, deps.probeIntervalMs);
  }

  watchScheduler(scheduler: Scheduler | null): void {
    this.scheduler = scheduler;
  }

  /** At start: says plainly in the log when the bot cannot reach the coordinators' channel. */
  async checkDigestChannel(): Promise<ChannelCheck> {
    const id = this.deps.config.DIGEST_CHANNEL_ID;
    const check = await checkChannelMembership(this.deps.client, id, this.deps.clock());
    const log = this.deps.logger;
    if (check.state === "member") log.info(healthTexts.channelOk(id!));
    else if (check.state === "not_member") log.error(healthTexts.notInChannel(id!));
    else if (check.state === "not_found") log.error(healthTexts.channelNotFound(id!));
    else if (check.state === "unreachable") log.warn(healthTexts.channelUnreachable(id!, check.error ?? "?"));
    else log.warn(healthTexts.channelUnset);
    this.channel = check;
    this.channelCheckedAt = performance.now();
    return check;
  }

  async report(): Promise<{ status: number; body: HealthReport }> {
    const now = this.deps.clock();
    const store = await this.probe.check(now);
    // NOTE: a channel that was fine is checked again every 10 minutes; one that was not, every minute.
    const recheck = this.channel?.state === "member" ? CHANNEL_RECHECK_MS : 60_000;
    if (!this.channel || performance.now() - this.channelCheckedAt > recheck) {
      await this.checkDigestChannel();
    }
    let deliveries: HealthReport["deliveries"];
    try {
      const { count, oldest } = await countOverdue(this.deps.store.db, new Date(now.getTime() - OVERDUE_AFTER_MS));
      deliveries = { overdue: count, oldest: oldest && { key: oldest.key, status: oldest.status, createdAt: oldest.createdAt, lastError: oldest.lastError } };
    } catch (error) {
      deliveries = { error: error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error) };
    }
    let verification: HealthReport["verification"];
    try {
      const { last, lastOnline } = await lastPasses(this.deps.store.db);
      verification = { lastPassAt: last?.at ?? null, offline: last?.offline ?? false, lastOnlineAt: lastOnline?.at ?? null };
    } catch (error) {
      verification = { error: error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error) };
    }
    const jobs = this.scheduler?.status() ?? {};
    const problems: string[] = [];
    if (store.state === "unwritable" || store.state === "missing") problems.push(`store ${store.state}: ${store.error ?? ""}`.trim());
    for (const [name, job] of Object.entries(jobs)) {
      if (job.lastOutcome === "failed" || job.lastOutcome === "incomplete") {
        problems.push(`${name}: last run ${job.lastOutcome}${job.lastDetail ? ` (${job.lastDetail})` : ""}${job.nextRetryAt ? `, tries again at ${job.nextRetryAt.toISOString()}` : ""}`);
      }
    }
    if ("error" in deliveries) problems.push(`delivery log unreadable: ${deliveries.error}`);
    else if (deliveries.overdue > 0) problems.push(`${deliveries.overdue} message(s) still unsent ${OVERDUE_AFTER_MS / 60_000} minutes after they were planned (oldest ${deliveries.oldest?.key})`);
    if ("offline" in verification && verification.offline) problems.push(`verification: ${OFFLINE_NOTICE} (no resolver or registry answered at the last pass, ${verification.lastPassAt?.toISOString()})`);
    const channel = this.channel!;
    if (channel.state !== "member") problems.push(`coordinators' channel ${channel.id ?? "(DIGEST_CHANNEL_ID unset)"}: ${channel.state}${channel.error ? ` (${channel.error})` : ""}`);
    const body: HealthReport = {
      ok: problems.length === 0,
      version: this.deps.version,
      store: { ...store, ...(this.deps.store.kind === "sqlite" ? { file: this.deps.store.where } : { database: this.deps.store.where }) },
      scheduler: { enabled: this.scheduler !== null, jobs },
      deliveries,
      digestChannel: channel,
      verification,
      problems,
    };
    // NOTE: 503 only for what a restart or an operator must fix now: the bot cannot record anything.
    return { status: store.state === "unwritable" || store.state === "missing" ? 503 : 200, body };
  }
}
