// `npm start` as a process: credentials checked, HTTP served, SIGTERM handled.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { startScript, waitFor } from "./helpers/script-process.ts";

let slack: SlackStandin;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-main-"));
beforeAll(async () => {
  // NOTE: the bot finds the run's migrated and seeded base (cli.test.ts covers a new store).
  fs.copyFileSync(inject("seededDatabasePath"), path.join(dir, "bot.db"));
  slack = await startSlackStandin({ botToken: "xoxb-main-test" });
});
afterAll(async () => {
  await slack.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startMain(env: Record<string, string>) {
  return startScript("src/main.ts", [], { DATABASE_URL: `file:${path.join(dir, "bot.db")}`, ...env });
}

describe("npm start", () => {
  it("names the missing credentials in Chinese and English and exits 1", async () => {
    const run = startMain({});
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain("缺少 Slack 凭据：SLACK_BOT_TOKEN、SLACK_SIGNING_SECRET");
    expect(run.err()).toContain("Missing Slack credentials");
    expect(run.err()).toContain("npm run sandbox");
  });

  it("serves /healthz over HTTP on the HOST it is given, and stops cleanly on SIGTERM", async () => {
    const run = startMain({
      HOST: "127.0.0.1",
      SLACK_BOT_TOKEN: "xoxb-main-test",
      SLACK_SIGNING_SECRET: "mainsigningsecret00000000",
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      QUIET_HOURS: "off",
      CAMPAIGN_YEAR: "2027",
    });
    await waitFor(() => /slack\/events/.test(run.out()));
    expect(run.out()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/slack\/events/);
    const port = /:(\d+)\/slack\/events/.exec(run.out())![1];
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ store: { state: "writable" }, version: "0.1.0" });
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain("SIGTERM");
  });
});
