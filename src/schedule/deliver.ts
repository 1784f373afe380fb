// Sends planned messages through the delivery log: claim the key, send, record what Slack said.
// A sent key is never sent again, across restarts and with several processes on one store.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { WebClient } from "@slack/web-api";
import { classifySlackError } from "../slack/slack-errors.ts";
import {
  claimDelivery,
  ensureDelivery,
  findDeliveries,
  markSent,
  releaseDelivery,
  type DeliveryRecord,
} from "../store/delivery-repository.ts";
import { claimLiveness, holdClaim } from "./claim-owner.ts";
import type { Db } from "../store/open-store.ts";
import { isStoreBusy } from "../store/transaction.ts";
import { SendPacing } from "./pacer.ts";
import { findKeyedMessage, postKeyedMessage, type Sent } from "../slack/slack-sender.ts";
import type { SlackMessage } from "../slack/blocks/slack-message.ts";

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
  /** How often a pass looks again at claims another process held. */
  claimPollMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  retryBudgetMs: 60_000,
  maxAttempts: 6,
  backoffMs: 1_000,
  leaseMs: 10 * 60_000,
  perSecond: 1,
  burst: 5,
  claimPollMs: 2_000,
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

/**
 * A planned message as the delivery log sends it: posted with its key in the message metadata,
 * found again by that key, logged as built when asked (`build` runs at send time, not before).
 */
export function keyedOutgoing(m: { key: string; kind: string; target: string; build(): SlackMessage }, asOf: Date): Outgoing {
  return {
    key: m.key,
    kind: m.kind,
    target: m.target,
    get payload() {
      return { asOf: asOf.toISOString(), ...m.build() };
    },
    send: (client) => postKeyedMessage(client, m.target, m.build(), m.key),
    findEarlier: (client, since) => findKeyedMessage(client, m.target, m.key, since),
  };
}

/** The same for a message already built. */
export function keyedMessage(key: string, kind: string, target: string, message: SlackMessage, asOf: Date): Outgoing {
  return keyedOutgoing({ key, kind, target, build: () => message }, asOf);
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
  pacer: SendPacing;
  /** Checked before each send: quiet hours began, or the scheduler is stopping. */
  mayContinue(): boolean;
}

/**
 * sent now; already-sent before; elsewhere: another process holds it (still, at the end of the
 * pass); failed: left pending for a later pass; undeliverable: Slack refused it for good (now or
 * before), never tried again; not-attempted: the pass stopped first.
 */
export type DeliveryOutcome = "sent" | "already-sent" | "elsewhere" | "failed" | "undeliverable" | "not-attempted";

export interface DeliveryResult {
  key: string;
  outcome: DeliveryOutcome;
  sent?: Sent;
  error?: string;
}

export function createDeliveryContext(
  deps: { db: Db; client: WebClient; logger: OutgoingLogger; clock: () => Date; pacing?: SendPacing },
  owner: string,
  options: Partial<DeliveryOptions> = {},
  mayContinue: () => boolean = () => true,
): DeliveryContext {
  const merged = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  const { pacing, ...rest } = deps;
  return { ...rest, owner, options: merged, pacer: pacing ?? new SendPacing(merged), mayContinue };
}

/** Delivers in order; stops early (leaving the rest pending) when `mayContinue` says so or the token is bad. */
export async function deliverAll(ctx: DeliveryContext, outgoing: readonly Outgoing[]): Promise<DeliveryResult[]> {
  const known = await findDeliveries(ctx.db, outgoing.map((o) => o.key));
  const results: DeliveryResult[] = [];
  let stopped = false;
  for (const o of outgoing) {
    const status = known.get(o.key)?.status;
    if (status === "sent" || status === "failed") {
      results.push({ key: o.key, outcome: status === "sent" ? "already-sent" : "undeliverable", error: known.get(o.key)?.lastError ?? undefined });
      continue;
    }
    if (stopped || !ctx.mayContinue()) {
      stopped = true;
      results.push({ key: o.key, outcome: "not-attempted" });
      continue;
    }
    let result: DeliveryResult;
    try {
      result = await deliverOne(ctx, o);
    } catch (error) {
      // NOTE: the store stayed locked past PASS_STORE_WAIT_MS: what was sent is recorded, the rest
      // waits for the next try of the pass (the scheduler's, the same day), never sent unrecorded.
      if (!isStoreBusy(error)) throw error;
      ctx.logger.warn(`delivery ${o.key}: the store stayed busy; this and the rest are left for the next try`);
      result = { key: o.key, outcome: "not-attempted", error: "store_busy" };
      stopped = true;
    }
    results.push(result);
    if (result.outcome === "failed" && result.error?.startsWith("fatal:")) stopped = true;
  }
  if (!stopped) await comeBackForClaimsHeldElsewhere(ctx, outgoing, results);
  return results;
}

/**
 * Claims another process held when this pass reached them: waits for that process to send or give
 * them back, and takes over those it left behind (it died, or its lease ran out). NOTE: without
 * this a claim of a killed pass waited for a pass that, with a daily cron, never came that day.
 */
async function comeBackForClaimsHeldElsewhere(ctx: DeliveryContext, outgoing: readonly Outgoing[], results: DeliveryResult[]): Promise<void> {
  const byKey = new Map(outgoing.map((o) => [o.key, o]));
  const waitUntil = performance.now() + ctx.options.leaseMs + ctx.options.claimPollMs;
  let waiting = results.filter((r) => r.outcome === "elsewhere");
  while (waiting.length > 0 && ctx.mayContinue() && performance.now() < waitUntil) {
    await sleep(ctx.options.claimPollMs);
    const now = await findDeliveries(ctx.db, waiting.map((r) => r.key));
    for (const r of waiting) {
      const row = now.get(r.key);
      if (row?.status === "sent" || row?.status === "failed" || row?.status === "expired") {
        r.outcome = row.status === "sent" ? "already-sent" : row.status === "failed" ? "undeliverable" : "not-attempted";
        continue;
      }
      const again = await deliverOne(ctx, byKey.get(r.key)!);
      Object.assign(r, again);
    }
    waiting = waiting.filter((r) => r.outcome === "elsewhere");
  }
}

export async function deliverOne(ctx: DeliveryContext, o: Outgoing): Promise<DeliveryResult> {
  const payload = JSON.stringify(o.payload);
  await ensureDelivery(ctx.db, { key: o.key, kind: o.kind, target: o.target, payload, now: ctx.clock() });
  const claimedAt = ctx.clock();
  const before = await claimDelivery(ctx.db, o.key, {
    owner: ctx.owner,
    now: claimedAt,
    leaseMs: ctx.options.leaseMs,
    payload,
    holderGone: (holder) => claimLiveness(holder, o.key) === "gone",
  });
  if (!before) {
    const again = (await findDeliveries(ctx.db, [o.key])).get(o.key);
    if (again?.status === "failed") return { key: o.key, outcome: "undeliverable", error: again.lastError ?? undefined };
    return { key: o.key, outcome: again?.status === "sent" ? "already-sent" : "elsewhere" };
  }
  const letGo = holdClaim(ctx.owner, o.key);
  try {
    return await sendClaimed(ctx, o, before, claimedAt);
  } finally {
    letGo();
  }
}

async function sendClaimed(ctx: DeliveryContext, o: Outgoing, before: DeliveryRecord, claimedAt: Date): Promise<DeliveryResult> {
  let attempts = 0;
  const started = performance.now();
  let backoff = ctx.options.backoffMs;
  let lastError = "";
  // A claim taken over from a process that died mid-send may have reached Slack; so may a send
  // whose answer was lost or garbled (network, 5xx, internal_error…), in this pass or an earlier
  // one. Then look before sending again, as far back as the message was first planned.
  const triedBefore = before.status === "sending" || before.attempts > 0;
  let recoverSince: Date | null = triedBefore ? new Date(before.createdAt.getTime() - 60_000) : null;
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
        await ctx.pacer.take(o.target);
        sent = await o.send(ctx.client);
      }
    } catch (error) {
      const failure = classifySlackError(error);
      lastError = failure.code;
      if (failure.kind === "permanent") {
        const fatal = failure.scope === "token";
        ctx.logger.error(
          fatal
            ? `delivery ${o.key}: Slack refused the bot's token or scopes (${failure.code}); the pass stops, nothing more is sent until the app is fixed`
            : `delivery ${o.key} to ${o.target} cannot be sent (${failure.code}); not retried, reported to the coordinators`,
        );
        await releaseDelivery(ctx.db, o.key, ctx.owner, { error: lastError, attempts, permanent: !fatal, now: ctx.clock() });
        return fatal
          ? { key: o.key, outcome: "failed", error: `fatal:${lastError}` }
          : { key: o.key, outcome: "undeliverable", error: lastError };
      }
      const elapsed = performance.now() - started;
      let wait = backoff;
      if (failure.kind === "retryable" && failure.retryAfterMs !== undefined) {
        ctx.pacer.pause(failure.retryAfterMs);
        wait = failure.retryAfterMs;
      } else {
        backoff *= 2;
      }
      // NOTE: the answer may be lost while the post went through: look before the next attempt.
      if (failure.kind === "maybe-happened") recoverSince ??= new Date(claimedAt.getTime() - 60_000);
      const giveUp = attempts >= ctx.options.maxAttempts || elapsed + wait > ctx.options.retryBudgetMs || !ctx.mayContinue();
      if (giveUp) {
        ctx.logger.warn(`delivery ${o.key} failed after ${attempts} attempt(s), left pending: ${lastError}`);
        await releaseDelivery(ctx.db, o.key, ctx.owner, { error: lastError, attempts });
        return { key: o.key, outcome: "failed", error: lastError };
      }
      ctx.logger.debug(`delivery ${o.key}: ${lastError}; retrying in ${wait} ms`);
      await sleep(wait);
      continue;
    }
    // NOTE: outside the try: a failure to record must never lead to sending again. The row stays
    // "sending"; the next pass sees its holder gone (or its lease run out) and finds the message by its metadata.
    await markSent(ctx.db, o.key, ctx.owner, { ...sent, attempts, now: ctx.clock() });
    return { key: o.key, outcome: "sent", sent };
  }
}

/** Whether a pass left something it should try again today: failed sends, claims still held elsewhere, sends never made. */
export function leftForLater(results: readonly DeliveryResult[]): DeliveryResult[] {
  return results.filter((r) => r.outcome === "failed" || r.outcome === "elsewhere" || r.outcome === "not-attempted");
}
