// npm run backup [-- <file>]: a consistent copy of the SQLite store, made while the bot runs,
// with SQLite's online backup (better-sqlite3's backup()): the bot keeps reading and writing.
// Default file: backups/shutdown-<UTC time>.db next to the store. Checks the copy before it says so.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config/load-config.ts";
import { databaseKind, redactDatabaseUrl } from "../src/store/database-kind.ts";
import { resolveSqliteUrl } from "../src/store/database-url.ts";

const config = loadConfig();
if (databaseKind(config.DATABASE_URL) === "postgresql") {
  // NOTE: PostgreSQL has its own consistent online copy; README, Deployment, shows the commands.
  console.error(
    `backup: DATABASE_URL is PostgreSQL (${redactDatabaseUrl(config.DATABASE_URL)}): this command copies a SQLite file. ` +
      `Back PostgreSQL up with its own tool while the bot runs: pg_dump --format=custom --file=shutdown.dump "$DATABASE_URL" (restore: pg_restore --clean --dbname="$DATABASE_URL" shutdown.dump).`,
  );
  process.exit(1);
}
const source = resolveSqliteUrl(config.DATABASE_URL).filePath;
const stamp = new Date().toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(source), "backups", `shutdown-${stamp}.db`));

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(source)) fail(`no store at ${source} (DATABASE_URL): nothing to back up`);
if (target === source) fail("the backup cannot be the store itself");
if (fs.existsSync(target)) fail(`${target} exists already: name another file`);
fs.mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
try {
  // NOTE: all pages in one step, so in one read transaction: a write by the bot between two steps
  // would make SQLite start the copy over, and a busy bot could keep it from ever finishing.
  await db.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
} catch (error) {
  fs.rmSync(target, { force: true });
  fail(`copy failed: ${(error as Error).message}`);
} finally {
  db.close();
}

const copy = new Database(target, { fileMustExist: true });
try {
  // One self-contained file (the store's WAL mode would come with the copy): a restore is a copy.
  copy.pragma("journal_mode = DELETE");
  const integrity = copy.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") fail(`the copy ${target} failed its integrity check: ${String(integrity)}`);
  const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const size = (fs.statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(
    `backed up ${source} to ${target} (${size} MB; integrity ok; ${count("Unit")} units, ${count("ChecklistItem")} items, ${count("AuditEntry")} audit entries)`,
  );
} finally {
  copy.close();
}
