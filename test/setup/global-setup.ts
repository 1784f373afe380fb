// Migrates one base SQLite file per run; each test copies it (faster than migrating or cleaning up).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { resolveSqliteUrl } from "../../src/store/database-url.ts";
import { migrateStore } from "../../src/store/migrations.ts";

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-base-"));
  const location = resolveSqliteUrl(`file:${path.join(dir, "base.db")}`);
  await migrateStore(location);
  project.provide("baseDatabasePath", location.filePath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabasePath: string;
  }
}
