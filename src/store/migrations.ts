// Applies committed migrations with `prisma migrate deploy`: never a reset, never db push.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import type { SqliteLocation } from "./database-url.ts";
import { inheritedEnvironment } from "../config/environment.ts";
import { setupTexts } from "../messages/setup-messages.ts";

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

export function listMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Names of the migrations the file says are applied; empty for a new file. */
export function appliedMigrations(location: SqliteLocation): string[] {
  if (!fs.existsSync(location.filePath)) return [];
  const db = new Database(location.filePath, { readonly: true, timeout: 10_000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'").get();
    if (!table) return [];
    const rows = db
      .prepare(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all() as { migration_name: string }[];
    return rows.map((r) => r.migration_name);
  } finally {
    db.close();
  }
}

/** Brings the store up to date. Fast when nothing is pending (no CLI started). */
export async function migrateStore(location: SqliteLocation): Promise<{ applied: string[] }> {
  const applied = new Set(appliedMigrations(location));
  const pending = listMigrations().filter((m) => !applied.has(m));
  if (pending.length === 0) return { applied: [] };
  const prismaCli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
  try {
    await run(process.execPath, [prismaCli, "migrate", "deploy", "--config", path.join(PROJECT_ROOT, "prisma.config.ts")], {
      cwd: PROJECT_ROOT,
      env: inheritedEnvironment({ DATABASE_URL: location.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(setupTexts.migrationFailed(`${e.stdout ?? ""}${e.stderr ?? e.message}`));
  }
  enableWal(location);
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
