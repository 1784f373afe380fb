// The reminder and escalation messages: what a contact is told to type, buttons, Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CampaignSnapshot, type UnitRecord } from "../src/domain/model/records.ts";
import { planReminders } from "../src/domain/reminder-planner.ts";
import { replaceItemInBlocks } from "../src/slack/blocks/item-buttons.ts";
import { buildEscalationMessage, buildReminderMessage } from "../src/slack/blocks/reminder-blocks.ts";
import { type KnownBlock } from "../src/slack/blocks/block-kit.ts";
import { type SlackMessage } from "../src/slack/blocks/slack-message.ts";
import { blocksToPlainText } from "./helpers/plain-text.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

let store: TestStore;
let snapshot: CampaignSnapshot;
beforeAll(async () => {
  store = await createTestStore();
  await addContact(store.db, "jtda", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(store.db, "jtsf", { name: "王芳", slackUserId: "U0WANG" });
  await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
  snapshot = await readSnapshot(store.db);
});
afterAll(async () => {
  await store.cleanup();
});

const JUNE_23 = new Date("2027-06-23T09:00:00+08:00");

function withUnits(s: CampaignSnapshot, change: (u: UnitRecord) => UnitRecord): CampaignSnapshot {
  return { ...s, units: s.units.map(change) };
}

function messageFor(s: CampaignSnapshot, userId: string, now = JUNE_23): SlackMessage {
  const reminder = planReminders(s, now).reminders.find((r) => r.userId === userId);
  if (!reminder) throw new Error(`no reminder for ${userId}`);
  return buildReminderMessage(reminder, now);
}

function expectWithinLimits(m: SlackMessage) {
  expect(m.blocks.length).toBeLessThanOrEqual(50);
  expect(Array.from(m.text).length).toBeLessThanOrEqual(3000);
  for (const b of m.blocks) {
    if (b.type === "section" && b.text) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(3000);
  }
}

function buttons(blocks: KnownBlock[]) {
  return blocks.flatMap((b) =>
    b.type === "actions" ? b.elements.map((e) => ("action_id" in e && "value" in e ? `${e.action_id}=${e.value}` : "?")) : [],
  );
}

describe("a contact's reminder", () => {
  it("says under an item what the probes found, as status does", () => {
    const found = { verification: "contradicted" as const, summary: "6月22日 10:00 jtpf.gov.cn 仍可访问（HTTP 200）", advice: null, observedAt: null, verifiedAt: null, changedAt: null, accepted: null };
    const unit = snapshot.units.find((u) => u.key === "jtsf")!;
    const probed = { ...snapshot, items: snapshot.items.map((i) => (i.unitId === unit.id && i.task === "site" ? { ...i, verification: found } : i)) };
    const text = blocksToPlainText(messageFor(probed, "U0LI").blocks);
    const site = text.slice(text.indexOf("*网站关停*"), text.indexOf("`/shutdown done site`"));
    expect(site).toContain("🔍 核查 — 6月22日 10:00 jtpf.gov.cn 仍可访问（HTTP 200）");
    expect(blocksToPlainText(messageFor(snapshot, "U0LI").blocks)).not.toContain("🔍");
  });

  it("tells a contact of one unit to type the command without the unit", () => {
    const text = blocksToPlainText(messageFor(snapshot, "U0LI").blocks);
    expect(text).toContain("`/shutdown done site`");
    expect(text).toContain("`/shutdown done domain jtpf.gov.cn`");
    expect(text).toContain("`/shutdown done domain jtsfxz.gov.cn`");
    expect(text).toContain("🏢 区司法局");
    expect(text).toContain("截止 6月23日 23:59 · 还剩今天");
    expect(text).not.toContain("今天截止");
    expect(text).not.toContain("/shutdown 区司法局");
  });

  it("puts the unit first when the contact has several units, one section per unit", () => {
    const m = messageFor(snapshot, "U0WANG");
    const text = blocksToPlainText(m.blocks);
    expect(text).toContain("`/shutdown 档案局 done site`");
    expect(text).toContain("`/shutdown 区司法局 done domain jtpf.gov.cn`");
    expect(text.indexOf("🏢 档案局")).toBeLessThan(text.indexOf("🏢 区司法局"));
    expect(text).toContain("你负责的 2 个单位还有 15 项工作未完成");
    expect(m.text).toContain("档案局：过渡栏目、数据备份/迁移、网站关停、解除绑定、域名注销 jtda.gov.cn、备案注销、IP备案");
    expectWithinLimits(m);
  });

  it("gives every pending item its three buttons, valued with the item key", () => {
    const m = messageFor(snapshot, "U0LI");
    expect(buttons(m.blocks)).toEqual(
      ["jtsf/column", "jtsf/backup", "jtsf/site", "jtsf/unbind", "jtsf/domain/jtpf.gov.cn", "jtsf/domain/jtsfxz.gov.cn", "jtsf/icp", "jtsf/ipicp"].flatMap((k) => [
        `item_done=${k}`,
        `item_doing=${k}`,
        `item_blocked=${k}`,
      ]),
    );
  });

  it("lets a click update that item's line in the reminder itself", () => {
    const m = messageFor(snapshot, "U0LI");
    const site = snapshot.items.find((i) => i.key === "jtsf/site")!;
    const updated = replaceItemInBlocks(m.blocks, { ...site, state: "done" }, { userId: "U0LI", at: JUNE_23 });
    expect(updated).not.toBeNull();
    expect(buttons(updated!)).not.toContain("item_done=jtsf/site");
    expect(buttons(updated!)).toContain("item_done=jtsf/unbind");
  });

  it.each([
    [true, ["附件4", "区电子政务中心内容保障科", "市民中心C栋417室", "82900326"]],
    [false, ["请自行到接入服务商办理备案号注销和取消接入服务"]],
    [null, ["/shutdown set provider local", "/shutdown set provider other"]],
  ] as const)("shows the ICP path when localTelecom is %s", (localTelecom, phrases) => {
    const s = withUnits(snapshot, (u) => (u.key === "jtsf" ? { ...u, localTelecom } : u));
    const text = blocksToPlainText(messageFor(s, "U0LI").blocks);
    for (const p of phrases) expect(text).toContain(p);
  });

  it("tells the police unit to report its sub-domain as DNS removed", () => {
    const s = withUnits(snapshot, (u) => (u.key === "jtga" ? { ...u, contacts: [{ id: 9, slackUserId: "U0POLICE", name: "周伟", phone: null, email: null }] } : u));
    expect(blocksToPlainText(messageFor(s, "U0POLICE").blocks)).toContain("`/shutdown done domain jt.czsga.gov.cn dns`");
  });

  it("says when the window opens tomorrow and when it opens today", () => {
    expect(blocksToPlainText(messageFor(snapshot, "U0LI", new Date("2027-06-20T09:00:00+08:00")).blocks)).toContain(
      "关停窗口明天（6月21日）开始",
    );
    expect(blocksToPlainText(messageFor(snapshot, "U0LI", new Date("2027-06-21T09:00:00+08:00")).blocks)).toContain(
      "关停窗口今天开始",
    );
  });

  it("shows every unit of a contact of all 38 units, one block each with a button that opens its checklist", () => {
    const everyone = withUnits(snapshot, (u) => ({ ...u, contacts: [{ id: 1, slackUserId: "U0BOSS", name: "总联系人", phone: null, email: null }] }));
    const m = messageFor(everyone, "U0BOSS", new Date("2027-06-24T09:00:00+08:00"));
    expectWithinLimits(m);
    const text = blocksToPlainText(m.blocks);
    expect(text).toContain("每个单位一行：点「打开清单」逐项填写");
    expect(text).not.toMatch(/…及其他/);
    for (const unit of snapshot.units) expect(text).toContain(`*🏢 ${unit.name}*`);
    const opens = m.blocks.flatMap((b) => (b.type === "section" && b.accessory && "value" in b.accessory ? [b.accessory.value] : []));
    expect(opens).toEqual(snapshot.units.map((u) => u.key));
    expect(text).toContain("`/shutdown 法制办 status`");
  });
});

describe("the coordinators' escalation", () => {
  it("lists overdue units with what is pending and their contacts mentioned", () => {
    const plan = planReminders(snapshot, new Date("2027-06-24T09:00:00+08:00"));
    const m = buildEscalationMessage(plan.escalation!, plan.now);
    const text = blocksToPlainText(m.blocks);
    expect(text).toContain("逾期未完成的单位（38 个）");
    expect(text).toContain("*区司法局* · 过渡栏目上线：已逾期 4 天，网站关停（6月21日–6月23日）：已逾期 1 天");
    expect(text).toContain("联系人：<@U0WANG>；<@U0LI>");
    expect(text).toContain("没有登记 Slack 联系人、无法提醒的单位（36 个）");
    expectWithinLimits(m);
  });

  it("cuts long lists with …及其他 N 个单位 and stays within the limits for 10,000 units", () => {
    const many: CampaignSnapshot = { units: [], items: [], deadlines: snapshot.deadlines, batches: snapshot.batches };
    for (let n = 0; n < 10_000; n++) {
      const template = snapshot.units[n % snapshot.units.length]!;
      const unit = { ...template, id: 100_000 + n, key: `u${n}`, name: `合成单位${n}`, position: n + 1, contacts: [] };
      many.units.push(unit);
      for (const item of snapshot.items.filter((i) => i.unitId === template.id)) {
        many.items.push({ ...item, id: 1_000_000 + many.items.length, unitId: unit.id, key: `${unit.key}/${item.task}/${many.items.length}` });
      }
    }
    const plan = planReminders(many, new Date("2027-06-24T09:00:00+08:00"));
    const m = buildEscalationMessage(plan.escalation!, plan.now);
    expectWithinLimits(m);
    const text = blocksToPlainText(m.blocks);
    expect(text).toMatch(/逾期未完成的单位（10000 个）[\s\S]*…及其他 \d+ 个单位/);
    expect(text).toMatch(/无法提醒的单位（10000 个）\*\n这 10000 个单位都已在上面的逾期单位中列出。/);
  });
});
