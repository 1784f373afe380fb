// The cron side: today's slot, quiet hours, and the catch-up run at start.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseQuietHours } from "../src/delivery/quiet-hours.ts";
import { catchUpTime, lastSlotToday, runTimeFor } from "../src/delivery/schedule-slots.ts";
import { startScheduler } from "../src/delivery/scheduler.ts";
import { formatIsoShanghai } from "../src/domain/calendar.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../src/slack/standin/index.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, outgoingDeps } from "./helpers/outgoing-fixture.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

const QUIET = parseQuietHours("22:00-08:00")!;
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => (d ? formatIsoShanghai(d) : null);

describe.each(["UTC", "America/New_York"])("schedule slots in Asia/Shanghai with TZ=%s", (tz) => {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.TZ;
    process.env.TZ = tz;
  });
  afterAll(() => {
    process.env.TZ = previous;
  });

  it.each([
    ["0 9 * * *", "2027-06-21T10:30:00+08:00", "2027-06-21T09:00:00+08:00"],
    ["0 9 * * *", "2027-06-21T09:00:00+08:00", "2027-06-21T09:00:00+08:00"],
    ["0 9 * * *", "2027-06-21T08:59:00+08:00", null],
    ["0 17 * * *", "2027-06-21T23:00:00+08:00", "2027-06-21T17:00:00+08:00"],
    ["*/30 * * * *", "2027-06-21T10:45:00+08:00", "2027-06-21T10:30:00+08:00"],
  ])("the last slot of %s at %s is %s", (cron, now, slot) => {
    expect(iso(lastSlotToday(cron, at(now)))).toBe(slot);
  });

  it.each([
    ["0 9 * * *", "2027-06-21T10:30:00+08:00", "2027-06-21T10:30:00+08:00"],
    ["0 17 * * *", "2027-06-21T23:00:00+08:00", null],
    ["0 7 * * *", "2027-06-21T07:30:00+08:00", "2027-06-21T08:00:00+08:00"],
    ["0 9 * * *", "2027-06-21T06:00:00+08:00", null],
  ])("a missed %s run, starting at %s, goes out at %s", (cron, now, when) => {
    expect(iso(catchUpTime(cron, QUIET, at(now)))).toBe(when);
  });

  it("defers a scheduled run inside quiet hours to their end the same day, and drops it across midnight", () => {
    expect(iso(runTimeFor(at("2027-06-21T07:00:00+08:00"), QUIET, at("2027-06-21T07:00:00+08:00")))).toBe("2027-06-21T08:00:00+08:00");
    expect(runTimeFor(at("2027-06-21T22:30:00+08:00"), QUIET, at("2027-06-21T22:30:00+08:00"))).toBeNull();
  });
});

describe("the scheduler at start", () => {
  let standin: SlackStandin;
  let store: TestStore;
  beforeAll(async () => {
    standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(async () => {
    standin.reset();
    standin.addUser({ id: "U0LI", name: "liming" });
    store = await createTestStore();
    await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  });
  afterEach(async () => {
    await store.cleanup();
  });

  it("makes up today's missed reminder pass (not the digest, whose time has not come)", async () => {
    const scheduler = startScheduler(outgoingDeps(store, standin, { clock: () => at("2027-06-21T10:30:00+08:00") }));
    await scheduler.idle();
    await scheduler.stop();
    expect(standin.dmMessages("U0LI")).toHaveLength(1);
    expect(standin.messages(COORD_CHANNEL).map((m) => m.metadata?.event_payload.key)).toEqual(["escalation:2027-06-21"]);
  });

  it("makes up both after the digest's time, once, even when started twice", async () => {
    const clock = () => at("2027-06-21T18:00:00+08:00");
    for (let i = 0; i < 2; i++) {
      const scheduler = startScheduler(outgoingDeps(store, standin, { clock }));
      await scheduler.idle();
      await scheduler.stop();
    }
    expect(standin.dmMessages("U0LI")).toHaveLength(1);
    expect(standin.messages(COORD_CHANNEL).map((m) => m.metadata?.event_payload.key).sort()).toEqual([
      "digest:2027-06-21",
      "escalation:2027-06-21",
    ]);
  });

  it("sends nothing when it starts in quiet hours", async () => {
    const scheduler = startScheduler(outgoingDeps(store, standin, { clock: () => at("2027-06-21T23:00:00+08:00") }));
    await scheduler.idle();
    await scheduler.stop();
    expect(standin.calls).toHaveLength(0);
  });
});
