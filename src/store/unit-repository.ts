import type { UnitName } from "../domain/command/unit-directory.ts";
import type { UnitRecord } from "../domain/model/records.ts";
import type { TaskKey } from "../domain/model/tasks.ts";
import { findUnitById, listItems } from "./campaign-repository.ts";
import type { Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";

export async function listUnitNames(db: Db | Tx): Promise<UnitName[]> {
  const rows = await db.unit.findMany({
    select: { key: true, name: true, domains: { select: { name: true }, orderBy: { position: "asc" } } },
    orderBy: { position: "asc" },
  });
  return rows.map((r) => ({ key: r.key, name: r.name, domains: r.domains.map((d) => d.name) }));
}

export async function findUnitByKey(db: Db | Tx, key: string): Promise<UnitRecord | null> {
  const row = await db.unit.findUnique({ where: { key }, select: { id: true } });
  return row ? findUnitById(db, row.id) : null;
}

export async function loadUnitWithItems(db: Db | Tx, key: string) {
  const unit = await findUnitByKey(db, key);
  if (!unit) return null;
  return { unit, items: await listItems(db, { unitId: unit.id }) };
}

export async function findItemUnitKey(db: Db | Tx, itemKey: string) {
  const row = await db.checklistItem.findUnique({
    where: { key: itemKey },
    select: { task: true, unit: { select: { key: true } }, domain: { select: { name: true } } },
  });
  return row ? { unitKey: row.unit.key, task: row.task as TaskKey, domain: row.domain?.name ?? null } : null;
}
