import { performance } from "node:perf_hooks";
import type { Db } from "./open-store.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long a transaction keeps being retried while another process holds the write lock. */
export const BUSY_RETRY_MS = 3_000;

type DriverCause = { originalCode?: string };

/** SQLITE_BUSY (or a variant) from Prisma's driver adapter or from better-sqlite3. */
export function isStoreBusy(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("SQLITE_")) return code.startsWith("SQLITE_BUSY");
  // NOTE: only SQLite's own words; a broader match would retry domain errors that quote user text.
  return error instanceof Error && /SQLITE_BUSY|database is locked/.test(error.message);
}

/**
 * Runs `work` in one transaction. NOTE: SQLite answers SQLITE_BUSY at once (no busy wait)
 * when a read transaction must turn into a write while another process writes, and the bot's
 * own busy wait is short because it blocks the event loop; so the whole transaction is retried,
 * with pauses that let other requests run, for up to `retryForMs`.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, retryForMs = BUSY_RETRY_MS): Promise<T> {
  return retryWhileBusy(() => db.$transaction(work, { maxWait: 10_000, timeout: 30_000 }), retryForMs);
}

/** Runs a write (a transaction, or one statement on its own) again while the store is busy. */
export async function retryWhileBusy<T>(write: () => Promise<T>, retryForMs = BUSY_RETRY_MS): Promise<T> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isStoreBusy(error) || performance.now() - started >= retryForMs) throw error;
      await new Promise((r) => setTimeout(r, Math.min(40 * attempt, 250) + Math.random() * 50));
    }
  }
}
