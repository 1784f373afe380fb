// Opens the campaign store that DATABASE_URL names: `file:` is SQLite (one instance, the embedded
// default), `postgresql://` PostgreSQL (one or several instances); any other URL is refused,
// naming the two. Whichever it is, the rest of the bot sees one Store (decision 014).
import { databaseKind } from "./database-kind.ts";
import { openPostgresStore } from "./postgresql-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import type { OpenStoreOptions, Store } from "./store-handle.ts";

export type { Db, OpenStoreOptions, Store } from "./store-handle.ts";
export { storeOf } from "./store-handle.ts";
export { BUSY_TIMEOUT_MS } from "./sqlite-store.ts";

/**
 * The bot's wait instead. NOTE: better-sqlite3 waits synchronously, freezing every request the
 * bot is serving; a short wait plus inTransaction's retries keeps the bot answering during an import.
 */
export const SERVER_BUSY_TIMEOUT_MS = 50;

export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  return databaseKind(databaseUrl) === "sqlite" ? openSqliteStore(databaseUrl, options) : openPostgresStore(databaseUrl, options);
}
