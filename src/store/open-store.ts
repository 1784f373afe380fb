// Opens the campaign store: resolves the file, applies migrations, connects Prisma.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { CampaignReader } from "./campaign-reader.ts";
import { ensureFolder, resolveSqliteUrl, type SqliteLocation } from "./database-url.ts";
import { enableWal, migrateStore } from "./migrations.ts";

export type Db = PrismaClient;

export interface Store {
  db: Db;
  /** The reads a command makes before it answers, without Prisma's per-call cost. */
  reader: CampaignReader;
  location: SqliteLocation;
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

export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const location = resolveSqliteUrl(databaseUrl);
  ensureFolder(location);
  if (options.migrate !== false) await migrateStore(location);
  enableWal(location);
  const adapter = new PrismaBetterSQLite3({ url: location.url, timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  const reader = new CampaignReader(location.filePath);
  return {
    db,
    reader,
    location,
    close: async () => {
      reader.close();
      await db.$disconnect();
    },
  };
}
