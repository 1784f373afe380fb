// Who is calling: a coordinator (environment or added at run time), a contact of some units, or nobody yet.
import type { Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";
import type { Caller } from "../domain/access.ts";

export async function findCaller(db: Db | Tx, userId: string, envCoordinators: readonly string[]): Promise<Caller> {
  const [coordinator, contact] = await Promise.all([
    db.coordinator.findUnique({ where: { slackUserId: userId } }),
    db.contact.findUnique({
      where: { slackUserId: userId },
      include: { units: { include: { unit: { select: { id: true, key: true, name: true, position: true } } } } },
    }),
  ]);
  const units = (contact?.units ?? []).map((uc) => uc.unit).sort((a, b) => a.position - b.position);
  return {
    userId,
    isCoordinator: envCoordinators.includes(userId) || coordinator !== null,
    contactId: contact?.id ?? null,
    units: units.map(({ id, key, name }) => ({ id, key, name })),
  };
}

export async function listCoordinators(db: Db | Tx, envCoordinators: readonly string[]) {
  const rows = await db.coordinator.findMany({ orderBy: { addedAt: "asc" } });
  return {
    fromEnvironment: [...envCoordinators],
    addedAtRunTime: rows.map((r) => r.slackUserId).filter((id) => !envCoordinators.includes(id)),
  };
}
