// Opens the campaign store: resolves the file, applies migrations, connects Prisma. A store that
// met a fault of its files (disk full, I/O error, read-only) reconnects, so that once the files
// are writable again, writes work again without a restart.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { CampaignReader } from "./campaign-reader.ts";
import { ensureFolder, resolveSqliteUrl, type SqliteLocation } from "./database-url.ts";
import { enableWal, migrateStore } from "./migrations.ts";

export type Db = PrismaClient;

export interface Store {
  /** The current connection: read it at each use, a fault may replace it. */
  readonly db: Db;
  /** The reads a command makes before it answers, without Prisma's per-call cost. */
  readonly reader: CampaignReader;
  location: SqliteLocation;
  /** Whether the file at `location` is still the one this store opened (not deleted or replaced). */
  fileIsPresent(): boolean;
  /** Reconnects after a fault of the store's files; at most one at a time. */
  reconnect(why: unknown): Promise<void>;
  /** Called after each reconnect (for logs). */
  onReconnect?: (why: unknown) => void;
  close(): Promise<void>;
}

/** How long a statement waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;
/**
 * The bot's wait instead. NOTE: better-sqlite3 waits synchronously, freezing every request the
 * bot is serving; a short wait plus inTransaction's retries keeps the bot answering during an import.
 */
export const SERVER_BUSY_TIMEOUT_MS = 50;

export interface OpenStoreOptions {
  migrate?: boolean;
  busyTimeoutMs?: number;
}

/** A store's file, by the client that writes to it: how inTransaction finds whom to tell about a fault. */
const storeOfClient = new WeakMap<Db, Store>();

export function storeOf(db: Db): Store | undefined {
  return storeOfClient.get(db);
}

function fileIdentity(filePath: string): string | null {
  try {
    const s = fs.statSync(filePath);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = resolveSqliteUrl(databaseUrl);
  ensureFolder(location);
  if (options.migrate !== false) await migrateStore(location);
  enableWal(location);
  const connect = async () => {
    const adapter = new PrismaBetterSQLite3({ url: location.url, timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    const client = new PrismaClient({ adapter });
    await client.$connect();
    return client;
  };
  let db = await connect();
  let reader = new CampaignReader(location.filePath);
  const identity = fileIdentity(location.filePath);
  let reconnecting: Promise<void> | null = null;
  let closed = false;
  const store: Store = {
    get db() {
      return db;
    },
    get reader() {
      return reader;
    },
    location,
    fileIsPresent: () => identity !== null && fileIdentity(location.filePath) === identity,
    reconnect(why) {
      reconnecting ??= (async () => {
        if (closed) return;
        const old = { db, reader };
        db = await connect();
        storeOfClient.set(db, store);
        reader = new CampaignReader(location.filePath);
        store.onReconnect?.(why);
        // NOTE: the old connection may be stuck in the transaction the fault broke: never wait for it.
        void old.db.$disconnect().catch(() => undefined);
        try {
          old.reader.close();
        } catch {
          // already unusable
        }
      })().finally(() => {
        reconnecting = null;
      });
      return reconnecting;
    },
    close: async () => {
      closed = true;
      await reconnecting?.catch(() => undefined);
      reader.close();
      await db.$disconnect();
    },
  };
  storeOfClient.set(db, store);
  return store;
}
