// Reads the campaign as plain records; the domain never sees Prisma.
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { TaskKey } from "../domain/model/tasks.ts";
import { oneCommit, type Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";
import { listFilings } from "./icp-filing-repository.ts";
import { groupBy } from "../lib/group-by.ts";
import { CONTACTS_SQL, DOMAINS_SQL, ITEMS_SQL, toItemRecords, toUnitRecord, UNITS_SQL, raw, sql, whereIs, type Row } from "./rows.ts";

type Reader = Db | Tx;

/**
 * NOTE: these reads are the SQL of rows.ts, sent with $queryRaw: a Prisma query with includes is a
 * statement per relation, each through its query compiler (about 1 ms of CPU); a raw statement
 * costs a fraction of one. They run on a client or inside a transaction alike (decision 023).
 */
async function readUnits(db: Reader, id?: number): Promise<UnitRecord[]> {
  const units = await db.$queryRaw<Row[]>(sql`${raw(UNITS_SQL)}${whereIs(`u."id"`, id)} ORDER BY u."position", u."id"`);
  if (units.length === 0) return [];
  const domains = groupBy(await db.$queryRaw<Row[]>(sql`${raw(DOMAINS_SQL)}${whereIs(`d."unitId"`, id)} ORDER BY d."position", d."id"`), (d) => Number(d.unitId));
  const contacts = groupBy(
    await db.$queryRaw<Row[]>(sql`${raw(CONTACTS_SQL)}${whereIs(`uc."unitId"`, id)} ORDER BY uc."createdAt", uc."contactId"`),
    (c) => Number(c.unitId),
  );
  return units.map((u) => toUnitRecord(u, domains.get(Number(u.id)) ?? [], contacts.get(Number(u.id)) ?? []));
}

export async function listUnits(db: Reader): Promise<UnitRecord[]> {
  return readUnits(db);
}

export async function findUnitById(db: Reader, id: number): Promise<UnitRecord | null> {
  return (await readUnits(db, id))[0] ?? null;
}

export async function listItems(db: Reader, options: { unitId?: number } = {}): Promise<ItemRecord[]> {
  return toItemRecords(await db.$queryRaw<Row[]>(sql`${raw(ITEMS_SQL)}${whereIs(`i."unitId"`, options.unitId)} ORDER BY i."id"`));
}

export async function listDeadlines(db: Reader): Promise<DeadlineRecord[]> {
  const rows = await db.deadline.findMany({ orderBy: { dueAt: "asc" } });
  return rows.map((d) => ({
    id: d.id,
    key: d.key,
    batchId: d.batchId,
    title: d.title,
    opensAt: d.opensAt,
    dueAt: d.dueAt,
    tasks: d.tasks.split(",").filter(Boolean) as TaskKey[],
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
  }));
}

export async function listBatches(db: Reader): Promise<BatchRecord[]> {
  const rows = await db.batch.findMany({ orderBy: { id: "asc" } });
  return rows.map((b) => ({ id: b.id, name: b.name, closedAt: b.closedAt, createdAt: b.createdAt }));
}

export async function readSnapshot(db: Db): Promise<CampaignSnapshot> {
  return db.$transaction(async (tx) => ({
    units: await listUnits(tx),
    items: await listItems(tx),
    deadlines: await listDeadlines(tx),
    batches: await listBatches(tx),
    filings: await listFilings(tx),
  }), oneCommit(db));
}
