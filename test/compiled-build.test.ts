// The bot as `npm start` runs it: src/ compiled by tsconfig.build.json, run by node without tsx
// (decision 013). Built here into a folder of its own beside dist/ (same depth, so the paths the
// code finds from its own file resolve alike), started on a fresh store, stopped with SIGTERM.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { waitFor } from "./helpers/script-process.ts";
import { openStore } from "../src/store/open-store.ts";
import { bareEnvironment } from "../src/config/environment.ts";
import { createPostgresDatabase, describeWithPostgres } from "./helpers/postgres-database.ts";

const outDir = `dist-test-${process.pid}`;
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-compiled-"));
let slack: SlackStandin;

beforeAll(async () => {
  slack = await startSlackStandin({ botToken: "xoxb-compiled-test" });
  await promisify(execFile)(path.join("node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json", "--outDir", outDir]);
});
afterAll(async () => {
  await slack?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(storeDir, { recursive: true, force: true });
});

describe("the compiled bot", () => {
  it("is JavaScript that imports JavaScript: every relative import rewritten from .ts", () => {
    const main = fs.readFileSync(path.join(outDir, "main.js"), "utf8");
    expect(main).toMatch(/from "\.\/config\/load-config\.js"/);
    const stray = fs
      .readdirSync(outDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".js"))
      .filter((f) => /\bfrom\s+["']\.{1,2}\/[^"']+\.ts["']|import\(["']\.{1,2}\/[^"']+\.ts["']\)/.test(fs.readFileSync(path.join(outDir, f), "utf8")));
    expect(stray).toEqual([]);
  });

  it("migrates and seeds a fresh store, serves /healthz, and exits 0 on SIGTERM", async () => {
    const health = await startAndStop(`file:${path.join(storeDir, "bot.db")}`);
    expect(health).toMatchObject({ store: { state: "writable", file: path.join(storeDir, "bot.db") }, version: "0.1.0" });
  });
});

describeWithPostgres("the compiled bot on PostgreSQL", () => {
  it("migrates and seeds a new database, serves /healthz, and exits 0 on SIGTERM", async () => {
    const database = await createPostgresDatabase({ migrated: false });
    try {
      const health = await startAndStop(database.url);
      expect(health).toMatchObject({ store: { state: "writable", database: expect.stringContaining(":***@") }, version: "0.1.0" });
      const store = await openStore(database.url, { migrate: false });
      try {
        expect(await store.db.checklistItem.count()).toBe(269);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });
});

/** Starts the compiled bot on `databaseUrl`, reads /healthz, stops it with SIGTERM (exit 0). */
async function startAndStop(databaseUrl: string): Promise<unknown> {
  const child = spawn(process.execPath, ["--enable-source-maps", path.join(outDir, "main.js")], {
    env: bareEnvironment({
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-compiled-test",
      SLACK_SIGNING_SECRET: "compiledsigningsecret000",
      SLACK_API_URL: slack.apiUrl,
      QUIET_HOURS: "off",
      CAMPAIGN_YEAR: "2027",
      // NOTE: no probe leaves loopback.
      VERIFY: "off",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitFor(() => /:(\d+)\/slack\/events/.test(out) || child.exitCode !== null, 60_000);
  const port = /:(\d+)\/slack\/events/.exec(out)?.[1];
  expect(port, out).toBeDefined();
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
  const body = await health.json();
  child.kill("SIGTERM");
  expect(await exited, out).toBe(0);
  return body;
}
