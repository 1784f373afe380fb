// The delivery log: every scheduled message is claimed by its idempotency key before it is sent.
// NOTE: only single-statement writes here, no interactive transactions: two processes (or two
// connections in one process) race on the unique key and the conditional update, nothing else.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./store-handle.ts";
import { retryWhileBusy } from "./transaction.ts";

/**
 * pending → sending (claimed) → sent; a pending one whose day has passed becomes expired; one
 * Slack refused for good (invalid blocks, not in the channel…) becomes failed and is not tried again.
 */
export type DeliveryStatus = "pending" | "sending" | "sent" | "expired" | "failed";

/** How long a pass's writes to the log wait for another process's write lock (a long import). */
export const PASS_STORE_WAIT_MS = 60_000;

export interface DeliveryRecord {
  id: number;
  key: string;
  kind: string;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  payload: string;
  channel: string | null;
  ts: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

type Row = Prisma.DeliveryGetPayload<object>;

function toRecord(r: Row): DeliveryRecord {
  return { ...r, status: r.status as DeliveryStatus };
}

export async function findDeliveries(db: Db, keys: readonly string[]): Promise<Map<string, DeliveryRecord>> {
  const found = new Map<string, DeliveryRecord>();
  // NOTE: SQLite caps bound parameters; thousands of contacts mean thousands of keys.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.delivery.findMany({ where: { key: { in: keys.slice(i, i + 500) } } });
    for (const r of rows) found.set(r.key, toRecord(r));
  }
  return found;
}

export async function findDelivery(db: Db, key: string): Promise<DeliveryRecord | null> {
  const row = await db.delivery.findUnique({ where: { key } });
  return row ? toRecord(row) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") ||
    /UNIQUE constraint failed/i.test(String((error as Error)?.message))
  );
}

/** The delivery of `key`, created pending when new. */
export async function ensureDelivery(
  db: Db,
  entry: { key: string; kind: string; target: string; payload: string; now: Date },
  waitMs = PASS_STORE_WAIT_MS,
): Promise<DeliveryRecord> {
  try {
    const row = await retryWhileBusy(
      () =>
        db.delivery.create({
          data: { key: entry.key, kind: entry.kind, target: entry.target, payload: entry.payload, createdAt: entry.now },
        }),
      waitMs,
    );
    return toRecord(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.delivery.findUniqueOrThrow({ where: { key: entry.key } });
    return toRecord(row);
  }
}

/**
 * Claims a delivery for sending: pending, or "sending" by a holder that is gone (`holderGone`: its
 * process died) or whose lease is older than `leaseMs`. Returns the record as it was before the
 * claim, or null when another process has it, or it is sent, expired or failed. The planned
 * payload replaces the stored one: the newest plan wins.
 */
export async function claimDelivery(
  db: Db,
  key: string,
  claim: { owner: string; now: Date; leaseMs: number; payload: string; holderGone(owner: string | null): boolean; waitMs?: number },
): Promise<DeliveryRecord | null> {
  const before = await db.delivery.findUnique({ where: { key } });
  if (!before || (before.status !== "pending" && before.status !== "sending")) return null;
  const stale = before.status === "sending" && (!before.claimedAt || before.claimedAt.getTime() < claim.now.getTime() - claim.leaseMs);
  if (before.status === "sending" && !stale && !claim.holderGone(before.claimedBy)) return null;
  const { count } = await retryWhileBusy(
    () =>
      db.delivery.updateMany({
        // NOTE: one UPDATE that matches only the row as it was read: of two claimers only one wins.
        where: { key, status: before.status, claimedBy: before.claimedBy, claimedAt: before.claimedAt },
        data: { status: "sending", claimedBy: claim.owner, claimedAt: claim.now, payload: claim.payload },
      }),
    claim.waitMs ?? PASS_STORE_WAIT_MS,
  );
  return count === 1 ? toRecord(before) : null;
}

export async function markSent(
  db: Db,
  key: string,
  owner: string,
  result: { channel: string; ts: string; attempts: number; now: Date },
  waitMs = PASS_STORE_WAIT_MS,
): Promise<void> {
  await retryWhileBusy(
    () =>
    db.delivery.updateMany({
      where: { key, claimedBy: owner, status: "sending" },
      data: {
        status: "sent",
        channel: result.channel,
        ts: result.ts,
        sentAt: result.now,
        lastError: null,
        attempts: { increment: result.attempts },
      },
    }),
    waitMs,
  );
}

/**
 * Gives a failed delivery back: pending again, tried at the next pass; or, when Slack refused it
 * for good (`permanent`), failed: never tried again, and told to the coordinators.
 */
export async function releaseDelivery(
  db: Db,
  key: string,
  owner: string,
  failure: { error: string; attempts: number; permanent?: boolean; now?: Date },
  waitMs = PASS_STORE_WAIT_MS,
): Promise<void> {
  await retryWhileBusy(
    () =>
      db.delivery.updateMany({
        where: { key, claimedBy: owner, status: "sending" },
        data: {
          status: failure.permanent ? "failed" : "pending",
          lastError: failure.error.slice(0, 1000),
          attempts: { increment: failure.attempts },
          ...(failure.now ? { claimedAt: failure.now } : {}),
        },
      }),
    waitMs,
  );
}

/** Deliveries Slack refused for good since `since` (their claimedAt is when): for the coordinators. */
export async function listUndeliverable(db: Db, since: Date | null, kinds?: readonly string[]): Promise<DeliveryRecord[]> {
  const rows = await db.delivery.findMany({
    where: { status: "failed", ...(since ? { claimedAt: { gte: since } } : {}), ...(kinds ? { kind: { in: [...kinds] } } : {}) },
    orderBy: { id: "asc" },
  });
  return rows.map(toRecord);
}

/** Deliveries of `kinds` not sent yet (pending, or claimed by a sender), first planned at or after `since`. */
export async function listUnsent(db: Db, kinds: readonly string[], since: Date): Promise<DeliveryRecord[]> {
  const rows = await db.delivery.findMany({
    where: { kind: { in: [...kinds] }, status: { in: ["pending", "sending"] }, createdAt: { gte: since } },
    orderBy: { id: "asc" },
  });
  return rows.map(toRecord);
}

/** Pending deliveries of `kinds` first planned before `before`: expired, never sent late. */
export async function expireUnsentBefore(db: Db, kinds: readonly string[], before: Date): Promise<number> {
  const { count } = await retryWhileBusy(
    () => db.delivery.updateMany({ where: { kind: { in: [...kinds] }, status: "pending", createdAt: { lt: before } }, data: { status: "expired" } }),
    PASS_STORE_WAIT_MS,
  );
  return count;
}

/** Not sent yet, and first planned before `before`: what a health check calls overdue. */
export async function countOverdue(db: Db, before: Date): Promise<{ count: number; oldest: DeliveryRecord | null }> {
  const where = { status: { in: ["pending", "sending"] }, createdAt: { lt: before } };
  const [count, oldest] = await Promise.all([db.delivery.count({ where }), db.delivery.findFirst({ where, orderBy: { createdAt: "asc" } })]);
  return { count, oldest: oldest ? toRecord(oldest) : null };
}

/** Pending deliveries of `kinds` that `isStale` says are out of date: expired, never sent late. */
export async function expirePending(db: Db, kinds: readonly string[], isStale: (key: string) => boolean): Promise<number> {
  const pending = await db.delivery.findMany({
    where: { kind: { in: [...kinds] }, status: "pending" },
    select: { key: true },
  });
  const stale = pending.map((p) => p.key).filter(isStale);
  let total = 0;
  for (let i = 0; i < stale.length; i += 500) {
    const { count } = await retryWhileBusy(
      () =>
        db.delivery.updateMany({
          where: { key: { in: stale.slice(i, i + 500) }, status: "pending" },
          data: { status: "expired" },
        }),
      PASS_STORE_WAIT_MS,
    );
    total += count;
  }
  return total;
}

/** The most recently sent delivery of one of `kinds`. */
export async function lastSent(db: Db, kinds: readonly string[], except?: string): Promise<DeliveryRecord | null> {
  const row = await db.delivery.findFirst({
    where: { kind: { in: [...kinds] }, status: "sent", key: except ? { not: except } : undefined },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
  });
  return row ? toRecord(row) : null;
}
