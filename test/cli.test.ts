// The CLIs as a coordinator runs them: real processes on a real SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/script-process.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the CLIs on a new store", () => {
  const env = { DATABASE_URL: `file:${path.join(dir, "nested", "folder", "shutdown.db")}`, CAMPAIGN_YEAR: "2027" };

  it("export migrates, seeds and prints 269 items for 38 units; seed again changes nothing", async () => {
    const first = await runCli("export", ["--format", "json"], env);
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.stdout);
    expect(rows).toHaveLength(269);
    expect(new Set(rows.map((r: { unit_key: string }) => r.unit_key)).size).toBe(38);
    expect(rows[0].due_at).toBe("2027-06-20T23:59:59+08:00");

    const seed = await runCli("seed", [], env);
    expect(seed.code).toBe(0);
    expect(seed.stderr).toContain("nothing added");
    expect((await runCli("export", ["--format", "json"], env)).stdout).toBe(first.stdout);
  });

  it("prints CSV with the documented columns by default", async () => {
    const { stdout } = await runCli("export", [], env);
    expect(stdout.split("\r\n")[0]).toBe(
      "\uFEFFunit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence",
    );
  });

  it("writes a note that looks like a formula as text", async () => {
    const db = new Database(env.DATABASE_URL.slice("file:".length));
    db.prepare("UPDATE ChecklistItem SET state = 'blocked', note = ? WHERE key = 'jtda/site'").run("@SUM(1+1)*cmd|' /C calc'!A0");
    db.prepare("UPDATE ChecklistItem SET state = 'blocked', note = ? WHERE key = 'jtda/icp'").run("+cmd|' /C calc'!A0");
    db.close();
    const { stdout } = await runCli("export", [], env);
    const lines = stdout.split("\r\n");
    expect(lines.find((l) => l.startsWith("档案局,jtda,site,"))).toContain(",'@SUM(1+1)*cmd|' /C calc'!A0,");
    expect(lines.find((l) => l.startsWith("档案局,jtda,icp,"))).toContain(",'+cmd|' /C calc'!A0,");
    expect(stdout).not.toMatch(/(^|,)"?[=+\-@]/m);
  });

  it("exits 1 listing every configuration problem at once", async () => {
    const result = await runCli("export", [], { ...env, PORT: "x", REMINDER_CRON: "never", COORDINATOR_USER_IDS: "bob" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("REMINDER_CRON");
    expect(result.stderr).toContain("COORDINATOR_USER_IDS");
    expect(result.stdout).toBe("");
  });

  it("refuses an option it does not know in Chinese, naming it, exit 2, writing nothing", async () => {
    const result = await runCli("export", ["--bogus"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不认识的选项 --bogus。");
    expect(result.stderr).toContain("Command-line tools (for coordinators)");
    expect(result.stderr).not.toContain("Unknown option");
    expect(result.stdout).toBe("");
  });

  it("refuses a DATABASE_URL that is neither SQLite nor PostgreSQL, naming the two", async () => {
    const result = await runCli("export", [], { DATABASE_URL: "mysql://u:p@localhost/db" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("neither SQLite (file:./data/shutdown.db) nor PostgreSQL");
    expect(result.stdout).toBe("");
  });
});
