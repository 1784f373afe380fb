// Who is calling: a coordinator (environment or added at run time), a contact of some units, or nobody yet.
import type { Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";
import type { Caller } from "../domain/access.ts";
import { CONTACT_SQL, CONTACT_UNITS_ORDER, CONTACT_UNITS_SQL, COORDINATOR_SQL, raw, sql, toCaller, type Row } from "./rows.ts";

export async function findCaller(db: Db | Tx, userId: string, envCoordinators: readonly string[]): Promise<Caller> {
  const coordinator = envCoordinators.includes(userId) ? [] : await db.$queryRaw<Row[]>(sql`${raw(COORDINATOR_SQL)}${userId}`);
  const contact = await db.$queryRaw<Row[]>(sql`${raw(CONTACT_SQL)}${userId}`);
  const units = contact[0] === undefined ? [] : await db.$queryRaw<Row[]>(sql`${raw(CONTACT_UNITS_SQL)}${Number(contact[0].id)}${raw(CONTACT_UNITS_ORDER)}`);
  return toCaller(userId, envCoordinators, coordinator, contact, units);
}

export async function listCoordinators(db: Db | Tx, envCoordinators: readonly string[]) {
  const rows = await db.coordinator.findMany({ orderBy: { addedAt: "asc" } });
  return {
    fromEnvironment: [...envCoordinators],
    addedAtRunTime: rows.map((r) => r.slackUserId).filter((id) => !envCoordinators.includes(id)),
  };
}
