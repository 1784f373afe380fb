import type { AuditRecord, AuditSource } from "../domain/model/records.ts";
import type { Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";
import { sql } from "./rows.ts";
import { executeSql, type SqlRunner } from "./sql-tx.ts";

export interface AuditInput {
  at: Date;
  actor: string;
  source: AuditSource;
  unitId?: number | null;
  itemId?: number | null;
  field: string;
  subject?: string | null;
  fromValue?: string | null;
  toValue?: string | null;
  note?: string | null;
}

/** NOTE: SQL of its own, as the reads of rows.ts: every change writes one or more (decision 023). */
export async function writeAudit(tx: SqlRunner, entry: AuditInput): Promise<void> {
  await executeSql(
    tx,
    sql`INSERT INTO "AuditEntry" ("at", "actor", "source", "unitId", "itemId", "field", "subject", "fromValue", "toValue", "note")
      VALUES (${entry.at}, ${entry.actor}, ${entry.source}, ${entry.unitId ?? null}, ${entry.itemId ?? null}, ${entry.field},
      ${entry.subject ?? null}, ${entry.fromValue ?? null}, ${entry.toValue ?? null}, ${entry.note ?? null})`,
  );
}

export async function listAudit(
  db: Db | Tx,
  where: { unitId?: number; since?: Date; until?: Date; limit?: number; newestFirst?: boolean },
): Promise<AuditRecord[]> {
  const rows = await db.auditEntry.findMany({
    where: {
      unitId: where.unitId,
      at: where.since || where.until ? { gt: where.since, lte: where.until } : undefined,
    },
    include: { unit: { select: { name: true } }, item: { select: { key: true } } },
    orderBy: [{ at: where.newestFirst ? "desc" : "asc" }, { id: where.newestFirst ? "desc" : "asc" }],
    take: where.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    source: r.source as AuditSource,
    unitId: r.unitId,
    unitName: r.unit?.name ?? null,
    itemKey: r.item?.key ?? null,
    field: r.field,
    subject: r.subject,
    fromValue: r.fromValue,
    toValue: r.toValue,
    note: r.note,
  }));
}
