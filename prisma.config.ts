import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PRISMA_FILES, databaseKind } from "./src/store/database-kind.ts";
import { environmentVariableOrSet } from "./src/config/environment.ts";

// NOTE: the CLI must always see a datasource URL, or it tries to download an engine; the URL's
// kind picks the schema (and its migrations beside it): a PostgreSQL schema read with a `file:`
// URL fails the same way. The SQLite file's folder must exist, or the adapter cannot connect.
const url = environmentVariableOrSet("DATABASE_URL", "file:./data/shutdown.db");
const kind = databaseKind(url);
if (kind === "sqlite") fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
if (kind === "postgresql") unrefLockTimeout();

export default defineConfig({
  schema: path.join(...PRISMA_FILES[kind].schema.split("/")),
  experimental: { adapter: true },
  engine: "js",
  // NOTE: @prisma/adapter-pg 7.10.1 under the 6.19 CLI: 6.19's own adapter breaks migrate deploy
  // (decision 012). The CLI never closes the pool: a short idle timeout lets it exit once done.
  adapter: async () => (kind === "sqlite" ? new PrismaBetterSQLite3({ url }) : new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 })),
});

/**
 * NOTE: on PostgreSQL the 6.19 schema engine races `pg_advisory_lock` against a 10 s timer that it
 * never clears, so every `migrate deploy` sat idle for 10 s after its work. Unreferenced, the timer
 * still fires while the lock is awaited (the query's socket keeps the CLI alive), but no longer
 * keeps a finished CLI running. This file is loaded by the Prisma CLI only.
 */
function unrefLockTimeout(): void {
  const setTimer = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
    const timer = setTimer(handler, ms, ...args);
    if (ms === 10_000) (timer as unknown as NodeJS.Timeout).unref();
    return timer;
  }) as typeof setTimeout;
}
