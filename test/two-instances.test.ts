// Two bot instances, each its own process as `npm start` runs it (scheduler on), on one PostgreSQL
// database: every scheduled message exactly once, a Slack retry that reaches the other instance
// applied once, no stale reads across instances, App Home refreshed once per change; and one
// instance killed (SIGKILL) in the middle of a pass, the other finishing it, nothing twice, nothing lost.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { escalationKey, reminderKey } from "../src/domain/reminder-planner.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { readCampaignSeed, seedCampaign } from "../src/store/seed-repository.ts";
import { DEFAULT_BOT_USER_ID, sendSlashCommand, startSlackStandin, type RecordedCall, type SlackStandin } from "../tools/slack-standin/index.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { createPostgresDatabase, describeWithPostgres, type PostgresDatabase } from "./helpers/postgres-database.ts";
import { startScript, waitFor, type ScriptProcess } from "./helpers/script-process.ts";
import { TEST_POSTING, postedKeys } from "./helpers/outgoing-fixture.ts";
import { CAMPAIGN_YEAR, SEED_TIME } from "./helpers/test-store.ts";

const TOKEN = "xoxb-two-instances";
const SECRET = "twoinstancessecret0123456789";
const COORD = "U0COORD";
const COORD_CHANNEL = "C0COORD";
const CONTACTS = ["U0P1", "U0P2", "U0P3", "U0P4", "U0P5", "U0P6"];
const UNITS = ["jtda", "jtsf", "jtupo", "jtga", "jtfzb", "jtez"];
/** After both the reminder slot (09:00) and the digest slot (17:00) of the day: each start catches both up. */
const NOW = "2027-06-20T17:30:00+08:00";
const DAY = "2027-06-20";

interface Instance {
  process: ScriptProcess;
  url: string;
  pid: number;
}

describeWithPostgres("two bot instances on one PostgreSQL", () => {
  let standin: SlackStandin;
  let database: PostgresDatabase;
  let store: Store;
  let instances: Instance[] = [];
  /** Every process started, from the moment it is spawned: a pass may begin before startBoth returns. */
  let spawned: ScriptProcess[] = [];
  /** Slack's clock runs with the instances' (NOW at their start): a look back in history finds what they posted. */
  let offset = 0;

  beforeAll(async () => {
    standin = await startSlackStandin({
      botToken: TOKEN,
      now: () => new Date(Date.now() + offset),
      rateClockMs: TEST_POSTING.now,
      channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }],
    });
  });
  afterAll(async () => {
    await standin.close();
  });
  /** Kills every instance started, and drops the campaign's database. */
  async function stopAll(): Promise<void> {
    for (const p of spawned) p.child.kill("SIGKILL");
    await Promise.all(spawned.map((p) => p.exited));
    instances = [];
    spawned = [];
    await store?.close();
    await database?.drop();
  }

  async function campaign(): Promise<void> {
    standin.reset();
    standin.addUser({ id: COORD, name: "coord" });
    for (const id of CONTACTS) standin.addUser({ id, name: id.toLowerCase() });
    database = await createPostgresDatabase();
    store = await openStore(database.url);
    await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
    for (const [i, id] of CONTACTS.entries()) await addContact(store.db, UNITS[i]!, { name: `联系人${i + 1}`, slackUserId: id });
    offset = new Date(NOW).getTime() - Date.now();
  }

  function start(): ScriptProcess {
    return startScript("test/helpers/bot-instance.ts", [NOW, "300"], {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: standin.apiUrl,
      HOST: "127.0.0.1",
      PORT: "0",
      QUIET_HOURS: "off",
      CAMPAIGN_YEAR: String(CAMPAIGN_YEAR),
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      COORDINATOR_USER_IDS: COORD,
      VERIFY: "off",
    });
  }

  async function startBoth(): Promise<Instance[]> {
    const started = [start(), start()];
    spawned.push(...started);
    instances = await Promise.all(
      started.map(async (p) => {
        await waitFor(() => /listening \d+/.test(p.out()), 60_000).catch(() => {
          throw new Error(`an instance did not start:\n${p.out()}\n${p.err()}`);
        });
        const port = /listening (\d+)/.exec(p.out())![1];
        return { process: p, url: `http://127.0.0.1:${port}/slack/events`, pid: p.child.pid! };
      }),
    );
    return instances;
  }

  const keyOf = (c: RecordedCall) => (c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
  /** Every message in Slack that carries a delivery key, one entry per message. */
  const keysInSlack = () =>
    postedKeys(standin, [COORD_CHANNEL, ...CONTACTS.map((id) => standin.dmChannelOf(id))]);
  const deliveries = () => store.db.delivery.findMany({ orderBy: { key: "asc" } });
  const finishedSlots = async () => (await store.db.scheduledRun.findMany({ orderBy: { job: "asc" } })).map((r) => r.job);
  const planned = [escalationKey(DAY), ...CONTACTS.map((id) => reminderKey(DAY, id))];

  /** Both instances have finished today's reminders and digest, or found them finished by the other. */
  async function bothDone(): Promise<void> {
    for (let tries = 0; ; tries++) {
      const slots = await finishedSlots();
      const rows = await deliveries();
      if (slots.join() === "digest,reminders" && rows.length > 0 && rows.every((r) => r.status === "sent")) return;
      if (tries > 600) throw new Error(`not done: ${slots.join()} ${rows.map((r) => `${r.key}=${r.status}`).join(" ")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function slash(instance: Instance, userId: string, text: string, opts: { triggerId?: string; retryNum?: number } = {}): Promise<string> {
    const responseUrl = standin.createResponseUrl();
    const res = await sendSlashCommand(
      instance.url,
      SECRET,
      { command: "/shutdown", text, user_id: userId, response_url: responseUrl.url, trigger_id: opts.triggerId ?? standin.newTriggerId() },
      { retryNum: opts.retryNum },
    );
    expect(res.status).toBe(200);
    const textOf = (body: unknown) => JSON.stringify({ text: (body as { text?: string }).text, blocks: (body as { blocks?: unknown }).blocks });
    const acked = textOf(res.body ?? {});
    if (!acked.includes("正在处理")) return acked;
    await waitFor(() => standin.responses(responseUrl.id).length > 0);
    return textOf(standin.responses(responseUrl.id)[0]!.body);
  }

  // NOTE: the first two tests share one start of the two instances (the first only reads what
  // their passes did; the second goes on from there), the third starts its own.
  describe("started together", () => {
    let a: Instance;
    let b: Instance;
    beforeAll(async () => {
      await campaign();
      [a, b] = (await startBoth()) as [Instance, Instance];
      await bothDone();
    });
    afterAll(stopAll);

    it("send every reminder, escalation and digest exactly once, each slot planned by one of them", async () => {
      const rows = await deliveries();
      expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(planned));
      expect(rows.some((r) => r.kind === "digest")).toBe(true);
      // Each delivery once in Slack, and no message posted that is not in the log.
      expect(keysInSlack()).toEqual(rows.map((r) => r.key).sort());
      expect(standin.callsTo("chat.postMessage").filter((c) => keyOf(c))).toHaveLength(rows.length);
      // Each slot's messages were all sent by the instance that ran the slot (the two slots may
      // have gone to different instances).
      const senderOf = (r: (typeof rows)[number]) => /pid=(\d+)/.exec(r.claimedBy ?? "")?.[1];
      const passes = { reminders: rows.filter((r) => r.kind !== "digest"), digest: rows.filter((r) => r.kind === "digest") };
      for (const [slot, sent] of Object.entries(passes)) {
        expect(sent.length, slot).toBeGreaterThan(0);
        expect(new Set(sent.map(senderOf)).size, `${slot}: ${sent.map((r) => `${r.key} by ${r.claimedBy}`).join(", ")}`).toBe(1);
      }
      expect(await store.db.scheduledRun.count()).toBe(2);
  });

    it("apply a Slack retry that reaches the other instance once, show each other's changes at once, and refresh App Home once per change", async () => {
      const contact = CONTACTS[0]!;
      const homesOf = (user: string) => standin.callsTo("views.publish").filter((c) => c.args.user_id === user).length;
      const statusBefore = await slash(b, contact, "status");
      const homesBefore = [homesOf(contact), homesOf(COORD)];

      const triggerId = standin.newTriggerId();
      const first = await slash(a, contact, "done column 栏目已上线", { triggerId });
      const retried = await slash(b, contact, "done column 栏目已上线", { triggerId, retryNum: 1 });
      expect(retried).toBe(first);
      const item = await store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/column" } });
      expect(item.state).toBe("done");
      expect(await store.db.auditEntry.count({ where: { itemId: item.id, field: "state" } })).toBe(1);

      // The next command on the other instance sees the change.
      const statusAfter = await slash(b, contact, "status");
      expect(statusAfter).not.toBe(statusBefore);
      expect(statusAfter).toBe(await slash(a, contact, "status"));

      // A's change refreshed the homes once; a change through B refreshes them once more, and that is all.
      await waitFor(() => homesOf(contact) === homesBefore[0]! + 1 && homesOf(COORD) === homesBefore[1]! + 1);
      expect(await slash(b, contact, "blocked icp 等待电信回复")).toContain("等待电信回复");
      await waitFor(() => homesOf(contact) === homesBefore[0]! + 2 && homesOf(COORD) === homesBefore[1]! + 2);
      await slash(a, COORD, "status jtsf");
      await slash(b, COORD, "status jtsf");
      expect([homesOf(contact), homesOf(COORD)]).toEqual([homesBefore[0]! + 2, homesBefore[1]! + 2]);
    });
  });

  describe("one killed", () => {
    afterEach(stopAll);

    it("when one is killed (SIGKILL) in the middle of a pass, the other finishes it: nothing twice, nothing lost", async () => {
      await campaign();
      let seen = 0;
      let killed: number | undefined;
      const stop = standin.beforeAnswer(async (c) => {
        if (c.method !== "chat.postMessage" || !/^reminder:/.test(keyOf(c) ?? "") || ++seen !== 3) return;
        stop();
        // The instance holding this message's claim dies after Slack stored it, before it hears so.
        const row = await store.db.delivery.findUniqueOrThrow({ where: { key: keyOf(c)! } });
        killed = Number(/pid=(\d+)/.exec(row.claimedBy ?? "")![1]);
        const victim = spawned.find((p) => p.child.pid === killed)!;
        victim.child.kill("SIGKILL");
        await victim.exited;
      });
      await startBoth();
      await bothDone();
      expect(killed).toBeDefined();
      const survivor = instances.find((i) => i.pid !== killed)!;
      const rows = await deliveries();
      expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(planned));
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      expect(keysInSlack()).toEqual(rows.map((r) => r.key).sort());
      // The message in flight was found in Slack by its key, not posted again.
      expect(standin.callsTo("chat.postMessage").filter((c) => keyOf(c))).toHaveLength(rows.length);
      expect(standin.callsTo("conversations.history").length).toBeGreaterThan(0);
      const finishers = new Set((await store.db.scheduledRun.findMany()).map((r) => /pid=(\d+)/.exec(r.finishedBy)?.[1]));
      expect(finishers.has(String(survivor.pid))).toBe(true);
    });
  });
});
