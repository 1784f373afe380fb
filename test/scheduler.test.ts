// The cron side: today's slot, quiet hours, and the catch-up run at start.
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseQuietHours } from "../src/domain/quiet-hours.ts";
import { catchUpTime, lastSlotToday, runTimeFor } from "../src/schedule/schedule-slots.ts";
import { startScheduler } from "../src/schedule/scheduler.ts";
import { formatIsoShanghai } from "../src/domain/model/calendar.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps } from "./helpers/outgoing-fixture.ts";
import { waitFor } from "./helpers/script-process.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { setProcessTimeZone } from "../src/config/environment.ts";

const QUIET = parseQuietHours("22:00-08:00")!;
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => (d ? formatIsoShanghai(d) : null);

describe.each(["UTC", "America/New_York"])("schedule slots in Asia/Shanghai with TZ=%s", (tz) => {
  let previous: string | undefined;
  beforeAll(() => {
    previous = setProcessTimeZone(tz);
  });
  afterAll(() => {
    setProcessTimeZone(previous);
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
    standin = await startSlackStandin({ channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }], rateClockMs: TEST_POSTING.now });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(async () => {
    standin.reset();
    standin.addUser({ id: "U0LI", name: "liming" });
    store = await createTestStore();
    await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  // The provider is known, so no 是否区电信接入？ question comes before the messages these tests count.
    await store.db.unit.update({ where: { key: "jtsf" }, data: { localTelecom: false } });
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

  it("tries a run that left messages pending again the same day, until they are sent", async () => {
    standin.failNext("chat.postMessage", { kind: "http", status: 500 }, 6);
    const deps = outgoingDeps(store, standin, { clock: () => at("2027-06-21T10:30:00+08:00"), retryDelaysMs: [50] });
    const scheduler = startScheduler(deps);
    try {
      await waitFor(() => standin.dmMessages("U0LI").length === 1 && standin.messages(COORD_CHANNEL).length === 1);
      await waitFor(() => scheduler.status().reminders?.lastOutcome === "ok");
      expect(standin.callsTo("chat.postMessage").filter((c) => c.status === 500)).toHaveLength(6);
      expect(standin.dmMessages("U0LI")).toHaveLength(1);
      expect((await store.db.delivery.findMany()).every((d) => d.status === "sent")).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });

  it("tries a run that failed outright again the same day, and reports the failure meanwhile", async () => {
    // The delivery log is out of reach for a moment (renamed away by another connection).
    const other = new Database(store.location!.filePath);
    other.exec("ALTER TABLE Delivery RENAME TO DeliveryAway");
    const deps = outgoingDeps(store, standin, { clock: () => at("2027-06-21T10:30:00+08:00"), retryDelaysMs: [60_000, 100] });
    const scheduler = startScheduler(deps);
    try {
      await waitFor(() => scheduler.status().reminders?.lastOutcome === "failed");
      const failed = scheduler.status().reminders!;
      expect(failed.lastDetail).toContain("Delivery");
      expect(failed.nextRetryAt?.getTime()).toBe(at("2027-06-21T10:31:00+08:00").getTime());
      expect(standin.callsTo("chat.postMessage")).toHaveLength(0);
    } finally {
      await scheduler.stop();
      other.exec("ALTER TABLE DeliveryAway RENAME TO Delivery");
      other.close();
    }
  });

  it("does not try again on another day", async () => {
    standin.failNext("chat.postMessage", { kind: "http", status: 500 }, 1_000);
    const deps = outgoingDeps(store, standin, { clock: () => at("2027-06-21T21:59:00+08:00"), retryDelaysMs: [5 * 60_000] });
    const scheduler = startScheduler({ ...deps, config: { ...deps.config, REMINDER_CRON: "0 21 * * *" } });
    try {
      await waitFor(() => scheduler.status().reminders?.lastOutcome === "incomplete");
      expect(scheduler.status().reminders?.nextRetryAt).toBeUndefined();
    } finally {
      await scheduler.stop();
    }
  });
});

