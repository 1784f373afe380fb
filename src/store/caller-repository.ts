// Who is calling: a coordinator (environment or added at run time), a contact of some units, or nobody yet.
import { queryRows, type SqlRunner } from "./sql-tx.ts";
import type { Caller } from "../domain/access.ts";
import { CONTACT_SQL, CONTACT_UNITS_ORDER, CONTACT_UNITS_SQL, COORDINATOR_SQL, COORDINATORS_SQL, raw, sql, toCaller } from "./rows.ts";

export async function findCaller(db: SqlRunner, userId: string, envCoordinators: readonly string[]): Promise<Caller> {
  const coordinator = envCoordinators.includes(userId) ? [] : await queryRows(db, sql`${raw(COORDINATOR_SQL)}${userId}`);
  const contact = await queryRows(db, sql`${raw(CONTACT_SQL)}${userId}`);
  const units = contact[0] === undefined ? [] : await queryRows(db, sql`${raw(CONTACT_UNITS_SQL)}${Number(contact[0].id)}${raw(CONTACT_UNITS_ORDER)}`);
  return toCaller(userId, envCoordinators, coordinator, contact, units);
}

export async function listCoordinators(db: SqlRunner, envCoordinators: readonly string[]) {
  const rows = await queryRows(db, sql`${raw(COORDINATORS_SQL)}`);
  return {
    fromEnvironment: [...envCoordinators],
    addedAtRunTime: rows.map((r) => String(r.slackUserId)).filter((id) => !envCoordinators.includes(id)),
  };
}
