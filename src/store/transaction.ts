import type { Db } from "./open-store.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function isBusy(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /SQLITE_BUSY|database is locked|busy/i.test(text);
}

/**
 * Runs `work` in one transaction. NOTE: SQLite answers SQLITE_BUSY at once (no busy wait)
 * when a read transaction must turn into a write while another process writes, so the
 * whole transaction is retried a few times before the error reaches the caller.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      if (attempt >= attempts || !isBusy(error)) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 50));
    }
  }
}

export function isStoreBusy(error: unknown): boolean {
  return isBusy(error);
}
