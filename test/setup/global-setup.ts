// Makes the run's two base SQLite files once: migrated, and migrated and seeded with the 38 units of
// 附件3. Each test copies one (faster than migrating or seeding per test, simpler than cleaning up).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { resolveSqliteUrl } from "../../src/store/database-url.ts";
import { migrateStore } from "../../src/store/migrations.ts";
import { openStore } from "../../src/store/open-store.ts";
import { readCampaignSeed, seedCampaign } from "../../src/store/seed-repository.ts";

export const CAMPAIGN_YEAR = 2027;
/** June 1 2027, 10:00 in Shanghai. */
export const SEED_TIME = new Date("2027-06-01T10:00:00+08:00");

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-base-"));
  const migrated = resolveSqliteUrl(`file:${path.join(dir, "base.db")}`);
  await migrateStore(migrated);
  const seededFile = path.join(dir, "seeded.db");
  fs.copyFileSync(migrated.filePath, seededFile);
  const store = await openStore(`file:${seededFile}`);
  await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
  await store.close();
  // NOTE: everything into the main file, so that copying that file alone copies the whole store.
  const db = new Database(seededFile);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  project.provide("baseDatabasePath", migrated.filePath);
  project.provide("seededDatabasePath", seededFile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Migrated, empty. */
    baseDatabasePath: string;
    /** Migrated and seeded for CAMPAIGN_YEAR as of SEED_TIME. */
    seededDatabasePath: string;
  }
}
