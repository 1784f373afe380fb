// The planner over the June calendar of 2027 (deadlines from the seed), whatever the process TZ.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planReminders, type ReminderPlan } from "../src/domain/reminder-planner.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { type CampaignSnapshot } from "../src/domain/model/records.ts";
import { addContact, finishUnit, setState } from "./helpers/campaign-script.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { setProcessTimeZone } from "../src/config/environment.ts";

let store: TestStore;
let snapshot: CampaignSnapshot;
const AT = new Date("2027-06-10T10:00:00+08:00");

beforeAll(async () => {
  store = await createTestStore();
  const db = store.db;
  await addContact(db, "jtda", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(db, "jtsf", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  await addContact(db, "jtfzb", { name: "赵强", slackUserId: "U0ZHAO" });
  await addContact(db, "jtez", { name: "陈静", slackUserId: "U0CHEN" });
  await addContact(db, "jtga", { name: "周伟", phone: "13800000000" });
  await finishUnit(db, "jtfzb", { actor: "U0ZHAO", at: AT });
  await setState(db, "jtez/column", "done", { actor: "U0CHEN", at: AT });
  await setState(db, "jtez/backup", "na", { actor: "U0CHEN", at: AT });
  snapshot = await readSnapshot(db);
});
afterAll(async () => {
  await store.cleanup();
});

const ALL_UNITS = 38;

/** What a plan says, in a form a table can hold. */
function summarize(plan: ReminderPlan) {
  return {
    reminders: Object.fromEntries(
      plan.reminders.map((r) => [r.key, r.work.map((w) => `${w.unit.key} ${w.deadline.key} ${w.steps.join("+")}`)]),
    ),
    escalationKey: plan.escalation?.key ?? null,
    overdue: plan.escalation?.overdue.map((u) => u.unit.key) ?? [],
    unreachable: plan.escalation?.unreachable.map((u) => u.unit.key) ?? [],
  };
}

type Steps = string | null;
const JUNE: [day: number, transition: Steps, shutdown: Steps][] = [
  [12, null, null],
  [13, "d7", null],
  [17, "d3", null],
  [19, "d1", null],
  [20, "due", "d3+open1"],
  [21, "overdue", "open"],
  [22, "overdue", "d1"],
  [23, "overdue", "due"],
  [24, "overdue", "overdue"],
  [25, "overdue", "overdue"],
];

function expected(day: number, transition: Steps, shutdown: Steps) {
  const date = `2027-06-${day}`;
  const lines = (unit: string) => [
    ...(transition && unit !== "jtez" ? [`${unit} transition ${transition}`] : []),
    ...(shutdown ? [`${unit} shutdown ${shutdown}`] : []),
  ];
  const reminders: Record<string, string[]> = {};
  const put = (user: string, units: string[]) => {
    const l = units.flatMap(lines);
    if (l.length > 0) reminders[`reminder:${date}:${user}`] = l;
  };
  // Unit order of 附件3: 开发区 (jtez) comes before 档案局 (jtda) and 区司法局 (jtsf).
  put("U0CHEN", ["jtez"]);
  put("U0WANG", ["jtda", "jtsf"]);
  put("U0LI", ["jtsf"]);
  const anyDue = transition !== null || shutdown !== null;
  const keys = snapshot.units.map((u) => u.key);
  const overdue = keys.filter(
    (k) => k !== "jtfzb" && ((transition === "overdue" && k !== "jtez") || shutdown === "overdue"),
  );
  const withSlack = new Set(["jtda", "jtsf", "jtfzb", "jtez"]);
  const unreachable = anyDue ? keys.filter((k) => !withSlack.has(k)) : [];
  return {
    reminders,
    escalationKey: overdue.length + unreachable.length > 0 ? `escalation:${date}` : null,
    overdue,
    unreachable,
  };
}

describe.each(["UTC", "America/New_York"])("the reminder plan with TZ=%s", (tz) => {
  let previous: string | undefined;
  beforeAll(() => {
    previous = setProcessTimeZone(tz);
  });
  afterAll(() => {
    setProcessTimeZone(previous);
  });

  it.each(JUNE)("on June %i at 09:00 (+08:00): transition %s, shutdown %s", (day, transition, shutdown) => {
    const now = new Date(`2027-06-${day}T09:00:00+08:00`);
    expect(summarize(planReminders(snapshot, now))).toEqual(expected(day, transition, shutdown));
  });

  it("never reminds a finished unit, nor escalates it", () => {
    for (const [day] of JUNE) {
      const plan = planReminders(snapshot, new Date(`2027-06-${day}T09:00:00+08:00`));
      expect(plan.work.map((w) => w.unit.key)).not.toContain("jtfzb");
      expect(plan.reminders.map((r) => r.userId)).not.toContain("U0ZHAO");
    }
  });

  it("takes the Shanghai day at the edges: 23:59 on the due day is still due, 00:00 next day overdue", () => {
    const lastMinute = planReminders(snapshot, new Date("2027-06-20T23:59:00+08:00"));
    expect(lastMinute.day).toBe("2027-06-20");
    expect(lastMinute.work.find((w) => w.deadline.key === "transition")?.steps).toEqual(["due"]);
    const nextDay = planReminders(snapshot, new Date("2027-06-21T00:00:00+08:00"));
    expect(nextDay.day).toBe("2027-06-21");
    expect(nextDay.work.find((w) => w.deadline.key === "transition")?.steps).toEqual(["overdue"]);
  });
});

describe("what a reminder covers", () => {
  it("lists only unfinished items: done and na stop their reminders at once", () => {
    const now = new Date("2027-06-23T09:00:00+08:00");
    const before = planReminders(snapshot, now);
    const jtsf = before.work.find((w) => w.unit.key === "jtsf" && w.deadline.key === "shutdown");
    expect(jtsf?.items.map((i) => i.key)).toEqual([
      "jtsf/site",
      "jtsf/unbind",
      "jtsf/domain/jtpf.gov.cn",
      "jtsf/domain/jtsfxz.gov.cn",
      "jtsf/icp",
      "jtsf/ipicp",
    ]);
    const items = snapshot.items.map((i) =>
      i.key === "jtsf/site" ? { ...i, state: "done" as const } : i.key === "jtsf/ipicp" ? { ...i, state: "na" as const } : i,
    );
    const after = planReminders({ ...snapshot, items }, now);
    expect(after.work.find((w) => w.unit.key === "jtsf" && w.deadline.key === "shutdown")?.items.map((i) => i.key)).toEqual([
      "jtsf/unbind",
      "jtsf/domain/jtpf.gov.cn",
      "jtsf/domain/jtsfxz.gov.cn",
      "jtsf/icp",
    ]);
  });

  it("gives a contact of several units one reminder with every unit, and knows they have several", () => {
    const plan = planReminders(snapshot, new Date("2027-06-20T09:00:00+08:00"));
    const wang = plan.reminders.filter((r) => r.userId === "U0WANG");
    expect(wang).toHaveLength(1);
    expect(wang[0]?.unitCount).toBe(2);
    expect(plan.reminders.find((r) => r.userId === "U0LI")?.unitCount).toBe(1);
  });

  it("mentions the Slack contacts of an overdue unit and keeps a unit whose contact has no Slack id", () => {
    const plan = planReminders(snapshot, new Date("2027-06-24T09:00:00+08:00"));
    expect(plan.escalation?.overdue.find((u) => u.unit.key === "jtsf")?.contacts.map((c) => c.slackUserId)).toEqual([
      "U0WANG",
      "U0LI",
    ]);
    const police = plan.escalation?.unreachable.find((u) => u.unit.key === "jtga");
    expect(police?.contacts.map((c) => c.name)).toEqual(["周伟"]);
    expect(plan.escalation?.unreachable).toHaveLength(ALL_UNITS - 4);
  });
});
