// Reads the campaign as plain records; the domain never sees Prisma.
import { sortItems, type BatchRecord, type CampaignSnapshot, type ContactRecord, type DeadlineRecord, type DomainRecord, type ItemRecord, type UnitRecord } from "../domain/model/records.ts";
import type { DomainMethod, ItemState, TaskKey, UnitGroup } from "../domain/model/tasks.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { oneCommit, type Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";
import { listFilings } from "./icp-filing-repository.ts";
import { readVerificationViews } from "./verification-repository.ts";

type Reader = Db | Tx;

const unitInclude = {
  domains: { orderBy: { position: "asc" } },
  contacts: { include: { contact: true }, orderBy: [{ createdAt: "asc" }, { contactId: "asc" }] },
} satisfies Prisma.UnitInclude;

type UnitRow = Prisma.UnitGetPayload<{ include: typeof unitInclude }>;

export function toContactRecord(c: {
  id: number;
  slackUserId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}): ContactRecord {
  return { id: c.id, slackUserId: c.slackUserId, name: c.name, phone: c.phone, email: c.email };
}

function toUnitRecord(u: UnitRow): UnitRecord {
  return {
    id: u.id,
    key: u.key,
    name: u.name,
    position: u.position,
    group: u.group as UnitGroup,
    governmentRoom: u.governmentRoom,
    icpNumber: u.icpNumber,
    sponsorName: u.sponsorName,
    localTelecom: u.localTelecom,
    secondLevel: u.secondLevel,
    migrateData: u.migrateData,
    domains: u.domains.map((d): DomainRecord => ({ id: d.id, name: d.name, isSubdomain: d.isSubdomain })),
    contacts: u.contacts.map((uc) => toContactRecord(uc.contact)),
  };
}

export async function listUnits(db: Reader): Promise<UnitRecord[]> {
  const rows = await db.unit.findMany({ include: unitInclude, orderBy: { position: "asc" } });
  return rows.map(toUnitRecord);
}

export async function findUnitById(db: Reader, id: number): Promise<UnitRecord | null> {
  const row = await db.unit.findUnique({ where: { id }, include: unitInclude });
  return row ? toUnitRecord(row) : null;
}

const itemInclude = { domain: true } satisfies Prisma.ChecklistItemInclude;
type ItemRow = Prisma.ChecklistItemGetPayload<{ include: typeof itemInclude }>;

function toItemRecord(i: ItemRow): ItemRecord {
  return {
    id: i.id,
    key: i.key,
    unitId: i.unitId,
    batchId: i.batchId,
    task: i.task as TaskKey,
    domain: i.domain?.name ?? null,
    isSubdomain: i.domain?.isSubdomain ?? false,
    state: i.state as ItemState,
    method: i.method as DomainMethod | null,
    note: i.note,
    expectedBy: i.expectedBy,
    updatedAt: i.updatedAt,
    updatedBy: i.updatedBy,
  };
}

export async function listItems(db: Reader, where: { unitId?: number } = {}): Promise<ItemRecord[]> {
  const rows = await db.checklistItem.findMany({ where, include: itemInclude, orderBy: { id: "asc" } });
  const domainOrder = new Map(rows.filter((r) => r.domain).map((r) => [r.domain!.name, r.domain!.position]));
  // NOTE: by unit when asked for one unit; the whole table otherwise (no list of ids as long as the campaign).
  const views = await readVerificationViews(db, where.unitId === undefined ? undefined : rows.map((r) => r.id));
  return sortItems(
    rows.map((r) => ({ ...toItemRecord(r), verification: views.get(r.id) ?? null })),
    domainOrder,
  );
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
