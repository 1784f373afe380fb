// Applies committed migrations with `prisma migrate deploy`: never a reset, never db push. Each
// kind of database has its own (prisma/migrations, prisma/postgresql/migrations; decision 012).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import type { SqliteLocation } from "./database-url.ts";
import { PRISMA_FILES, type DatabaseKind } from "./database-kind.ts";
import { inheritedEnvironment } from "../config/environment.ts";
import { setupTexts } from "../messages/setup-messages.ts";
import { projectRoot } from "../lib/project-root.ts";

const run = promisify(execFile);
const PROJECT_ROOT = projectRoot();

export function listMigrations(kind: DatabaseKind = "sqlite"): string[] {
  const dir = path.join(PROJECT_ROOT, ...PRISMA_FILES[kind].migrations.split("/"));
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

const APPLIED = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

/** Names of the migrations the file says are applied; empty for a new file. */
export function appliedMigrations(location: SqliteLocation): string[] {
  if (!fs.existsSync(location.filePath)) return [];
  const db = new Database(location.filePath, { readonly: true, timeout: 10_000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return [];
    const rows = db.prepare(APPLIED).all() as { migration_name: string }[];
    return rows.map((r) => r.migration_name);
  } finally {
    db.close();
  }
}

/** The same for a PostgreSQL database; empty for a new one. */
export async function appliedPostgresMigrations(url: string): Promise<string[]> {
  // NOTE: pg is loaded here, not for every store: SQLite processes never need it.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    if (!rows[0]?.exists) return [];
    return (await client.query<{ migration_name: string }>(APPLIED)).rows.map((r) => r.migration_name);
  } finally {
    await client.end();
  }
}

/**
 * How node runs the project's Prisma CLI with `args` for the database at `databaseUrl` (the URL
 * picks the schema in prisma.config.ts). NOTE: --liftoff-only: the CLI loads megabytes of
 * WebAssembly (its schema engine) and is done within seconds, before V8's optimizing tier, which
 * compiled it in the background, paid off: about half a second of CPU less per `migrate deploy`.
 * CHECKPOINT_DISABLE: no update check, which started a process of its own to ask the internet.
 */
export function prismaCliRun(args: readonly string[], databaseUrl: string) {
  const cli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
  return {
    file: process.execPath,
    args: ["--liftoff-only", cli, ...args, "--config", path.join(PROJECT_ROOT, "prisma.config.ts")],
    options: { cwd: PROJECT_ROOT, env: inheritedEnvironment({ DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" }) },
  };
}

async function deploy(url: string): Promise<void> {
  const cli = prismaCliRun(["migrate", "deploy"], url);
  try {
    await run(cli.file, cli.args, cli.options);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(setupTexts.migrationFailed(`${e.stdout ?? ""}${e.stderr ?? e.message}`));
  }
}

/** Brings the store up to date. Fast when nothing is pending (no CLI started). */
export async function migrateStore(location: SqliteLocation): Promise<{ applied: string[] }> {
  const applied = new Set(appliedMigrations(location));
  const pending = listMigrations("sqlite").filter((m) => !applied.has(m));
  if (pending.length === 0) return { applied: [] };
  await deploy(location.url);
  enableWal(location);
  return { applied: pending };
}

/**
 * The same on PostgreSQL. NOTE: instances that start together may both find work pending; the
 * CLI takes PostgreSQL's advisory lock, and the second finds nothing left to apply.
 */
export async function migratePostgres(url: string): Promise<{ applied: string[] }> {
  const applied = new Set(await appliedPostgresMigrations(url));
  const pending = listMigrations("postgresql").filter((m) => !applied.has(m));
  if (pending.length === 0) return { applied: [] };
  await deploy(url);
  return { applied: pending };
}

/** WAL lets the bot and a CLI share the file: readers never wait for a writer. */
export function enableWal(location: SqliteLocation): void {
  const db = new Database(location.filePath, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
