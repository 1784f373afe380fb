import type { UnitName } from "../domain/command/unit-directory.ts";
import type { UnitRecord } from "../domain/model/records.ts";
import type { TaskKey } from "../domain/model/tasks.ts";
import { findUnit, listItems } from "./campaign-repository.ts";
import { raw, sql, textOf, toUnitNames, UNIT_NAMES_SQL } from "./rows.ts";
import { queryRows, type SqlRunner } from "./sql-tx.ts";

export async function listUnitNames(db: SqlRunner): Promise<UnitName[]> {
  return toUnitNames(await queryRows(db, sql`${raw(UNIT_NAMES_SQL)}`));
}

export async function findUnitByKey(db: SqlRunner, key: string): Promise<UnitRecord | null> {
  return findUnit(db, { key });
}

export async function loadUnitWithItems(db: SqlRunner, key: string) {
  const unit = await findUnitByKey(db, key);
  if (!unit) return null;
  return { unit, items: await listItems(db, { unitId: unit.id }) };
}

export async function findItemUnitKey(db: SqlRunner, itemKey: string) {
  const [row] = await queryRows(db, 
    sql`SELECT i."task", u."key" AS "unitKey", d."name" AS "domainName" FROM "ChecklistItem" i JOIN "Unit" u ON u."id" = i."unitId"
      LEFT JOIN "Domain" d ON d."id" = i."domainId" WHERE i."key" = ${itemKey}`,
  );
  return row ? { unitKey: String(row.unitKey), task: row.task as TaskKey, domain: textOf(row.domainName) } : null;
}
