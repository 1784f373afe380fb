// The CLIs on PostgreSQL, as a coordinator runs them: real processes, a new database each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore } from "../src/store/open-store.ts";
import { createPostgresDatabase, describeWithPostgres, type PostgresDatabase } from "./helpers/postgres-database.ts";
import { runCli } from "./helpers/script-process.ts";



describeWithPostgres("the CLIs on a new PostgreSQL database", () => {
  let database: PostgresDatabase;
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-cli-pg-"));
  beforeAll(async () => {
    // Empty: not even migrated. The first CLI applies the migrations.
    database = await createPostgresDatabase({ migrated: false });
    env = { DATABASE_URL: database.url, CAMPAIGN_YEAR: "2027" };
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("export migrates, seeds and prints 269 items for 38 units; seed again changes nothing", async () => {
    const first = await runCli("export", ["--format", "json"], env);
    expect(first.code, first.stderr).toBe(0);
    const rows = JSON.parse(first.stdout);
    expect(rows).toHaveLength(269);
    expect(new Set(rows.map((r: { unit_key: string }) => r.unit_key)).size).toBe(38);
    expect(rows[0].due_at).toBe("2027-06-20T23:59:59+08:00");
    const seed = await runCli("seed", [], env);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stderr).toContain("nothing added");
    expect((await runCli("export", ["--format", "json"], env)).stdout).toBe(first.stdout);
  });

  it("exports the unit sheet and imports it back, changing nothing", async () => {
    const sheet = await runCli("units", ["export"], env);
    expect(sheet.code, sheet.stderr).toBe(0);
    const file = path.join(dir, "units.csv");
    fs.writeFileSync(file, sheet.stdout);
    const imported = await runCli("units", ["import", file], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await runCli("units", ["export"], env)).stdout).toBe(sheet.stdout);
  });

  it("plans a reminder pass and the digest without sending (dry run)", async () => {
    const remind = await runCli("remind", ["--now", "2027-06-20T09:00:00+08:00", "--dry-run"], env);
    expect(remind.code, remind.stderr).toBe(0);
    const digest = await runCli("digest", ["--now", "2027-06-20T17:00:00+08:00", "--dry-run"], { ...env, DIGEST_CHANNEL_ID: "C0COORD" });
    expect(digest.code, digest.stderr).toBe(0);
    const store = await openStore(database.url, { migrate: false });
    try {
      expect(await store.db.delivery.count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("backup says PostgreSQL is backed up with pg_dump, and copies nothing", async () => {
    const result = await runCli("backup", [path.join(dir, "copy.db")], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("pg_dump");
    expect(result.stderr).not.toContain(`:${new URL(database.url).password}@`);
    expect(fs.existsSync(path.join(dir, "copy.db"))).toBe(false);
  });
});
