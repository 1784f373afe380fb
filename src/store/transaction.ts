import { performance } from "node:perf_hooks";
import { versionMayHaveChanged } from "./kept-reads.ts";
import type { SqlTx } from "./sql-tx.ts";
import { registerClient, storeOf, type Db } from "./store-handle.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** How long a transaction keeps being retried while another process holds the write lock. */
export const BUSY_RETRY_MS = 3_000;
/**
 * How long a PostgreSQL transaction that lost a race (serialization failure, deadlock) keeps being
 * run again. NOTE: longer than BUSY_RETRY_MS: many changes to one unit at once on a loaded server
 * lose to each other for more than 3 s, and each loss ends with the next one winning; the person
 * was already told 正在处理 on the first loss.
 */
export const CONFLICT_RETRY_MS = 10_000;

type DriverCause = { originalCode?: string; kind?: string };

/**
 * What the driver adapter said: wrapped in a Prisma error's meta for a query, or, NOTE: as the
 * adapter's own DriverAdapterError (cause, no meta) when COMMIT itself fails, as a lost
 * serialization race does on PostgreSQL.
 */
function driverCause(error: unknown): DriverCause | undefined {
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta?.driverAdapterError?.cause;
  if (wrapped) return wrapped;
  if (error instanceof Error && error.name === "DriverAdapterError" && typeof error.cause === "object" && error.cause !== null) return error.cause as DriverCause;
  return undefined;
}

/**
 * PostgreSQL's answers that a later try may not get: serialization failure, deadlock, lock not
 * available, the server shutting down or starting, too many connections, and the connection
 * classes (08…). NOTE: a Serializable transaction that loses a race gets 40001 and must be run again.
 */
const PG_RETRYABLE = /^(40001|40P01|55P03|57P0[123]|53300|08\d{3})$/;
/** The same, as @prisma/adapter-pg names them (a socket error has a kind and no code). */
const ADAPTER_RETRYABLE = new Set(["TransactionWriteConflict", "DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma's own: write conflict or deadlock, server unreachable, connection closed, no pool connection in time. */
const PRISMA_RETRYABLE = new Set(["P2034", "P1001", "P1017", "P2024"]);
const PG_CONFLICT = /^(40001|40P01)$/;
const PG_MESSAGES = /Connection terminated|terminating connection due to administrator command|could not serialize access|deadlock detected|Can't reach database server|ECONNREFUSED|ECONNRESET/;

/**
 * The store cannot take this write now, and the same write may succeed later: SQLITE_BUSY (or a
 * variant) from Prisma's driver adapter or from better-sqlite3; on PostgreSQL a serialization
 * failure, a deadlock or a lost connection.
 */
export function isStoreBusy(error: unknown): boolean {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("SQLITE_")) return code.startsWith("SQLITE_BUSY");
  if (typeof code === "string" && PG_RETRYABLE.test(code)) return true;
  if (cause?.kind && ADAPTER_RETRYABLE.has(cause.kind)) return true;
  if (typeof code === "string" && PRISMA_RETRYABLE.has(code)) return true;
  // NOTE: only the databases' own words; a broader match would retry domain errors that quote user text.
  return error instanceof Error && (/SQLITE_BUSY|database is locked/.test(error.message) || (isDriverError(error) && PG_MESSAGES.test(error.message)));
}

/** A PostgreSQL transaction lost a race to another one: run again, it sees what the other committed. */
export function isWriteConflict(error: unknown): boolean {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (PG_CONFLICT.test(code) || code === "P2034")) return true;
  return cause?.kind === "TransactionWriteConflict" || (error instanceof Error && isDriverError(error) && /could not serialize access|deadlock detected/.test(error.message));
}

const PG_UNREACHABLE = /^(08\d{3}|57P0[123])$/;
const ADAPTER_UNREACHABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

/**
 * PostgreSQL cannot be reached (down, restarting, the network): a busy store to a person (try
 * again later, nothing changed), an unwritable one to a health check.
 */
export function isStoreUnreachable(error: unknown): boolean {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (PG_UNREACHABLE.test(code) || code === "P1001" || code === "P1017" || code === "ECONNREFUSED")) return true;
  if (cause?.kind && ADAPTER_UNREACHABLE.has(cause.kind)) return true;
  return error instanceof Error && isDriverError(error) && /Connection terminated|Can't reach database server|ECONNREFUSED|terminating connection due to administrator command/.test(error.message);
}

/** PostgreSQL refused a row because `table` has one with the same key (23505). */
export function isUniqueViolation(error: unknown, table: string): boolean {
  const e = error as { code?: unknown; table?: unknown } | null;
  return e?.code === "23505" && e.table === table;
}

/** An error from Prisma or a database driver, never a DomainError carrying a person's text. */
function isDriverError(error: Error): boolean {
  return error.name.startsWith("PrismaClient") || error.name === "DriverAdapterError" || "severity" in error || "errno" in error;
}

const FAULT_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/;

/**
 * The store's files failed (disk full, I/O error, read-only, deleted): nothing was written, and
 * the connection may be left unusable.
 */
export function isStoreFault(error: unknown): boolean {
  if (error instanceof StoreMissingError) return true;
  const cause = driverCause(error);
  const code = cause?.originalCode ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("SQLITE_")) return FAULT_CODES.test(code);
  return error instanceof Error && /SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)|database or disk is full|disk I\/O error|readonly database|connection is not open/.test(error.message);
}

/** The store's file was deleted or replaced under the running process: a write would go nowhere. */
export class StoreMissingError extends Error {
  constructor(readonly filePath: string) {
    super(`the store's file ${filePath} was deleted or replaced while the bot ran`);
    this.name = "StoreMissingError";
  }
}

/** Prisma's transaction as the store's are: Serializable, and long enough for a pass's write. */
export const PRISMA_TRANSACTION = { maxWait: 10_000, timeout: 30_000, isolationLevel: "Serializable" } as const;

/**
 * Runs `work` in one transaction. NOTE: SQLite answers SQLITE_BUSY at once (no busy wait)
 * when a read transaction must turn into a write while another process writes, and the bot's
 * own busy wait is short because it blocks the event loop; so the whole transaction is retried,
 * with pauses that let other requests run, for up to `retryForMs`. On PostgreSQL the transaction
 * is Serializable, as SQLite's are (one writer at a time): of two instances changing the same
 * item, one fails with 40001 and is run again on what the other committed.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, retryForMs?: number, onBusy?: StoreBusyNotice): Promise<T> {
  const store = storeOf(db);
  // NOTE: the transaction is known as its store's, so that its repositories know the database (rowLocks).
  const registered = store ? (tx: Tx) => (registerClient(tx, store), work(tx)) : work;
  return guarded(db, () => db.$transaction(registered, PRISMA_TRANSACTION), retryForMs, onBusy);
}

/**
 * The same for work that is SQL only (the repositories that take a SqlRunner): one transaction
 * made with the database's driver alone (decision 024), retried and guarded as inTransaction's.
 * NOTE: `work` must send nothing through Prisma: a Prisma call waits for the transaction to end.
 */
export async function inSqlTransaction<T>(db: Db, work: (tx: SqlTx) => Promise<T>, retryForMs?: number, onBusy?: StoreBusyNotice): Promise<T> {
  const store = storeOf(db);
  if (!store) throw new Error("inSqlTransaction needs a store's client");
  return guarded(db, () => store.sqlTransaction(work), retryForMs, onBusy);
}

async function guarded<T>(db: Db, transaction: () => Promise<T>, retryForMs: number | undefined, onBusy: StoreBusyNotice | undefined): Promise<T> {
  const store = storeOf(db);
  // NOTE: a deleted file still takes writes through the open handle, and they are lost: refuse them.
  if (store && !store.fileIsPresent()) throw new StoreMissingError(store.where);
  try {
    return await retryWhileBusy(transaction, retryForMs, onBusy);
  } catch (error) {
    // NOTE: a fault in the middle of a transaction (SQLITE_FULL at COMMIT) left Prisma's connection
    // waiting on it forever; every later change hung. A new connection serves the next ones.
    if (store && isStoreFault(error) && !(error instanceof StoreMissingError)) await store.reconnect(error).catch(() => undefined);
    throw error;
  } finally {
    versionMayHaveChanged();
  }
}

/**
 * Told, once, when a write finds the store busy: the Slack listeners ack "正在处理" at once then,
 * instead of keeping Slack waiting. NOTE: passed along, not kept in an AsyncLocalStorage: on
 * Node 20 one in use puts a hook on every promise the process makes, Bolt's and pg's too (decision 027).
 */
export type StoreBusyNotice = () => void;

// NOTE: while another process holds the write lock, every attempt waits the busy timeout
// synchronously, freezing the event loop. Hundreds of requests retrying at once froze it for
// seconds and acks went out late; while the store is busy, attempts take turns instead.
const BUSY_TURNS_MS = 500;
let busySeenAt = -Infinity;
let turn: Promise<void> = Promise.resolve();

async function attemptWrite<T>(write: () => Promise<T>): Promise<T> {
  if (performance.now() - busySeenAt > BUSY_TURNS_MS) return write();
  const previous = turn;
  let release = () => {};
  turn = new Promise<void>((resolve) => (release = resolve));
  await previous;
  try {
    return await write();
  } finally {
    release();
  }
}

/**
 * Runs a write (a transaction, or one statement on its own) again while the store is busy: for
 * `retryForMs` when given, else BUSY_RETRY_MS, or CONFLICT_RETRY_MS after a lost race.
 */
export async function retryWhileBusy<T>(write: () => Promise<T>, retryForMs?: number, onBusy?: StoreBusyNotice): Promise<T> {
  const started = performance.now();
  let noticed = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptWrite(write);
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      const lostRace = isWriteConflict(error);
      // NOTE: a PostgreSQL transaction that lost a race is run again at once and nothing waits for
      // a lock: taking turns, or acking 正在处理, only made every report of a burst wait on the
      // others (at 20 at once, 4× the durable floor's p50). A busy store (SQLite's write lock
      // held by another process) still does both.
      if (!lostRace) {
        busySeenAt = performance.now();
        if (!noticed) {
          noticed = true;
          onBusy?.();
        }
      }
      const limit = retryForMs ?? (lostRace ? CONFLICT_RETRY_MS : BUSY_RETRY_MS);
      if (performance.now() - started >= limit) throw error;
      // Jittered: transactions that lost to each other should not all come back at the same moment.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(20 * 2 ** attempt, 400) + 10));
    }
  }
}
