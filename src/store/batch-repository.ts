// Batches: a new one from its checked sheet and dates (all or nothing, audited), closing one,
// and what `batch list` shows. A unit in two batches is one unit with items in each.
import type { BatchDates } from "../domain/batch-rules.ts";
import type { AuditSource, DeadlineRecord } from "../domain/model/records.ts";
import { isFinished, itemKey, UNIT_TASKS, type ItemState, type TaskKey } from "../domain/model/tasks.ts";
import type { BatchUnitRow, KnownCampaign } from "../units/batch-sheet.ts";
import { writeAudit } from "./audit-repository.ts";
import { listBatches, listDeadlines } from "./campaign-repository.ts";
import { applyFactRules } from "./change-repository.ts";
import type { Db } from "./store-handle.ts";
import { readCampaignSeed } from "./seed-repository.ts";
import { inTransaction } from "./transaction.ts";

interface Who {
  actor: string;
  source: AuditSource;
  now: Date;
}

/** Units and domains as the checks across batches need them: which open batches each is in. */
export async function readKnownCampaign(db: Db): Promise<KnownCampaign> {
  const [units, domains, items, batches] = await Promise.all([
    db.unit.findMany({ select: { id: true, key: true, name: true } }),
    db.domain.findMany({ select: { name: true, unitId: true, unit: { select: { name: true } } } }),
    db.checklistItem.findMany({ select: { unitId: true, batchId: true, domain: { select: { name: true } } } }),
    db.batch.findMany({ where: { closedAt: null }, orderBy: { id: "asc" } }),
  ]);
  const open = new Map(batches.map((b) => [b.id, b.name]));
  const openOf = (list: { batchId: number }[]) => [...new Set(list.flatMap((i) => (open.has(i.batchId) ? [open.get(i.batchId)!] : [])))];
  return {
    units: units.map((u) => ({ ...u, openBatches: openOf(items.filter((i) => i.unitId === u.id)) })),
    domains: domains.map((d) => ({ name: d.name, unitId: d.unitId, unitName: d.unit.name, openBatches: openOf(items.filter((i) => i.domain?.name === d.name)) })),
  };
}

export async function batchNameTaken(db: Db, name: string): Promise<boolean> {
  return (await db.batch.findUnique({ where: { name } })) !== null;
}

export interface BatchCreated {
  id: number;
  units: number;
  items: number;
}

/** The deadline keys of a batch after 第一批: "第二批/transition". */
export function batchDeadlineKey(batchName: string, key: string): string {
  return `${batchName}/${key}`;
}

export async function createBatch(db: Db, name: string, dates: BatchDates, units: BatchUnitRow[], who: Who): Promise<BatchCreated> {
  const templates = readCampaignSeed().deadlines;
  return inTransaction(db, async (tx) => {
    const batch = await tx.batch.create({ data: { name, createdAt: who.now, createdBy: who.actor } });
    for (const t of templates) {
      await tx.deadline.create({
        data: {
          key: batchDeadlineKey(name, t.key),
          batchId: batch.id,
          title: t.title,
          // NOTE: the template says which deadline is a window (the shutdown) and which a due date.
          opensAt: t.opens ? dates.windowOpens : null,
          dueAt: t.opens ? dates.windowEnds : dates.transitionDue,
          tasks: t.tasks.join(","),
        },
      });
    }
    let position = (await tx.unit.aggregate({ _max: { position: true } }))._max.position ?? 0;
    let items = 0;
    for (const row of units) {
      const existing = row.unitId === null ? null : await tx.unit.findUniqueOrThrow({ where: { id: row.unitId } });
      const unit =
        existing ??
        (await tx.unit.create({ data: { key: row.key, name: row.name, position: ++position, group: row.group, governmentRoom: row.governmentRoom, createdAt: who.now } }));
      // NOTE: a unit already in an earlier batch gets its new items under the batch's name, so
      // every earlier key stays as it was.
      const prefix = existing ? `${name}/` : "";
      const unitItems: { key: string; unitId: number; batchId: number; task: TaskKey; domainId?: number }[] = UNIT_TASKS.map((task) => ({
        key: itemKey(`${prefix}${unit.key}`, task),
        unitId: unit.id,
        batchId: batch.id,
        task,
      }));
      let domainPosition = (await tx.domain.aggregate({ where: { unitId: unit.id }, _max: { position: true } }))._max.position ?? 0;
      for (const d of row.domains) {
        const domain =
          (await tx.domain.findUnique({ where: { name: d.name } })) ??
          (await tx.domain.create({ data: { unitId: unit.id, name: d.name, isSubdomain: d.isSubdomain, position: ++domainPosition } }));
        unitItems.push({ key: itemKey(`${prefix}${unit.key}`, "domain", d.name), unitId: unit.id, batchId: batch.id, task: "domain", domainId: domain.id });
      }
      // NOTE: the unit's items in one statement, in the order one at a time gave them.
      items += (await tx.checklistItem.createMany({ data: unitItems })).count;
      await writeAudit(tx, {
        at: who.now,
        actor: who.actor,
        source: who.source,
        unitId: unit.id,
        field: "batch.unit",
        subject: name,
        fromValue: null,
        toValue: row.domains.map((d) => d.name).join("/"),
        note: existing ? null : `unit ${unit.key} created`,
      });
      // The unit's facts decide the new items as they did the earlier ones (no IP备案 without second-level systems).
      if (existing) await applyFactRules(tx, unit.id, who.now);
    }
    await writeAudit(tx, {
      at: who.now,
      actor: who.actor,
      source: who.source,
      field: "batch",
      subject: name,
      toValue: `units+${units.length} items+${items} deadlines+${templates.length}`,
    });
    return { id: batch.id, units: units.length, items };
  });
}

/** Ends a batch's reminders; false when it had ended already. Null when there is no such batch. */
export async function closeBatch(db: Db, name: string, who: Who): Promise<boolean | null> {
  return inTransaction(db, async (tx) => {
    const batch = await tx.batch.findUnique({ where: { name } });
    if (!batch) return null;
    if (batch.closedAt) return false;
    await tx.batch.update({ where: { id: batch.id }, data: { closedAt: who.now, closedBy: who.actor } });
    await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, field: "batch.closedAt", subject: name, fromValue: null, toValue: who.now.toISOString() });
    return true;
  });
}

export interface BatchProgress {
  id: number;
  name: string;
  closedAt: Date | null;
  units: number;
  items: number;
  finished: number;
  deadlines: DeadlineRecord[];
}

export async function listBatchProgress(db: Db): Promise<BatchProgress[]> {
  const [batches, deadlines, items] = await Promise.all([
    listBatches(db),
    listDeadlines(db),
    db.checklistItem.findMany({ select: { batchId: true, unitId: true, state: true } }),
  ]);
  return batches.map((b) => {
    const mine = items.filter((i) => i.batchId === b.id);
    return {
      id: b.id,
      name: b.name,
      closedAt: b.closedAt,
      units: new Set(mine.map((i) => i.unitId)).size,
      items: mine.length,
      finished: mine.filter((i) => isFinished(i.state as ItemState)).length,
      deadlines: deadlines.filter((d) => d.batchId === b.id),
    };
  });
}
