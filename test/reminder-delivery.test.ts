// Reminder passes against the Slack stand-in: each reminder exactly once, whatever fails or races.
import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDeliveryClient, postKeyedMessage } from "../src/slack/slack-sender.ts";
import { runReminderPass } from "../src/schedule/reminder-pass.ts";
import { sendFollowUps } from "../src/schedule/follow-ups.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { openStore } from "../src/store/open-store.ts";
import { addContact, finishUnit } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps, postedKeys } from "./helpers/outgoing-fixture.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { quietLogger } from "./slack-standin/standin-fixture.ts";

let standin: SlackStandin;
let store: TestStore;
const JUNE_20 = new Date("2027-06-20T09:00:00+08:00");
const JUNE_21 = new Date("2027-06-21T09:00:00+08:00");
const EXPECTED_KEYS_20 = ["escalation:2027-06-20", "reminder:2027-06-20:U0LI", "reminder:2027-06-20:U0WANG"];

beforeAll(async () => {
  standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }], rateClockMs: TEST_POSTING.now });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(async () => {
  standin.reset();
  standin.addUser({ id: "U0WANG", name: "wangfang" });
  standin.addUser({ id: "U0LI", name: "liming" });
  store = await createTestStore();
  await addContact(store.db, "jtda", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(store.db, "jtsf", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  // Their providers are known, so no 是否区电信接入？ question comes before the reminders these tests count.
  await store.db.unit.updateMany({ where: { key: { in: ["jtda", "jtsf"] } }, data: { localTelecom: false } });
});
afterEach(async () => {
  await store.cleanup();
});

const everywhere = () => [COORD_CHANNEL, standin.dmChannelOf("U0WANG"), standin.dmChannelOf("U0LI")];
const posts = () => standin.callsTo("chat.postMessage").length;
const rows = () => store.db.delivery.findMany({ orderBy: { key: "asc" } });

describe("a reminder pass", () => {
  it("sends one DM per contact and one escalation, records Slack's answer, and sends nothing the second time", async () => {
    const deps = outgoingDeps(store, standin);
    const first = await runReminderPass(deps, JUNE_20);
    expect(first.results.map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
    expect(standin.dmMessages("U0WANG")).toHaveLength(1);
    expect(standin.dmMessages("U0WANG")[0]?.text).toContain("档案局");

    const recorded = await rows();
    expect(recorded.map((r) => [r.key, r.status, r.attempts])).toEqual(EXPECTED_KEYS_20.map((k) => [k, "sent", 1]));
    const wang = recorded.find((r) => r.key.endsWith("U0WANG"));
    expect(wang?.channel).toBe(standin.dmChannelOf("U0WANG"));
    expect(wang?.ts).toBe(standin.dmMessages("U0WANG")[0]?.ts);

    const calls = posts();
    const second = await runReminderPass(deps, new Date("2027-06-20T15:00:00+08:00"));
    expect(second.results.map((r) => r.outcome)).toEqual(["already-sent", "already-sent", "already-sent"]);
    expect(posts()).toBe(calls);
    // A restart is a new store connection: still nothing new.
    const reopened = await openStore(store.databaseUrl);
    await runReminderPass(outgoingDeps(reopened, standin), JUNE_20);
    await reopened.close();
    expect(posts()).toBe(calls);
  });

  it("waits out a 429's Retry-After and then sends the message once", async () => {
    standin.failNext("chat.postMessage", { kind: "ratelimited", retryAfterSeconds: 1 }, 1);
    const report = await runReminderPass(outgoingDeps(store, standin), JUNE_20);
    expect(report.results.every((r) => r.outcome === "sent")).toBe(true);
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
    const calls = standin.callsTo("chat.postMessage");
    expect(calls.map((c) => c.status)).toEqual([429, 200, 200, 200]);
    expect(calls[1]!.at.getTime() - calls[0]!.at.getTime()).toBeGreaterThanOrEqual(950);
  });

  it("leaves a send that fails with 5xx three times pending, and delivers it at the next pass", async () => {
    standin.failNext("chat.postMessage", { kind: "http", status: 500 }, 3);
    const deps = outgoingDeps(store, standin);
    const first = await runReminderPass(deps, JUNE_20);
    expect(first.results.map((r) => r.outcome)).toEqual(["failed", "sent", "sent"]);
    const failed = (await rows()).filter((r) => r.status === "pending");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 3, lastError: "http_500" });
    expect(postedKeys(standin, everywhere())).toHaveLength(2);

    const second = await runReminderPass(deps, new Date("2027-06-20T10:00:00+08:00"));
    expect(second.results.filter((r) => r.outcome === "sent").map((r) => r.key)).toEqual([failed[0]!.key]);
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
    expect((await rows()).every((r) => r.status === "sent")).toBe(true);
  });

  it("gives up within its time budget on a send that keeps failing, instead of hanging", async () => {
    standin.failNext("chat.postMessage", { kind: "http", status: 503 }, 1000);
    const deps = outgoingDeps(store, standin, {
      delivery: { retryBudgetMs: 300, maxAttempts: 100, backoffMs: 50, perSecond: 1_000, burst: 1_000 },
    });
    const report = await runReminderPass(deps, JUNE_20);
    expect(report.results.map((r) => r.outcome)).toEqual(["failed", "failed", "failed"]);
    expect((await rows()).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    // NOTE: the budget ended each send, not the hundred attempts it could make (backing off
    // 50, 100, 200 ms, a 300 ms budget allows three at most), whatever the machine's pace.
    for (const row of await rows()) expect(row.attempts).toBeLessThanOrEqual(3);
  });

  it("sends every reminder exactly once when two processes run the same pass at the same moment", async () => {
    const other = await openStore(store.databaseUrl);
    try {
      const [a, b] = await Promise.all([
        runReminderPass(outgoingDeps(store, standin), JUNE_20),
        runReminderPass(outgoingDeps(other, standin), JUNE_20),
      ]);
      expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
      const sentBy = [...a.results, ...b.results].filter((r) => r.outcome === "sent").map((r) => r.key).sort();
      expect(sentBy).toEqual(EXPECTED_KEYS_20);
    } finally {
      await other.close();
    }
  });

  it("finds a message whose send was never recorded (the process died) instead of sending it again", async () => {
    const deps = outgoingDeps(store, standin);
    const key = "reminder:2027-06-20:U0LI";
    const earlier = await postKeyedMessage(deps.client, "U0LI", { text: "早先发出的提醒", blocks: [] }, key);
    const longAgo = new Date(Date.now() - 30 * 60_000);
    await store.db.delivery.create({
      data: { key, kind: "reminder", target: "U0LI", status: "sending", payload: "{}", claimedBy: "dead", claimedAt: new Date(Date.now() - 20 * 60_000), createdAt: longAgo },
    });
    await runReminderPass(deps, JUNE_20);
    expect(standin.dmMessages("U0LI").map((m) => m.text)).toEqual(["早先发出的提醒"]);
    expect(await store.db.delivery.findUnique({ where: { key } })).toMatchObject({ status: "sent", ts: earlier.ts });
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
  });

  it("sends nothing in quiet hours and writes nothing", async () => {
    const report = await runReminderPass(outgoingDeps(store, standin), new Date("2027-06-20T22:30:00+08:00"));
    expect(report.quiet).toBe(true);
    expect(report.messages).toHaveLength(3);
    expect(posts()).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it("never sends yesterday's unsent reminder late, and stops reminding a unit that finished", async () => {
    standin.failNext("chat.postMessage", { kind: "error", error: "internal_error" }, 9);
    await runReminderPass(outgoingDeps(store, standin), JUNE_20);
    expect((await rows()).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);

    await finishUnit(store.db, "jtda", { actor: "U0WANG", at: new Date("2027-06-20T20:00:00+08:00") });
    await runReminderPass(outgoingDeps(store, standin), JUNE_21);
    const byKey = Object.fromEntries((await rows()).map((r) => [r.key, r.status]));
    expect(byKey).toMatchObject({
      "reminder:2027-06-20:U0WANG": "expired",
      "reminder:2027-06-21:U0WANG": "sent",
      "escalation:2027-06-21": "sent",
    });
    const wang = standin.dmMessages("U0WANG");
    expect(wang).toHaveLength(1);
    expect(wang[0]?.text).not.toContain("档案局");
    expect(wang[0]?.text).toContain("区司法局");
  });

  it("needs nothing from Slack or the store for a dry run", async () => {
    const report = await runReminderPass(outgoingDeps(store, standin), JUNE_20, { dryRun: true });
    expect(report.messages.map((m) => m.key).sort()).toEqual(EXPECTED_KEYS_20);
    expect(standin.calls).toHaveLength(0);
    expect(await rows()).toEqual([]);
  });
});

describe("Slack answering ok:false", () => {
  it.each(["internal_error", "fatal_error", "request_timeout", "service_unavailable"])(
    "after the post was made (%s): looks in the history before sending again, and each DM arrives once",
    async (error) => {
      standin.failNext("chat.postMessage", { kind: "lost", error }, 6);
      const first = await runReminderPass(outgoingDeps(store, standin), JUNE_20);
      expect(first.results.map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
      expect(standin.dmMessages("U0WANG"), "one DM, not one per answer lost").toHaveLength(1);
      expect(standin.dmMessages("U0LI")).toHaveLength(1);
      expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
      expect(standin.callsTo("conversations.history").length).toBeGreaterThanOrEqual(3);
      const recorded = await rows();
      expect(recorded.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
      for (const r of recorded) expect(r.ts).toBe(standin.messages(r.channel!).find((m) => m.metadata?.event_payload.key === r.key)?.ts);
    },
  );

  it.each(["invalid_blocks", "msg_blocks_too_long", "msg_too_long", "invalid_arguments", "not_in_channel", "channel_not_found"])(
    "that cannot change (%s): one attempt, logged at error with the key, never retried at a later pass",
    async (error) => {
      const errors: string[] = [];
      const logger = { debug() {}, info() {}, warn() {}, error: (...m: unknown[]) => errors.push(m.join(" ")) };
      standin.failNext("chat.postMessage", { kind: "error", error }, 1);
      const first = await runReminderPass(outgoingDeps(store, standin, { logger }), JUNE_20);
      expect(first.results.map((r) => r.outcome)).toEqual(["undeliverable", "sent", "sent"]);
      const failed = first.results[0]!.key;
      expect(standin.callsTo("chat.postMessage")).toHaveLength(3);
      expect(errors.some((e) => e.includes(failed) && e.includes(error))).toBe(true);
      expect(await store.db.delivery.findUnique({ where: { key: failed } })).toMatchObject({ status: "failed", attempts: 1, lastError: error });

      const second = await runReminderPass(outgoingDeps(store, standin, { logger }), new Date("2027-06-20T15:00:00+08:00"));
      expect(second.results.map((r) => r.outcome)).toEqual(["undeliverable", "already-sent", "already-sent"]);
      expect(standin.callsTo("chat.postMessage")).toHaveLength(3);
    },
  );
});

/** A local URL where nothing listens: every call is refused. */
async function refusingApiUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}

describe("Slack failing for a whole pass", () => {
  const LATER = new Date("2027-06-20T10:00:00+08:00");

  it.each([
    ["connection refused", "refused"],
    ["HTTP 500 from every method", "500"],
    ["ok:false from every method", "ok:false"],
  ])("loses nothing (%s): the next pass delivers every message once", async (_name, mode) => {
    const broken =
      mode === "refused"
        ? outgoingDeps(store, standin, { client: createDeliveryClient(standin.botToken, await refusingApiUrl(), { logger: quietLogger, timeoutMs: 2_000 }) })
        : outgoingDeps(store, standin);
    if (mode === "500") standin.failNext("*", { kind: "http", status: 500 }, 1_000);
    if (mode === "ok:false") standin.failNext("*", { kind: "error", error: "internal_error" }, 1_000);
    const first = await runReminderPass(broken, JUNE_20);
    expect(first.results.map((r) => r.outcome)).toEqual(["failed", "failed", "failed"]);
    expect((await rows()).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    expect(postedKeys(standin, everywhere())).toEqual([]);

    standin.reset(); // Slack is back.
    const second = await runReminderPass(outgoingDeps(store, standin), LATER);
    expect(second.results.map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("finds messages whose answers were lost at the next pass, by their key, and posts none again", async () => {
    const onePerPass = { delivery: { retryBudgetMs: 5_000, maxAttempts: 1, backoffMs: 20, perSecond: 1_000, burst: 1_000 } };
    standin.failNext("chat.postMessage", { kind: "lost" }, 3);
    const first = await runReminderPass(outgoingDeps(store, standin, onePerPass), JUNE_20);
    expect(first.results.map((r) => r.outcome)).toEqual(["failed", "failed", "failed"]);
    expect(postedKeys(standin, everywhere()), "Slack has them; the bot does not know").toEqual(EXPECTED_KEYS_20);
    const postsBefore = posts();

    const second = await runReminderPass(outgoingDeps(store, standin, onePerPass), LATER);
    expect(second.results.map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
    expect(posts(), "nothing posted twice").toBe(postsBefore);
    expect(standin.callsTo("conversations.history").length).toBeGreaterThanOrEqual(3);
    expect(postedKeys(standin, everywhere())).toEqual(EXPECTED_KEYS_20);
    const recorded = await rows();
    expect(recorded.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    for (const r of recorded) expect(r.ts).toBe(standin.messages(r.channel!).find((m) => m.metadata?.event_payload.key === r.key)?.ts);
  });
});

describe("a welcome or deadline notice that could not be sent when the change was made", () => {
  const welcome = [{ kind: "welcome" as const, userId: "U0WANG", unitKeys: ["jtda"] }];
  const welcomes = () => standin.dmMessages("U0WANG").filter((m) => String(m.metadata?.event_payload.key).startsWith("welcome:"));

  it("goes out with the next reminder pass, once", async () => {
    const deps = outgoingDeps(store, standin);
    standin.failNext("chat.postMessage", { kind: "error", error: "service_unavailable" }, 3);
    const first = await sendFollowUps(deps, welcome, JUNE_20);
    expect(first.map((r) => r.outcome)).toEqual(["failed"]);
    expect(welcomes()).toHaveLength(0);

    const pass = await runReminderPass(deps, new Date("2027-06-20T15:00:00+08:00"));
    expect(pass.followedUp.map((r) => [r.key.split(":")[0], r.outcome])).toEqual([["welcome", "sent"]]);
    expect(welcomes()).toHaveLength(1);
    expect(welcomes()[0]?.text).toContain("档案局");

    const again = await runReminderPass(deps, new Date("2027-06-21T09:00:00+08:00"));
    expect(again.followedUp).toEqual([]);
    expect(welcomes()).toHaveLength(1);
  });

  it("is expired, not sent, once it is more than two days old", async () => {
    standin.failNext("chat.postMessage", { kind: "error", error: "service_unavailable" }, 3);
    expect((await sendFollowUps(outgoingDeps(store, standin), welcome, JUNE_20)).map((r) => r.outcome)).toEqual(["failed"]);

    // The delivery log dates what it plans by the real clock: three real days later.
    const threeDaysOn = () => new Date(Date.now() + 3 * 86_400_000);
    const late = await runReminderPass(outgoingDeps(store, standin, { clock: threeDaysOn }), new Date("2027-06-23T09:00:00+08:00"));
    expect(late.followedUp).toEqual([]);
    expect(welcomes()).toHaveLength(0);
    expect((await rows()).find((r) => r.kind === "welcome")?.status).toBe("expired");
  });
});
