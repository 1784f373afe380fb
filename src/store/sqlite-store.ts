// The campaign in one SQLite file: resolves the file, applies migrations, connects Prisma, and reads
// commands' data through prepared statements (decision 005). A store that met a fault of its files
// (disk full, I/O error, read-only) reconnects, so that once the files are writable again, writes
// work again without a restart.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { SqliteCampaignReader } from "./campaign-reader.ts";
import { BUSY_TIMEOUT_MS, ensureFolder, resolveSqliteUrl } from "./database-url.ts";
import { enableWal, migrateStore } from "./migrations.ts";
import { registerClient, type Db, type OpenStoreOptions, type Store } from "./store-handle.ts";
import { withSqliteWriter, type SqliteWriter } from "./sqlite-writer.ts";

function fileIdentity(filePath: string): string | null {
  try {
    const s = fs.statSync(filePath);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export async function openSqliteStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = resolveSqliteUrl(databaseUrl);
  ensureFolder(location);
  if (options.migrate !== false) await migrateStore(location);
  enableWal(location);
  const connect = async (): Promise<{ db: Db; writer: SqliteWriter }> => {
    let writer: SqliteWriter | undefined;
    const factory = new PrismaBetterSQLite3({ url: location.url, timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    const client = new PrismaClient({ adapter: withSqliteWriter(factory, (w) => (writer = w)) });
    await client.$connect();
    if (!writer) throw new Error(`the store ${location.filePath} connected without a connection to write on`);
    return { db: client, writer };
  };
  let { db, writer } = await connect();
  let reader = new SqliteCampaignReader(location.filePath);
  const identity = fileIdentity(location.filePath);
  let reconnecting: Promise<void> | null = null;
  let closed = false;
  const store: Store = {
    kind: "sqlite",
    get db() {
      return db;
    },
    get reader() {
      return reader;
    },
    sqlTransaction: (work) => writer.transaction(work),
    where: location.filePath,
    location,
    fileIsPresent: () => identity !== null && fileIdentity(location.filePath) === identity,
    reconnect(why) {
      reconnecting ??= (async () => {
        if (closed) return;
        const old = { db, reader };
        ({ db, writer } = await connect());
        registerClient(db, store);
        reader = new SqliteCampaignReader(location.filePath);
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
  registerClient(db, store);
  return store;
}
