// Reads the campaign as plain records; the domain never sees Prisma.
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { oneCommit, type Db } from "./store-handle.ts";
import { listFilings } from "./icp-filing-repository.ts";
import { groupBy } from "../lib/group-by.ts";
import { queryRows, type SqlRunner } from "./sql-tx.ts";
import { BATCHES_SQL, CONTACTS_SQL, DEADLINES_SQL, DOMAINS_SQL, ITEMS_SQL, raw, sql, toBatchRecord, toDeadlineRecord, toItemRecords, toUnitRecord, UNITS_SQL, whereIs } from "./rows.ts";

/**
 * NOTE: these reads are the SQL of rows.ts, sent with $queryRaw: a Prisma query with includes is a
 * statement per relation, each through its query compiler (about 1 ms of CPU); a raw statement
 * costs a fraction of one. They run on a client or inside a transaction alike (decision 023).
 */
async function readUnits(db: SqlRunner, only: { id?: number; key?: string } = {}): Promise<UnitRecord[]> {
  const which = only.key !== undefined ? sql` WHERE u."key" = ${only.key}` : whereIs(`u."id"`, only.id);
  const units = await queryRows(db, sql`${raw(UNITS_SQL)}${which} ORDER BY u."position", u."id"`);
  if (units.length === 0) return [];
  // NOTE: one unit's domains and contacts when one was asked for.
  const unitId = only.key === undefined ? only.id : Number(units[0]!.id);
  const domains = groupBy(await queryRows(db, sql`${raw(DOMAINS_SQL)}${whereIs(`d."unitId"`, unitId)} ORDER BY d."position", d."id"`), (d) => Number(d.unitId));
  const contacts = groupBy(
    await queryRows(db, sql`${raw(CONTACTS_SQL)}${whereIs(`uc."unitId"`, unitId)} ORDER BY uc."createdAt", uc."contactId"`),
    (c) => Number(c.unitId),
  );
  return units.map((u) => toUnitRecord(u, domains.get(Number(u.id)) ?? [], contacts.get(Number(u.id)) ?? []));
}

export async function listUnits(db: SqlRunner): Promise<UnitRecord[]> {
  return readUnits(db);
}

/** One unit, by its id or its key. */
export async function findUnit(db: SqlRunner, which: { id: number } | { key: string }): Promise<UnitRecord | null> {
  return (await readUnits(db, which))[0] ?? null;
}

export async function listItems(db: SqlRunner, options: { unitId?: number } = {}): Promise<ItemRecord[]> {
  return toItemRecords(await queryRows(db, sql`${raw(ITEMS_SQL)}${whereIs(`i."unitId"`, options.unitId)} ORDER BY i."id"`));
}

export async function listDeadlines(db: SqlRunner): Promise<DeadlineRecord[]> {
  return (await queryRows(db, sql`${raw(DEADLINES_SQL)}`)).map(toDeadlineRecord);
}

export async function listBatches(db: SqlRunner): Promise<BatchRecord[]> {
  return (await queryRows(db, sql`${raw(BATCHES_SQL)}`)).map(toBatchRecord);
}

export async function readSnapshot(db: Db): Promise<CampaignSnapshot> {
  return db.$transaction((tx) => readSnapshotIn(tx), oneCommit(db));
}

/** The same, in a transaction that sees one commit. */
export async function readSnapshotIn(tx: SqlRunner): Promise<CampaignSnapshot> {
  return {
    units: await listUnits(tx),
    items: await listItems(tx),
    deadlines: await listDeadlines(tx),
    batches: await listBatches(tx),
    filings: await listFilings(tx),
  };
}
