// Sends planned messages through the delivery log: claim the key, send, record what Slack said.
// A sent key is never sent again, across restarts and with several processes on one store.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { WebClient } from "@slack/web-api";
import {
  claimDelivery,
  ensureDelivery,
  findDeliveries,
  markSent,
  releaseDelivery,
} from "../store/delivery-repository.ts";
import type { Db } from "../store/open-store.ts";
import { Pacer } from "./pacer.ts";
import { classifySlackFailure, type Sent } from "./slack-sender.ts";

export interface OutgoingLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export interface DeliveryOptions {
  /** Give up on one failing send after this long in all (it stays pending for the next pass). */
  retryBudgetMs: number;
  /** And after this many attempts within a pass. */
  maxAttempts: number;
  /** First backoff; doubled after each failure. */
  backoffMs: number;
  /** A "sending" claim older than this belongs to a process that died mid-send. */
  leaseMs: number;
  perSecond: number;
  burst: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryBudgetMs: 60_000,
  maxAttempts: 6,
  backoffMs: 1_000,
  leaseMs: 10 * 60_000,
  perSecond: 1,
  burst: 5,
};

/** One message to deliver at most once. */
export interface Outgoing {
  key: string;
  kind: string;
  /** Slack user id (sent to their IM) or channel id. */
  target: string;
  /** Stored in the log as planned (JSON). */
  payload: unknown;
  send(client: WebClient): Promise<Sent>;
  /** Finds an earlier send of this key whose outcome was never recorded. */
  findEarlier?(client: WebClient, since: Date): Promise<Sent | null>;
}

export interface DeliveryContext {
  db: Db;
  client: WebClient;
  logger: OutgoingLogger;
  /** Real time, for claims and leases. */
  clock: () => Date;
  /** Who claims: distinct per process. */
  owner: string;
  options: DeliveryOptions;
  pacer: Pacer;
  /** Checked before each send: quiet hours began, or the scheduler is stopping. */
  mayContinue(): boolean;
}

export type DeliveryOutcome = "sent" | "already-sent" | "elsewhere" | "failed" | "not-attempted";

export interface DeliveryResult {
  key: string;
  outcome: DeliveryOutcome;
  sent?: Sent;
  error?: string;
}

export function createDeliveryContext(
  deps: { db: Db; client: WebClient; logger: OutgoingLogger; clock: () => Date },
  owner: string,
  options: Partial<DeliveryOptions> = {},
  mayContinue: () => boolean = () => true,
): DeliveryContext {
  const merged = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  return { ...deps, owner, options: merged, pacer: new Pacer(merged), mayContinue };
}

/** Delivers in order; stops early (leaving the rest pending) when `mayContinue` says so or the token is bad. */
export async function deliverAll(ctx: DeliveryContext, outgoing: readonly Outgoing[]): Promise<DeliveryResult[]> {
  const known = await findDeliveries(ctx.db, outgoing.map((o) => o.key));
  const results: DeliveryResult[] = [];
  let stopped = false;
  for (const o of outgoing) {
    if (known.get(o.key)?.status === "sent") {
      results.push({ key: o.key, outcome: "already-sent" });
      continue;
    }
    if (stopped || !ctx.mayContinue()) {
      stopped = true;
      results.push({ key: o.key, outcome: "not-attempted" });
      continue;
    }
    const result = await deliverOne(ctx, o);
    results.push(result);
    if (result.outcome === "failed" && result.error?.startsWith("fatal:")) stopped = true;
  }
  return results;
}

export async function deliverOne(ctx: DeliveryContext, o: Outgoing): Promise<DeliveryResult> {
  const payload = JSON.stringify(o.payload);
  await ensureDelivery(ctx.db, { key: o.key, kind: o.kind, target: o.target, payload, now: ctx.clock() });
  const claimedAt = ctx.clock();
  const before = await claimDelivery(ctx.db, o.key, { owner: ctx.owner, now: claimedAt, leaseMs: ctx.options.leaseMs, payload });
  if (!before) {
    const again = (await findDeliveries(ctx.db, [o.key])).get(o.key);
    return { key: o.key, outcome: again?.status === "sent" ? "already-sent" : "elsewhere" };
  }

  let attempts = 0;
  const started = performance.now();
  let backoff = ctx.options.backoffMs;
  let lastError = "";
  // A claim taken over from a process that died mid-send may have reached Slack; so may a send
  // whose answer was lost (network, 5xx). Then look before sending again.
  let recoverSince: Date | null =
    before.status === "sending" && before.claimedAt ? new Date(before.claimedAt.getTime() - 60_000) : null;
  for (;;) {
    attempts++;
    let sent: Sent | null = null;
    try {
      if (recoverSince && o.findEarlier) {
        sent = await o.findEarlier(ctx.client, recoverSince);
        recoverSince = null;
        if (sent) ctx.logger.info(`delivery ${o.key}: found the earlier send, recording it`);
      }
      if (!sent) {
        await ctx.pacer.take();
        sent = await o.send(ctx.client);
      }
    } catch (error) {
      const failure = classifySlackFailure(error);
      lastError = failure.reason;
      const elapsed = performance.now() - started;
      let wait = 0;
      if (failure.retry === "after") {
        ctx.pacer.pause(failure.waitMs);
        wait = failure.waitMs;
      } else if (failure.retry === "backoff") {
        wait = backoff;
        backoff *= 2;
        if (!failure.reason.startsWith("slack:")) recoverSince ??= new Date(claimedAt.getTime() - 60_000);
      }
      const giveUp =
        failure.retry === "later" ||
        attempts >= ctx.options.maxAttempts ||
        elapsed + wait > ctx.options.retryBudgetMs ||
        !ctx.mayContinue();
      if (giveUp) {
        const fatal = failure.retry === "later" && failure.fatal;
        ctx.logger.warn(`delivery ${o.key} failed after ${attempts} attempt(s), left pending: ${lastError}`);
        await releaseDelivery(ctx.db, o.key, ctx.owner, { error: lastError, attempts });
        return { key: o.key, outcome: "failed", error: fatal ? `fatal:${lastError}` : lastError };
      }
      ctx.logger.debug(`delivery ${o.key}: ${lastError}; retrying in ${wait} ms`);
      await sleep(wait);
      continue;
    }
    // NOTE: outside the try: a failure to record must never lead to sending again. The row stays
    // "sending"; once its lease runs out, the next pass finds the message by its metadata.
    await markSent(ctx.db, o.key, ctx.owner, { ...sent, attempts, now: ctx.clock() });
    return { key: o.key, outcome: "sent", sent };
  }
}
