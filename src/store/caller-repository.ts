// Who is calling: a coordinator (environment or added at run time), a contact of some units, or nobody yet.
import type { Db } from "./open-store.ts";
import type { Tx } from "./transaction.ts";

export interface Caller {
  userId: string;
  isCoordinator: boolean;
  contactId: number | null;
  /** Units the caller is a contact of, in 附件3 order. */
  units: { id: number; key: string; name: string }[];
}

export async function listCoordinators(db: Db | Tx, envCoordinators: readonly string[]) {
  const rows = await db.coordinator.findMany({ orderBy: { addedAt: "asc" } });
  return {
    fromEnvironment: [...envCoordinators],
    addedAtRunTime: rows.map((r) => r.slackUserId).filter((id) => !envCoordinators.includes(id)),
  };
}
