// npm run remind / npm run digest as a coordinator runs them: real processes, real store, the stand-in.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { bareEnvironment } from "../src/config/environment.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-outgoing-cli-"));
const dbFile = path.join(dir, "shutdown.db");
let standin: SlackStandin;
beforeAll(async () => {
  // NOTE: the store these CLIs find is the run's migrated and seeded base (cli.test.ts covers a new one).
  fs.copyFileSync(inject("seededDatabasePath"), dbFile);
  standin = await startSlackStandin({ channels: [{ id: "C0COORD", name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
});
afterAll(async () => {
  await standin.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, nodeArgs(`scripts/${script}.ts`, ...args), {
      env: bareEnvironment({ TZ: "America/New_York", DATABASE_URL: `file:${dbFile}`, CAMPAIGN_YEAR: "2027", ...env }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function deliveries(): { key: string; status: string }[] {
  if (!fs.existsSync(dbFile)) return [];
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare("SELECT key, status FROM Delivery ORDER BY key").all() as { key: string; status: string }[];
  } finally {
    db.close();
  }
}

describe("npm run remind", () => {
  it("says in Chinese that sending needs a token, and suggests --dry-run", async () => {
    const result = await cli("remind", ["--now", "2027-06-21T09:00:00+08:00"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("需要 SLACK_BOT_TOKEN");
    expect(result.stderr).toContain("--dry-run");
  });

  it("prints what would be sent with --dry-run and writes nothing", async () => {
    const result = await cli("remind", ["--now", "2027-06-21T09:00:00+08:00", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("预演 2027-06-21：将发送 1 条消息");
    expect(result.stdout).toContain("逾期未完成的单位（38 个）");
    expect(result.stdout).toContain("（未设置 DIGEST_CHANNEL_ID）");
    expect(deliveries()).toEqual([]);
  });

  it("runs one pass as of --now through the stand-in, and a second run sends nothing", async () => {
    const env = { SLACK_BOT_TOKEN: standin.botToken, SLACK_API_URL: standin.apiUrl, DIGEST_CHANNEL_ID: "C0COORD" };
    const first = await cli("remind", ["--now", "2027-06-21T09:00"], env);
    expect(first.stderr).toContain("本次发送 1 条");
    expect(first.code).toBe(0);
    const second = await cli("remind", ["--now", "2027-06-21T11:00:00+08:00"], env);
    expect(second.stderr).toContain("本次发送 0 条，之前已发送 1 条");
    expect(standin.messages("C0COORD")).toHaveLength(1);
    expect(deliveries()).toEqual([{ key: "escalation:2027-06-21", status: "sent" }]);
  });

  it("rejects an unreadable --now", async () => {
    const result = await cli("remind", ["--now", "tomorrow", "--dry-run"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--now 看不懂「tomorrow」");
  });
});

describe("npm run digest", () => {
  it("prints the digest with --dry-run", async () => {
    const result = await cli("digest", ["--now", "2027-06-21T17:00:00+08:00", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("网站关停日报 · 6月21日 17:00");
    expect(result.stdout).toContain("38 个单位中 *0* 个已全部完成");
  });

  it("posts the day's digest once", async () => {
    const env = { SLACK_BOT_TOKEN: standin.botToken, SLACK_API_URL: standin.apiUrl, DIGEST_CHANNEL_ID: "C0COORD" };
    expect((await cli("digest", ["--now", "2027-06-21T17:00:00+08:00"], env)).stderr).toContain("2027-06-21 的日报已发送");
    expect((await cli("digest", ["--now", "2027-06-21T18:00:00+08:00"], env)).stderr).toContain("已经发送过");
    expect(standin.messages("C0COORD").filter((m) => m.metadata?.event_payload.key === "digest:2027-06-21")).toHaveLength(1);
  });
});
