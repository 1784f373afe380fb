// A unit's ICP filings (备案), each with its checklist item, and every change to them audited.
import type { FilingEntry } from "../domain/icp-filing.ts";
import { filingItemKey } from "../domain/icp-filing.ts";
import { filingStepOf, initialStoredStep, storedStepOf } from "../domain/icp-filing-step.ts";
import type { AuditSource, FilingRecord } from "../domain/model/records.ts";
import type { ItemState } from "../domain/model/tasks.ts";
import { groupBy } from "../lib/group-by.ts";
import { FILING_DOMAINS_SQL, FILINGS_SQL, toFilingRecord, raw, sql, whereIs } from "./rows.ts";
import { writeAudit } from "./audit-repository.ts";
import { executeSql, queryRows, type SqlRunner } from "./sql-tx.ts";
import type { Tx } from "./transaction.ts";

/** Who the audit trail names (as change-repository's Who). */
type Who = { actor: string; source: AuditSource; now: Date };

/** Filings in unit order, then the unit's own order (first filing first). The SQL of rows.ts, as listItems. */
export async function listFilings(db: SqlRunner, where: { unitId?: number } = {}): Promise<FilingRecord[]> {
  const filings = await queryRows(db, sql`${raw(FILINGS_SQL)}${whereIs(`f."unitId"`, where.unitId)} ORDER BY f."unitId", f."ordinal"`);
  if (filings.length === 0) return [];
  // NOTE: asked for one unit, a filing lists only that unit's domains.
  const domains = groupBy(await queryRows(db, sql`${raw(FILING_DOMAINS_SQL)}${whereIs(`d."unitId"`, where.unitId)} ORDER BY fd."filingId", fd."position"`), (d) => Number(d.filingId));
  return filings.map((f) => toFilingRecord(f, domains.get(Number(f.id)) ?? []));
}

/** A unit whose new `<unit>/icp` item gets its first filing, covering the domains given (the unit's own). */
export interface FirstFiling {
  unit: { id: number; icpNumber: string | null; localTelecom: boolean | null };
  itemId: number;
  domains: readonly { id: number; position: number }[];
}

/**
 * The first filings of new icp items, a table at a time. A filing takes its unit's ICP number
 * unless another filing (or one before it here) already has it.
 */
export async function createFirstFilings(tx: Tx, filings: readonly FirstFiling[], now: Date): Promise<void> {
  if (filings.length === 0) return;
  const numbers = filings.map((f) => f.unit.icpNumber).filter((n): n is string => n !== null);
  const taken = new Set(
    numbers.length === 0 ? [] : (await tx.icpFiling.findMany({ where: { number: { in: numbers } }, select: { number: true } })).map((f) => f.number),
  );
  const data = filings.map((f) => {
    const number = f.unit.icpNumber !== null && !taken.has(f.unit.icpNumber) ? f.unit.icpNumber : null;
    if (number !== null) taken.add(number);
    return { unitId: f.unit.id, ordinal: 1, number, step: initialStoredStep(f.unit.localTelecom), itemId: f.itemId, createdAt: now };
  });
  const created = new Map((await tx.icpFiling.createManyAndReturn({ data, select: { id: true, itemId: true } })).map((f) => [f.itemId, f.id]));
  const domains = filings.flatMap((f) => f.domains.map((d) => ({ filingId: created.get(f.itemId)!, domainId: d.id, position: d.position })));
  if (domains.length > 0) await tx.icpFilingDomain.createMany({ data: domains });
}

async function setDomains(tx: Tx, filingId: number, unitId: number, domains: readonly string[]): Promise<void> {
  const rows = await tx.domain.findMany({ where: { unitId, name: { in: [...domains] } } });
  await tx.icpFilingDomain.deleteMany({ where: { OR: [{ filingId }, { domainId: { in: rows.map((r) => r.id) } }] } });
  for (const d of rows) await tx.icpFilingDomain.create({ data: { filingId, domainId: d.id, position: d.position } });
}

async function newFiling(tx: Tx, unit: { id: number; key: string }, number: string | null, domains: readonly string[], step: string, who: Who): Promise<FilingRecord> {
  const last = await tx.icpFiling.findFirst({ where: { unitId: unit.id }, orderBy: { ordinal: "desc" } });
  const ordinal = (last?.ordinal ?? 0) + 1;
  const key = filingItemKey(unit.key, ordinal);
  const item = await tx.checklistItem.create({ data: { key, unitId: unit.id, task: "icp" } });
  const filing = await tx.icpFiling.create({ data: { unitId: unit.id, ordinal, number, step, itemId: item.id, createdAt: who.now } });
  await setDomains(tx, filing.id, unit.id, domains);
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, unitId: unit.id, itemId: item.id, field: "icp.filing", subject: key, toValue: number ?? "" });
  return (await listFilings(tx, { unitId: unit.id })).find((f) => f.id === filing.id)!;
}

/**
 * Writes what `set icp` decided (decideFilingEntry): the number on its filing (or a new filing with
 * its own item), the domains moved, absorbed placeholders removed with their item's history moved
 * to the target's item. The unit's first filing's number stays in Unit.icpNumber too.
 */
export async function applyFilingEntry(tx: Tx, unit: { id: number; key: string }, entry: FilingEntry, initialStep: string, who: Who): Promise<FilingRecord> {
  const base = { at: who.now, actor: who.actor, source: who.source, unitId: unit.id };
  const before = await listFilings(tx, { unitId: unit.id });
  let target = before.find((f) => f.id === entry.targetId);
  for (const s of entry.shrunk) {
    const filing = before.find((f) => f.id === s.id)!;
    await setDomains(tx, s.id, unit.id, s.domains);
    await writeAudit(tx, { ...base, itemId: filing.itemId, field: "icp.domains", subject: filing.itemKey, fromValue: filing.domains.join(","), toValue: s.domains.join(",") });
  }
  if (!target) {
    target = await newFiling(tx, unit, entry.number, entry.domains, initialStep, who);
  } else {
    if (target.number !== entry.number) {
      await tx.icpFiling.update({ where: { id: target.id }, data: { number: entry.number } });
      await writeAudit(tx, { ...base, itemId: target.itemId, field: "icp.number", subject: target.itemKey, fromValue: target.number, toValue: entry.number });
    }
    if (target.domains.join(",") !== entry.domains.join(",")) {
      await setDomains(tx, target.id, unit.id, entry.domains);
      await writeAudit(tx, { ...base, itemId: target.itemId, field: "icp.domains", subject: target.itemKey, fromValue: target.domains.join(","), toValue: entry.domains.join(",") });
    }
  }
  for (const id of entry.absorbed) {
    const gone = before.find((f) => f.id === id)!;
    await tx.auditEntry.updateMany({ where: { itemId: gone.itemId }, data: { itemId: target.itemId } });
    await tx.icpFilingDomain.deleteMany({ where: { filingId: id } });
    await tx.icpFiling.delete({ where: { id } });
    await tx.checklistItem.delete({ where: { id: gone.itemId } });
    await writeAudit(tx, { ...base, itemId: target.itemId, field: "icp.filing", subject: gone.itemKey, fromValue: gone.domains.join(","), toValue: target.itemKey });
  }
  if (entry.unfiled.length > 0) await newFiling(tx, unit, null, entry.unfiled, initialStep, who);
  const after = await listFilings(tx, { unitId: unit.id });
  const first = after.find((f) => f.ordinal === 1);
  if (first?.number) {
    const row = await tx.unit.findUniqueOrThrow({ where: { id: unit.id } });
    if (row.icpNumber !== first.number) {
      await tx.unit.update({ where: { id: unit.id }, data: { icpNumber: first.number } });
      await writeAudit(tx, { ...base, field: "unit.icpNumber", fromValue: row.icpNumber, toValue: first.number });
    }
  }
  return after.find((f) => f.id === target.id)!;
}

/** 主办单位名称 or 备案注销原因 of one filing; false when it already read so. */
export async function setFilingText(tx: Tx, filing: FilingRecord, field: "sponsorName" | "reason", value: string | null, who: Who): Promise<boolean> {
  if (filing[field] === value) return false;
  await tx.icpFiling.update({ where: { id: filing.id }, data: { [field]: value } });
  await writeAudit(tx, {
    at: who.now, actor: who.actor, source: who.source, unitId: filing.unitId, itemId: filing.itemId,
    field: `icp.${field}`, subject: filing.itemKey, fromValue: filing[field], toValue: value,
  });
  return true;
}

/** Moves a filing to a step (who and when kept on the filing), audited; false when it was there. */
export async function setFilingStep(tx: SqlRunner, filing: FilingRecord, step: string, who: Who, note?: string | null): Promise<boolean> {
  if (filing.step === step) return false;
  const updated = await executeSql(tx, sql`UPDATE "IcpFiling" SET "step" = ${step}, "stepAt" = ${who.now}, "stepBy" = ${who.actor} WHERE "id" = ${filing.id}`);
  // NOTE: as Prisma's update did: no row to change fails the transaction, never an audit entry alone.
  if (updated === 0) throw new Error(`ICP filing ${filing.id} (${filing.itemKey}) is not in the store`);
  await writeAudit(tx, {
    at: who.now, actor: who.actor, source: who.source, unitId: filing.unitId, itemId: filing.itemId,
    field: "icp.step", subject: filing.itemKey, fromValue: filing.step, toValue: step, note: note ?? null,
  });
  return true;
}

/** After the provider answer changed: each filing's step read on the new route, written as the system. */
export async function followFilingRoute(tx: Tx, unitId: number, who: Who): Promise<void> {
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  for (const filing of await listFilings(tx, { unitId })) {
    const item = await tx.checklistItem.findUniqueOrThrow({ where: { id: filing.itemId } });
    const state = item.state as ItemState;
    const stored = storedStepOf(filingStepOf(unit.localTelecom, filing.step, state), state);
    if (stored !== filing.step) await setFilingStep(tx, filing, stored, who);
  }
}

/**
 * The unit sheet's 备案号 for a unit: its first filing takes it, unless another filing (of any
 * unit) already has it. Says whether the filing changed.
 */
export async function followSheetNumber(tx: Tx, unitId: number, number: string | null, who: Who): Promise<boolean> {
  if (number === null) return false;
  const first = (await listFilings(tx, { unitId })).find((f) => f.ordinal === 1);
  if (!first || first.number === number) return false;
  if (await tx.icpFiling.findUnique({ where: { number } })) return false;
  await tx.icpFiling.update({ where: { id: first.id }, data: { number } });
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, unitId, itemId: first.itemId, field: "icp.number", subject: first.itemKey, fromValue: first.number, toValue: number });
  return true;
}
