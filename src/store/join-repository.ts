import { writeAudit } from "./audit-repository.ts";
import type { Who } from "./change-repository.ts";
import type { Db } from "./store-handle.ts";
import { retryWhileBusy, type Tx } from "./transaction.ts";

export interface JoinRequestRecord {
  id: number;
  userId: string;
  unitId: number;
  unitKey: string;
  unitName: string;
  status: "pending" | "approved" | "rejected";
  channel: string | null;
  ts: string | null;
}

const include = { unit: { select: { key: true, name: true } } } as const;

function toRecord(r: { id: number; userId: string; unitId: number; status: string; channel: string | null; ts: string | null; unit: { key: string; name: string } }): JoinRequestRecord {
  return { id: r.id, userId: r.userId, unitId: r.unitId, unitKey: r.unit.key, unitName: r.unit.name, status: r.status as JoinRequestRecord["status"], channel: r.channel, ts: r.ts };
}

export async function findPendingJoin(db: Db | Tx, userId: string, unitId: number): Promise<JoinRequestRecord | null> {
  const row = await db.joinRequest.findFirst({ where: { userId, unitId, status: "pending" }, include });
  return row ? toRecord(row) : null;
}

export async function findJoinRequest(db: Db | Tx, id: number): Promise<JoinRequestRecord | null> {
  const row = await db.joinRequest.findUnique({ where: { id }, include });
  return row ? toRecord(row) : null;
}

export async function createJoinRequest(tx: Tx, userId: string, unitId: number, who: Who): Promise<number> {
  const row = await tx.joinRequest.create({ data: { userId, unitId, requestedAt: who.now } });
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, unitId, field: "join", subject: userId, toValue: "pending" });
  return row.id;
}

export async function recordJoinPost(db: Db, id: number, channel: string, ts: string): Promise<void> {
  await retryWhileBusy(() => db.joinRequest.update({ where: { id }, data: { channel, ts } }));
}

/** Settles a pending request; false when someone else already did. */
export async function decideJoin(tx: Tx, id: number, approved: boolean, who: Who): Promise<boolean> {
  const status = approved ? "approved" : "rejected";
  const updated = await tx.joinRequest.updateMany({
    where: { id, status: "pending" },
    data: { status, decidedBy: who.actor, decidedAt: who.now },
  });
  if (updated.count === 0) return false;
  const row = await tx.joinRequest.findUniqueOrThrow({ where: { id } });
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, unitId: row.unitId, field: "join", subject: row.userId, fromValue: "pending", toValue: status });
  return true;
}
