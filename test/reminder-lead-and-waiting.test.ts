// Reminders that 附件2 asks for: ask early how long cancellation takes (七), say what the column
// holds (附件1); and an item waited for is not chased or escalated before its day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ItemRecord } from "../src/domain/model.ts";
import { planReminders } from "../src/reminders/reminder-planner.ts";
import { buildReminderMessage } from "../src/slack/blocks/reminder-blocks.ts";
import { readSnapshot, type CampaignSnapshot } from "../src/store/campaign-repository.ts";
import { addContact, setState } from "./helpers/campaign-script.ts";
import { blocksToPlainText } from "./helpers/plain-text.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

let store: TestStore;
let snapshot: CampaignSnapshot;
beforeAll(async () => {
  store = await createTestStore();
  await addContact(store.db, "jtda", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(store.db, "xuebu", { name: "陈静", slackUserId: "U0CHEN" });
  await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  await addContact(store.db, "jttjj", { name: "李明", slackUserId: "U0LI" });
  snapshot = await readSnapshot(store.db);
});
afterAll(async () => {
  await store.cleanup();
});

const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
const reminderText = (s: CampaignSnapshot, user: string, now: Date) => {
  const reminder = planReminders(s, now).reminders.find((r) => r.userId === user);
  return reminder ? blocksToPlainText(buildReminderMessage(reminder, now).blocks) : null;
};

describe("附件2 七: asking how long cancellation takes", () => {
  it.each([
    ["2027-05-31", ["lead21"], "关停窗口还有三周开始（6月21日）。请现在就向域名注册机构和网站接入服务商问清楚"],
    ["2027-06-14", ["lead7"], "关停窗口还有一周开始（6月21日）。还没问清注销域名、注销备案号各要多长时间生效的，请马上向域名注册机构和网站接入服务商确认"],
  ])("on %s the shutdown work is at %j and the reminder says so", (day, steps, words) => {
    const plan = planReminders(snapshot, at(day));
    expect([...new Set(plan.work.filter((w) => w.deadline.key === "shutdown").map((w) => w.steps.join("+")))]).toEqual([steps.join("+")]);
    const text = reminderText(snapshot, "U0WANG", at(day))!;
    expect(text).toContain(words);
    expect(text).toContain("（附件2 七）");
    expect(text).toContain("`/shutdown waiting icp 7月10日 工信部审核中`");
    // A contact of several units is shown the command with a unit in front.
    expect(reminderText(snapshot, "U0LI", at(day))).toContain("`/shutdown 区司法局 waiting icp 7月10日 工信部审核中`");
  });

  it("sends nothing the days in between", () => {
    for (const day of ["2027-05-30", "2027-06-01", "2027-06-12"]) expect(planReminders(snapshot, at(day)).reminders).toEqual([]);
  });
});

describe("附件1: the column reminder", () => {
  it("names five sub-columns for a department, four for a township-level unit, the path format and 子站", () => {
    const department = reminderText(snapshot, "U0WANG", at("2027-06-13"))!;
    expect(department).toContain("设 5 个子栏目：动态信息、政府信息公开、政务大厅、互动交流、重要系统链接");
    expect(department).toContain("栏目地址以栏目路径格式命名");
    expect(department).toContain("已用子站方式部署的网站保留原有页面模板和功能");
    const township = reminderText(snapshot, "U0CHEN", at("2027-06-13"))!;
    expect(township).toContain("设 4 个子栏目：动态信息、政府信息公开、互动交流、重要系统链接");
  });
});

describe("an item waited for", () => {
  const waiting = (s: CampaignSnapshot, key: string, until: string): CampaignSnapshot => ({
    ...s,
    items: s.items.map((i): ItemRecord => (i.key === key ? { ...i, state: "doing", expectedBy: new Date(`${until}T23:59:59+08:00`) } : i)),
  });

  it("is neither reminded of nor escalated until its day is past; then it is overdue like any other", async () => {
    for (const key of ["jtda/column", "jtda/backup", "jtda/site", "jtda/unbind", "jtda/domain/jtda.gov.cn", "jtda/ipicp"]) {
      await setState(store.db, key, "done", { actor: "U0WANG", at: at("2027-06-12") });
    }
    const s = waiting(await readSnapshot(store.db), "jtda/icp", "2027-06-26");
    for (const day of ["2027-06-23", "2027-06-24", "2027-06-26"]) {
      const plan = planReminders(s, at(day));
      expect(plan.reminders.map((r) => r.userId)).not.toContain("U0WANG");
      expect(plan.escalation?.overdue.map((u) => u.unit.key) ?? []).not.toContain("jtda");
    }
    const after = planReminders(s, at("2027-06-27"));
    expect(after.reminders.map((r) => r.userId)).toContain("U0WANG");
    expect(after.escalation?.overdue.map((u) => u.unit.key)).toContain("jtda");
  });
});
