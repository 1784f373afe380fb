// Opens the campaign store: resolves the file, applies migrations, connects Prisma.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { ensureFolder, resolveSqliteUrl, type SqliteLocation } from "./database-url.ts";
import { enableWal, migrateStore } from "./migrations.ts";

export type Db = PrismaClient;

export interface Store {
  db: Db;
  location: SqliteLocation;
  close(): Promise<void>;
}

/** How long a statement waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export async function openStore(databaseUrl: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const location = resolveSqliteUrl(databaseUrl);
  ensureFolder(location);
  if (options.migrate !== false) await migrateStore(location);
  enableWal(location);
  const adapter = new PrismaBetterSQLite3({ url: location.url, timeout: BUSY_TIMEOUT_MS });
  const db = new PrismaClient({ adapter });
  await db.$connect();
  return { db, location, close: () => db.$disconnect() };
}
