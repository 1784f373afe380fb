// Opens the campaign store that DATABASE_URL names: `file:` is SQLite (one instance, the embedded
// default), `postgresql://` PostgreSQL (one or several instances); any other URL is refused,
// naming the two. Whichever it is, the rest of the bot sees one Store (decision 014).
import { databaseKind } from "./database-kind.ts";
import type { OpenStoreOptions, Store } from "./store-handle.ts";

export type { Db, OpenStoreOptions, Store } from "./store-handle.ts";
export { storeOf } from "./store-handle.ts";
export { BUSY_TIMEOUT_MS } from "./database-url.ts";

/**
 * The bot's wait instead. NOTE: better-sqlite3 waits synchronously, freezing every request the
 * bot is serving; a short wait plus inTransaction's retries keeps the bot answering during an import.
 */
export const SERVER_BUSY_TIMEOUT_MS = 50;

/**
 * NOTE: each kind's implementation (its generated client, adapter and driver) is loaded only when a
 * URL of that kind is opened: a CLI on SQLite starts without PostgreSQL's modules, and the reverse.
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (databaseKind(databaseUrl) === "sqlite") return (await import("./sqlite-store.ts")).openSqliteStore(databaseUrl, options);
  return (await import("./postgresql-store.ts")).openPostgresStore(databaseUrl, options);
}
