// GET /healthz on the running bot: what it says while all is well, and when the store, the
// scheduler, the delivery log or the coordinators' channel is not.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BotHealth } from "../src/app/bot-health.ts";
import { startScheduler } from "../src/schedule/scheduler.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin } from "../tools/slack-standin/index.ts";
import { COORDINATOR, registerContact, startBotFixture, type BotFixture } from "./helpers/bot-fixture.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps, silentLogger } from "./helpers/outgoing-fixture.ts";
import { waitFor } from "./helpers/script-process.ts";
import { createTestStore } from "./helpers/test-store.ts";

let f: BotFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
  vi.restoreAllMocks();
});

async function health(fixture: BotFixture) {
  const res = await fetch(fixture.url.replace("/slack/events", "/healthz"));
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe("GET /healthz", () => {
  it("says all is well with a written store, the channel reachable and nothing overdue", async () => {
    f = await startBotFixture();
    const { status, body } = await health(f);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      version: "dev",
      store: { state: "writable", file: f.store.location!.filePath },
      scheduler: { enabled: false },
      deliveries: { overdue: 0, oldest: null },
      digestChannel: { id: "C0DIGEST", state: "member" },
      problems: [],
    });
    expect(await f.store.db.healthProbe.count()).toBe(1);
  });

  it("names messages left unsent longer than a day's retries take", async () => {
    f = await startBotFixture();
    await f.store.db.delivery.create({
      data: { key: "reminder:2027-06-10:U0LATE", kind: "reminder", target: "U0LATE", payload: "{}", lastError: "http_503", createdAt: new Date(Date.now() - 3 * 3_600_000) },
    });
    const { status, body } = await health(f);
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.deliveries).toMatchObject({ overdue: 1, oldest: { key: "reminder:2027-06-10:U0LATE", status: "pending", lastError: "http_503" } });
    expect(body.problems).toEqual([expect.stringContaining("reminder:2027-06-10:U0LATE")]);
  });

  it("says so in the log and in /healthz when the bot is not in the coordinators' channel", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    f = await startBotFixture({}, { beforeStart: (slack) => slack.failNext("conversations.history", { kind: "error", error: "not_in_channel" }) });
    await waitFor(() => logged.mock.calls.some((c) => c.join(" ").includes("机器人不在协调人频道 C0DIGEST 中")));
    const { status, body } = await health(f);
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.digestChannel).toMatchObject({ id: "C0DIGEST", state: "not_member", error: "not_in_channel" });
    expect(body.problems).toEqual(["coordinators' channel C0DIGEST: not_member (not_in_channel)"]);
  });

  it("answers 503 when the data folder is deleted under the running bot, and records nothing", async () => {
    f = await startBotFixture();
    await registerContact(f, "U0WANG", "王芳", ["jtda"]);
    fs.rmSync(f.store.dir, { recursive: true, force: true });
    const { status, body } = await health(f);
    expect(status).toBe(503);
    expect(body.store).toMatchObject({ state: "missing" });
    const reply = await f.finalReply(await f.slash("U0WANG", "done column"));
    expect(reply).toContain("数据文件已被删除或移走");
    expect(reply).not.toContain("已记录");
    expect((await f.slash(COORDINATOR, "status 档案局")).status).toBe(200);
  });
});

describe("the health report", () => {
  it("carries the scheduler's last run, how it ended and when it tries again", async () => {
    const standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }], rateClockMs: TEST_POSTING.now });
    const store = await createTestStore();
    const other = new Database(store.location!.filePath);
    other.exec("ALTER TABLE Delivery RENAME TO DeliveryAway");
    const deps = outgoingDeps(store, standin, { clock: () => new Date("2027-06-21T10:30:00+08:00"), retryDelaysMs: [60_000] });
    const scheduler = startScheduler(deps);
    try {
      const health = new BotHealth({ store, client: deps.client, config: deps.config, clock: deps.clock, logger: silentLogger, version: "t" });
      health.watchScheduler(scheduler);
      await waitFor(() => scheduler.status().reminders?.lastOutcome === "failed");
      const { status, body } = await health.report();
      expect(status).toBe(200);
      expect(body.scheduler.jobs.reminders).toMatchObject({ lastOutcome: "failed", running: false });
      expect(body.problems.some((p) => p.startsWith("reminders: last run failed") && p.includes("tries again at 2027-06-21T02:31:00.000Z"))).toBe(true);
    } finally {
      await scheduler.stop();
      other.exec("ALTER TABLE DeliveryAway RENAME TO Delivery");
      other.close();
      await store.cleanup();
      await standin.close();
    }
  });
});
