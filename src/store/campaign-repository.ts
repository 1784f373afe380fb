// Reads the campaign as plain records; the domain never sees Prisma.
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { oneCommit, storeOf, type Db } from "./store-handle.ts";
import { listFilings } from "./icp-filing-repository.ts";
import { groupBy } from "../lib/group-by.ts";
import { isDriverTx, queryRows, type SqlRunner } from "./sql-tx.ts";
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

/**
 * Whether a transaction on `runner` locks the rows it reads for a change (`SELECT … FOR NO KEY
 * UPDATE`): on PostgreSQL, where transactions run side by side; SQLite has one writer at a time.
 */
function rowLocks(runner: SqlRunner): boolean {
  return isDriverTx(runner) ? runner.locksRows : storeOf(runner)?.kind === "postgresql";
}

/** `forChange`: inside a transaction that changes them, the items are locked (lockUnitItems). */
export async function listItems(db: SqlRunner, options: { unitId?: number; forChange?: boolean } = {}): Promise<ItemRecord[]> {
  const lock = options.forChange && rowLocks(db) ? " FOR NO KEY UPDATE OF i" : "";
  return toItemRecords(await queryRows(db, sql`${raw(ITEMS_SQL)}${whereIs(`i."unitId"`, options.unitId)} ORDER BY i."id"${raw(lock)}`));
}

/**
 * Locks a unit's items for the rest of the transaction (PostgreSQL; SQLite's writer is one at a
 * time). NOTE: every transaction that decides on a unit's items or filings takes it first, before
 * reading them: reports run at READ COMMITTED (decision 025), so this lock, not Serializable's
 * checks, keeps two such transactions on one unit from deciding on what the other changes.
 */
export async function lockUnitItems(tx: SqlRunner, unit: { id: number } | { key: string }): Promise<void> {
  if (!rowLocks(tx)) return;
  const which = "id" in unit ? sql`${unit.id}` : sql`(SELECT u."id" FROM "Unit" u WHERE u."key" = ${unit.key})`;
  // In the order of their ids, as listItems locks them: two lockers never wait on each other in a ring.
  await queryRows(tx, sql`SELECT i."id" FROM "ChecklistItem" i WHERE i."unitId" = ${which} ORDER BY i."id" FOR NO KEY UPDATE`);
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
