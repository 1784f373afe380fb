// A reminder pass while another process holds the store's write lock (a long import): it waits,
// as commands do, and sends every message; nothing is sent twice and nothing is lost.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escalationKey, reminderKey } from "../src/domain/reminder-planner.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, postedKeys } from "./helpers/outgoing-fixture.ts";
import { startScript } from "./helpers/script-process.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

const TOKEN = "xoxb-busy-test";
const CONTACTS = ["U0B1", "U0B2", "U0B3"];
const UNITS = ["jtda", "jtsf", "jtupo"];
const HOLDER = fileURLToPath(new URL("./helpers/hold-store-lock.ts", import.meta.url));

let standin: SlackStandin;
let store: TestStore;
beforeAll(async () => {
  standin = await startSlackStandin({ botToken: TOKEN, channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(async () => {
  standin.reset();
  for (const id of CONTACTS) standin.addUser({ id, name: id.toLowerCase() });
  store = await createTestStore();
  for (const [i, id] of CONTACTS.entries()) await addContact(store.db, UNITS[i]!, { name: `联系人${i + 1}`, slackUserId: id });
  // The provider is known, so no 是否区电信接入？ question comes before the messages these tests count.
  await store.db.unit.updateMany({ where: { key: { in: [...UNITS] } }, data: { localTelecom: false } });
});
afterEach(async () => {
  await store.cleanup();
});

/** Starts the holder; resolves once it holds the write lock, with a promise of its exit. */
async function holdStore(databaseUrl: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const child = spawn(process.execPath, nodeArgs(HOLDER, databaseUrl, String(holdMs)), { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const committed = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 && out.includes("committed") ? resolve() : reject(new Error(`holder exited ${code}: ${out}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("locked")) resolve();
    });
    child.on("exit", () => reject(new Error(`holder exited before locking: ${out}`)));
  });
  return { committed };
}

const planned = (day: string) => [escalationKey(day), ...CONTACTS.map((id) => reminderKey(day, id))].sort();
const keysInSlack = () =>
  postedKeys(standin, [COORD_CHANNEL, ...CONTACTS.map((id) => standin.dmChannelOf(id))]);

describe("npm run remind while a long import holds the store", () => {
  it("waits for the store and sends every message once, exit 0", async () => {
    // Longer than a CLI statement waits (10 s) plus a command's retries (3 s).
    const hold = await holdStore(store.databaseUrl, 16_000);
    const run = startScript("scripts/remind.ts", ["--now", "2027-06-20T09:00:00+08:00"], {
      DATABASE_URL: store.databaseUrl,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: standin.apiUrl,
      DIGEST_CHANNEL_ID: COORD_CHANNEL,
      CAMPAIGN_YEAR: "2027",
    });
    expect(await run.exited, run.err()).toBe(0);
    await hold.committed;
    expect(keysInSlack()).toEqual(planned("2027-06-20"));
    const rows = await store.db.delivery.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.status])).toEqual(planned("2027-06-20").map((k) => [k, "sent"]));
  }, 90_000);
});
