// What an open store is, whichever database holds it (decision 014). Kept apart from openStore so
// that the repositories can name these types without importing the stores that use them.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { CampaignReader } from "./campaign-reader.ts";
import type { DatabaseKind } from "./database-kind.ts";
import type { SqliteLocation } from "./database-url.ts";
import type { SqlTx } from "./sql-tx.ts";

/**
 * The Prisma client of the campaign's schema. NOTE: typed as the SQLite client for both
 * databases: the two clients are generated from one schema (decision 012), and SQLite's query API
 * is the part PostgreSQL's also has, so a query that compiles runs on both.
 */
export type Db = PrismaClient;

export interface Store {
  readonly kind: DatabaseKind;
  /** The current connection: read it at each use, a fault may replace it. */
  readonly db: Db;
  /** The reads a command makes before it answers (SQLite: without Prisma's per-call cost). */
  readonly reader: CampaignReader;
  /** Where the campaign lives, for logs and /healthz: the SQLite file, or the PostgreSQL URL without its password. */
  readonly where: string;
  /** SQLite's file; null on PostgreSQL. */
  readonly location: SqliteLocation | null;
  /**
   * Runs `work` in one transaction made with the driver alone (decision 024), once: retries and
   * faults are inSqlTransaction's. `work` sends SQL through its SqlTx only, never through `db`.
   */
  sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Whether the store this opened is still there: SQLite's file not deleted or replaced (always true on PostgreSQL). */
  fileIsPresent(): boolean;
  /** Reconnects after a fault of the store's files; at most one at a time. */
  reconnect(why: unknown): Promise<void>;
  /** Called after each reconnect (for logs). */
  onReconnect?: (why: unknown) => void;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  migrate?: boolean;
  /** SQLite: how long a statement waits for another process's write lock. */
  busyTimeoutMs?: number;
}

/** A store, by the client that writes to it: how inTransaction finds whom to tell about a fault, and which database it is. */
const storeOfClient = new WeakMap<object, Store>();

/** The store of a client, or of a transaction inTransaction runs. */
export function storeOf(db: object): Store | undefined {
  return storeOfClient.get(db);
}

export function registerClient(db: object, store: Store): void {
  storeOfClient.set(db, store);
}

/**
 * Options for a transaction that only reads and must see one commit: on PostgreSQL, REPEATABLE
 * READ (its default, READ COMMITTED, gives each statement its own); SQLite's always does.
 * NOTE: Db is typed as the SQLite client, whose only level is Serializable.
 */
export function oneCommit(db: Db): { isolationLevel?: "Serializable" } {
  return storeOf(db)?.kind === "postgresql" ? ({ isolationLevel: "RepeatableRead" } as unknown as { isolationLevel: "Serializable" }) : {};
}
