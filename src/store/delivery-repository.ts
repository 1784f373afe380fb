// The delivery log: every scheduled message is claimed by its idempotency key before it is sent.
// NOTE: only single-statement writes here, no interactive transactions: two processes (or two
// connections in one process) race on the unique key and the conditional update, nothing else.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./open-store.ts";

/** pending → sending (claimed) → sent; a pending one whose day has passed becomes expired. */
export type DeliveryStatus = "pending" | "sending" | "sent" | "expired";

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
): Promise<DeliveryRecord> {
  try {
    const row = await db.delivery.create({
      data: { key: entry.key, kind: entry.kind, target: entry.target, payload: entry.payload, createdAt: entry.now },
    });
    return toRecord(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.delivery.findUniqueOrThrow({ where: { key: entry.key } });
    return toRecord(row);
  }
}

/**
 * Claims a delivery for sending: pending, or "sending" with a lease older than `leaseMs` (its
 * process died mid-send). Returns the record as it was before the claim, or null when another
 * process has it or it is sent. The planned payload replaces the stored one: the newest plan wins.
 */
export async function claimDelivery(
  db: Db,
  key: string,
  claim: { owner: string; now: Date; leaseMs: number; payload: string },
): Promise<DeliveryRecord | null> {
  const before = await db.delivery.findUnique({ where: { key } });
  if (!before || before.status === "sent" || before.status === "expired") return null;
  const staleBefore = new Date(claim.now.getTime() - claim.leaseMs);
  const { count } = await db.delivery.updateMany({
    where: {
      key,
      // NOTE: one UPDATE with the whole condition: of two claimers only one matches.
      OR: [{ status: "pending" }, { status: "sending", claimedAt: { lt: staleBefore } }],
    },
    data: { status: "sending", claimedBy: claim.owner, claimedAt: claim.now, payload: claim.payload },
  });
  return count === 1 ? toRecord(before) : null;
}

export async function markSent(
  db: Db,
  key: string,
  owner: string,
  result: { channel: string; ts: string; attempts: number; now: Date },
): Promise<void> {
  await db.delivery.updateMany({
    where: { key, claimedBy: owner, status: "sending" },
    data: {
      status: "sent",
      channel: result.channel,
      ts: result.ts,
      sentAt: result.now,
      lastError: null,
      attempts: { increment: result.attempts },
    },
  });
}

/** Gives a failed delivery back: pending again, tried at the next pass. */
export async function releaseDelivery(
  db: Db,
  key: string,
  owner: string,
  failure: { error: string; attempts: number },
): Promise<void> {
  await db.delivery.updateMany({
    where: { key, claimedBy: owner, status: "sending" },
    data: { status: "pending", lastError: failure.error.slice(0, 1000), attempts: { increment: failure.attempts } },
  });
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
    const { count } = await db.delivery.updateMany({
      where: { key: { in: stale.slice(i, i + 500) }, status: "pending" },
      data: { status: "expired" },
    });
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
