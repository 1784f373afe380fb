// Scheduled runs (the reminder pass, the digest) once per slot, however many instances share the
// store. NOTE: on PostgreSQL a transaction-level advisory lock (pg_try_advisory_xact_lock) is held
// for the whole run, so that of several instances due at once only one plans and sends; it goes
// with the holder's transaction, so a killed instance leaves no lock behind. On SQLite there is
// one instance: the run is never "elsewhere". A finished slot is recorded either way: a later try
// (another instance's, a catch-up at start) plans it no more.
import { storeOf, type Db } from "./store-handle.ts";
import { retryWhileBusy } from "./transaction.ts";

export type SlotRun<T> =
  | { state: "ran"; value: T }
  /** Another instance is running this job now. */
  | { state: "elsewhere" }
  /** The slot was finished before (by this instance or another). */
  | { state: "finished"; by: string; at: Date };

/** How long the lock's transaction may stay open: longer than any pass. */
const LONGEST_RUN_MS = 6 * 3600_000;

export function scheduledRunKey(job: string, slot: Date): string {
  return `${job}@${slot.toISOString()}`;
}

async function finishedRun(db: Db, key: string): Promise<{ by: string; at: Date } | null> {
  const row = await db.scheduledRun.findUnique({ where: { key } });
  return row ? { by: row.finishedBy, at: row.finishedAt } : null;
}

/**
 * Runs `work` for `job`'s `slot` unless it was finished before or runs elsewhere now. `work`
 * says whether it finished the slot (nothing left for later): only then is the slot recorded.
 */
export async function runForSlot<T>(
  db: Db,
  run: { job: string; slot: Date; owner: string; clock: () => Date },
  work: () => Promise<{ value: T; finished: boolean }>,
): Promise<SlotRun<T>> {
  const key = scheduledRunKey(run.job, run.slot);
  const once = async (): Promise<SlotRun<T>> => {
    const before = await finishedRun(db, key);
    if (before) return { state: "finished", ...before };
    const { value, finished } = await work();
    if (finished) {
      const at = run.clock();
      await retryWhileBusy(() =>
        db.scheduledRun.upsert({ where: { key }, create: { key, job: run.job, slot: run.slot, finishedAt: at, finishedBy: run.owner }, update: {} }),
      );
    }
    return { state: "ran", value };
  };
  if (storeOf(db)?.kind !== "postgresql") return once();
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`shutdown:${run.job}`}::text)) AS locked`;
      return row?.locked ? once() : { state: "elsewhere" as const };
    },
    { maxWait: 10_000, timeout: LONGEST_RUN_MS },
  );
}
