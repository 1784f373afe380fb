// A reminder pass cut short: the process killed outright, or asked to stop. Every reminder
// reaches Slack, none twice; what a dead process may have sent is looked for before sending again.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shanghaiDay } from "../src/domain/model/calendar.ts";
import { NEVER_QUIET } from "../src/domain/quiet-hours.ts";
import { runReminderPass } from "../src/schedule/reminder-pass.ts";
import { escalationKey, reminderKey } from "../src/domain/reminder-planner.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type RecordedCall, type SlackStandin } from "../tools/slack-standin/index.ts";
import { readCampaignSeed, seedCampaign } from "../src/store/seed-repository.ts";
import { holdClaim, newClaimOwner } from "../src/schedule/claim-owner.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, outgoingDeps, postedKeys } from "./helpers/outgoing-fixture.ts";
import { startScript, waitFor, type ScriptProcess } from "./helpers/script-process.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

const TOKEN = "xoxb-pass-test";
const CONTACTS = ["U0P1", "U0P2", "U0P3", "U0P4", "U0P5", "U0P6"];
const UNITS = ["jtda", "jtsf", "jtupo", "jtga", "jtfzb", "jtez"];

let standin: SlackStandin;
let store: TestStore;
beforeAll(async () => {
  standin = await startSlackStandin({ botToken: TOKEN, channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(() => {
  standin.reset();
  for (const id of CONTACTS) standin.addUser({ id, name: id.toLowerCase() });
});
afterEach(async () => {
  await store.cleanup();
});

async function campaign(year?: number): Promise<void> {
  store = await createTestStore({ seed: year === undefined });
  if (year !== undefined) await seedCampaign(store.db, readCampaignSeed(), { year, now: new Date() });
  for (const [i, id] of CONTACTS.entries()) await addContact(store.db, UNITS[i]!, { name: `联系人${i + 1}`, slackUserId: id });
}

const keyOf = (c: RecordedCall) => (c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
/** Keys of the reminders and escalations in Slack, one entry per message. */
const passKeys = () =>
  postedKeys(standin, [COORD_CHANNEL, ...CONTACTS.map((id) => standin.dmChannelOf(id))]).filter((k) => /^(reminder|escalation):/.test(k));
const plannedKeys = (day: string) => [escalationKey(day), ...CONTACTS.map((id) => reminderKey(day, id))].sort();
const rows = () => store.db.delivery.findMany({ where: { kind: { in: ["reminder", "escalation"] } }, orderBy: { key: "asc" } });

/**
 * Runs `then` once Slack has stored the n-th keyed chat.postMessage, and holds the answer back
 * until it is done: whatever `then` waits for happens before the sender hears of that message.
 */
function onNthPost(n: number, then: () => Promise<unknown>): void {
  let seen = 0;
  const stop = standin.beforeAnswer(async (c) => {
    if (c.method !== "chat.postMessage" || !/^(reminder|escalation):/.test(keyOf(c) ?? "") || ++seen !== n) return;
    stop();
    await then();
  });
}

describe("npm run remind killed (SIGKILL) in the middle of a pass", () => {
  const NOW = "2027-06-20T09:00:00+08:00";
  const remind = (): ScriptProcess =>
    startScript("scripts/remind.ts", ["--now", NOW], {
      DATABASE_URL: store.databaseUrl,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: standin.apiUrl,
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      CAMPAIGN_YEAR: "2027",
    });

  it("then restarted: every reminder delivered, none twice; the one in flight is found by its key", async () => {
    await campaign();
    const planned = plannedKeys("2027-06-20");
    const first = remind();
    // Killed the moment Slack has stored the third message, before the process can record it.
    onNthPost(3, () => {
      first.child.kill("SIGKILL");
      return first.exited;
    });
    expect(await first.exited).toBeNull();
    expect(passKeys()).toHaveLength(3);
    const inFlight = (await rows()).filter((r) => r.status === "sending");
    expect(inFlight).toHaveLength(1);
    expect(passKeys()).toContain(inFlight[0]!.key);

    // The same day, at once: the dead process's claim is taken over (its pid is gone), the
    // message in flight found in Slack by its key and recorded, nothing posted twice.
    const posts = standin.callsTo("chat.postMessage").length;
    const restarted = remind();
    expect(await restarted.exited, restarted.err()).toBe(0);
    expect(passKeys()).toEqual(planned);
    expect(standin.callsTo("chat.postMessage")).toHaveLength(posts + planned.length - 3);
    expect(standin.callsTo("conversations.history").length).toBeGreaterThan(0);
    const recorded = await rows();
    expect(recorded.map((r) => [r.key, r.status])).toEqual(planned.map((k) => [k, "sent"]));
    const found = recorded.find((r) => r.key === inFlight[0]!.key)!;
    expect(standin.messages(found.channel!).map((m) => m.ts)).toContain(found.ts);
  });
});

describe("a pass meeting claims another process holds", () => {
  const NOW = new Date("2027-06-20T09:00:00+08:00");
  const shortLease = { retryBudgetMs: 5_000, maxAttempts: 3, backoffMs: 20, perSecond: 1_000, burst: 1_000, leaseMs: 1_500, claimPollMs: 100 };
  const claim = (key: string, claimedBy: string) =>
    store.db.delivery.create({
      data: { key, kind: "reminder", target: key.split(":")[2]!, status: "sending", payload: "{}", claimedBy, claimedAt: new Date(), createdAt: new Date() },
    });

  it("waits for a live holder that gives the claim back, then sends it itself", async () => {
    await campaign();
    const key = reminderKey("2027-06-20", CONTACTS[0]!);
    const holder = newClaimOwner();
    const letGo = holdClaim(holder, key);
    await claim(key, holder);
    const pass = runReminderPass(outgoingDeps(store, standin, { delivery: shortLease }), NOW);
    await waitFor(() => passKeys().length === plannedKeys("2027-06-20").length - 1);
    await store.db.delivery.update({ where: { key }, data: { status: "pending" } });
    letGo();
    const report = await pass;
    expect(report.results.find((r) => r.key === key)?.outcome).toBe("sent");
    expect(passKeys()).toEqual(plannedKeys("2027-06-20"));
  });

  it("takes over a claim of a process on another machine once its lease runs out, looking in Slack first", async () => {
    await campaign();
    const key = reminderKey("2027-06-20", CONTACTS[1]!);
    await claim(key, "host=elsewhere machine=0a1b2c3d.4026531836 pid=4242 start=1234 claim=deadbeef");
    const report = await runReminderPass(outgoingDeps(store, standin, { delivery: shortLease }), NOW);
    expect(report.results.find((r) => r.key === key)?.outcome).toBe("sent");
    expect(passKeys()).toEqual(plannedKeys("2027-06-20"));
    expect(standin.callsTo("conversations.history").length).toBeGreaterThan(0);
    expect(await store.db.delivery.findUnique({ where: { key } })).toMatchObject({ status: "sent" });
  });
});

describe("npm run remind stopped (SIGTERM) in the middle of a pass", () => {
  it("finishes the message in hand, leaves the rest pending and says so; nothing stays claimed", async () => {
    await campaign();
    const run = startScript("scripts/remind.ts", ["--now", "2027-06-20T09:00:00+08:00"], {
      DATABASE_URL: store.databaseUrl,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: standin.apiUrl,
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      CAMPAIGN_YEAR: "2027",
    });
    // Asked to stop while the second message is in hand: answered once the process has taken the signal.
    onNthPost(2, () => {
      run.child.kill("SIGTERM");
      return waitFor(() => run.err().includes("收到 SIGTERM"));
    });
    expect(await run.exited, run.err()).toBe(1);
    expect(run.err()).toContain("收到 SIGTERM");
    expect(run.err()).toMatch(/未能发送 \d+ 条（保留待发/);
    const recorded = await rows();
    expect(recorded.filter((r) => r.status === "sending")).toEqual([]);
    expect(recorded.filter((r) => r.status === "sent").map((r) => r.key)).toEqual(passKeys());
    expect(passKeys()).toHaveLength(2);
    expect(passKeys().length).toBeLessThan(plannedKeys("2027-06-20").length);
  });
});

describe("the bot stopped (SIGTERM) in the middle of its reminder pass", () => {
  // The bot's scheduler runs the day's pass at start (a missed 00:00 run, no quiet hours), on the
  // real clock: a campaign of last year has every unit overdue today.
  const lastYear = new Date().getUTCFullYear() - 1;
  const bot = (): ScriptProcess =>
    startScript("src/main.ts", [], {
      DATABASE_URL: store.databaseUrl,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: "passsigningsecret000000000",
      SLACK_API_URL: standin.apiUrl,
      PORT: "0",
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      CAMPAIGN_YEAR: String(lastYear),
      QUIET_HOURS: "off",
      REMINDER_CRON: "0 0 * * *",
      DIGEST_CRON: "0 0 1 1 *",
      LOG_LEVEL: "warn",
    });

  it("finishes the message in hand, leaves the rest pending, exits 0; the next pass sends the rest once", async () => {
    await campaign(lastYear);
    const first = bot();
    // Stopped while the fifth is in hand, with two to go: answered once the bot has begun to stop.
    onNthPost(5, () => {
      first.child.kill("SIGTERM");
      return waitFor(() => first.out().includes("SIGTERM"));
    });
    expect(await first.exited, first.err()).toBe(0);
    const planned = plannedKeys(shanghaiDay(new Date()));
    const sentFirst = passKeys();
    expect(sentFirst).toHaveLength(5);
    expect(sentFirst.length).toBeLessThan(planned.length);
    const recorded = await rows();
    expect(recorded.filter((r) => r.status === "sending"), "no claim left behind").toEqual([]);
    expect(recorded.filter((r) => r.status === "sent").map((r) => r.key)).toEqual(sentFirst);

    const deps = outgoingDeps(store, standin);
    const next = await runReminderPass({ ...deps, config: { ...deps.config, QUIET_HOURS: NEVER_QUIET } }, new Date());
    expect(next.results.filter((r) => r.outcome === "sent")).toHaveLength(planned.length - sentFirst.length);
    expect(passKeys()).toEqual(planned);
    expect((await rows()).map((r) => r.status)).toEqual(planned.map(() => "sent"));
  });
});
