// The coordinators' digest: the same numbers as the export, the audit trail's changes, Slack's limits.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildDigest } from "../src/slack/blocks/digest-blocks.ts";
import { composeDigest, postDigestNow, previewDigest, runDigest, sendExportToUser } from "../src/schedule/digest-pass.ts";
import { ITEM_STATES, TASK_KEYS, isFinished, itemKey, UNIT_TASKS, type ItemState } from "../src/domain/model/tasks.ts";
import { buildStatusRows, formatStatusRows } from "../src/export/status-export.ts";
import { type SlackMessage } from "../src/slack/blocks/slack-message.ts";
import { blocksToPlainText } from "./helpers/plain-text.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { listAudit } from "../src/store/audit-repository.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { type CampaignSnapshot } from "../src/domain/model/records.ts";
import { openStore } from "../src/store/open-store.ts";
import { groupBy } from "../src/lib/group-by.ts";
import { addContact, finishUnit, setState } from "./helpers/campaign-script.ts";
import { COORD_CHANNEL, TEST_POSTING, outgoingDeps } from "./helpers/outgoing-fixture.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

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
  standin.addUser({ id: "U0BOSS", name: "coordinator" });
  store = await createTestStore();
  await addContact(store.db, "jtsf", { name: "李明", slackUserId: "U0LI" });
});
afterEach(async () => {
  await store.cleanup();
});

const at = (iso: string) => new Date(iso);
const plain = (m: SlackMessage) => blocksToPlainText(m.blocks);

function expectWithinLimits(m: SlackMessage) {
  expect(m.blocks.length).toBeLessThanOrEqual(50);
  expect(m.text.length).toBeLessThanOrEqual(3000);
  for (const b of m.blocks) {
    if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    if (b.type === "context") for (const e of b.elements) if ("text" in e && typeof e.text === "string") expect(e.text.length).toBeLessThanOrEqual(3000);
  }
}

/** A scripted campaign: some done, some doing, blocked with reasons, not applicable, a finished unit. */
async function script() {
  const by = (actor: string, when: string, note?: string) => ({ actor, at: at(when), note });
  await finishUnit(store.db, "jtfzb", by("U0ZHAO", "2027-06-19T10:00:00+08:00"));
  await finishUnit(store.db, "jtda", by("cli:admin", "2027-06-19T11:00:00+08:00"));
  await setState(store.db, "jtsf/column", "done", by("U0LI", "2027-06-20T09:30:00+08:00"));
  await setState(store.db, "jtsf/site", "doing", by("U0LI", "2027-06-21T10:00:00+08:00"));
  await setState(store.db, "jtsf/domain/jtpf.gov.cn", "blocked", by("U0LI", "2027-06-21T11:00:00+08:00", "注册商要求法人到场"));
  await setState(store.db, "jtga/domain/jt.czsga.gov.cn", "blocked", by("U0GA", "2027-06-21T12:00:00+08:00", "等待市局删除解析"));
  await setState(store.db, "jtez/backup", "na", by("U0CHEN", "2027-06-21T12:30:00+08:00", "无数据迁移"));
}

function exportCounts(snapshot: CampaignSnapshot) {
  const rows = buildStatusRows(snapshot);
  const tasks = TASK_KEYS.map((task) => {
    const of = rows.filter((r) => r.task === task);
    const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, of.filter((r) => r.state === s).length])) as Record<ItemState, number>;
    return { task, total: of.length, ...counts };
  });
  const byUnit = groupBy(rows, (r) => r.unit_key);
  const unitsDone = [...byUnit.values()].filter((rs) => rs.every((r) => isFinished(r.state as never))).length;
  return { tasks, unitsDone, blocked: rows.filter((r) => r.state === "blocked").length };
}

describe("the digest's numbers", () => {
  it("equal the status export's, before and after changes", async () => {
    for (const step of ["before", "after"] as const) {
      if (step === "after") await script();
      const now = at("2027-06-21T17:00:00+08:00");
      const snapshot = await readSnapshot(store.db);
      const { digest } = await composeDigest(store.db, now);
      const expected = exportCounts(snapshot);
      expect(digest.summary.tasks).toEqual([{ batchName: null, counts: expected.tasks }]);
      expect(digest.summary.unitsDone).toBe(expected.unitsDone);
      expect(digest.summary.blocked).toHaveLength(expected.blocked);
      const text = plain(digest.message);
      expect(text).toContain(`38 个单位中 *${expected.unitsDone}* 个已全部完成`);
      for (const t of expected.tasks) {
        expect(text).toContain(`完成 ${t.done} · 进行中 ${t.doing} · 受阻 ${t.blocked} · 未开始 ${t.todo} · 不适用 ${t.na}`);
      }
    }
  });

  it("shows days left, overdue units with contacts, blocked reasons and units without contact", async () => {
    await script();
    const { digest } = await composeDigest(store.db, at("2027-06-21T17:00:00+08:00"));
    const text = plain(digest.message);
    expect(text).toContain("过渡栏目上线：已逾期 1 天（6月20日 23:59 截止）");
    expect(text).toContain("网站关停（6月21日–6月23日）：还剩 2 天（6月23日 23:59 截止）");
    expect(text).toContain("*区司法局* · 未完成：数据备份/迁移 · 联系人：<@U0LI>");
    expect(text).not.toContain("*档案局* · 未完成");
    expect(text).toContain("受阻事项（2 项）");
    expect(text).toContain("*区司法局* · 域名注销 jtpf.gov.cn：注册商要求法人到场");
    expect(text).toContain("*区公安分局* · 域名注销 jt.czsga.gov.cn：等待市局删除解析");
    expect(text).toContain("没有联系人的单位（35 个）");
    expect(digest.truncated).toBe(false);
    expectWithinLimits(digest.message);
  });
});

describe("items waited for", () => {
  it("are listed with their dates, and are not overdue before them", async () => {
    const by = { actor: "U0LI", at: at("2027-06-19T10:00:00+08:00") };
    for (const key of ["jtda/column", "jtda/backup", "jtda/site", "jtda/unbind", "jtda/domain/jtda.gov.cn", "jtda/ipicp"]) await setState(store.db, key, "done", by);
    await store.db.checklistItem.update({
      where: { key: "jtda/icp" },
      data: { state: "doing", note: "工信部审核中", expectedBy: at("2027-07-10T23:59:59+08:00") },
    });
    const text = plain((await composeDigest(store.db, at("2027-06-24T17:00:00+08:00"))).digest.message);
    expect(text).toContain("*⏳ 等待中的事项（1 项）*");
    expect(text).toContain("*档案局* · 备案注销：预计 7月10日（工信部审核中）");
    expect(text).not.toContain("*档案局* · 未完成");
    const later = plain((await composeDigest(store.db, at("2027-07-11T17:00:00+08:00"))).digest.message);
    expect(later).toContain("*档案局* · 未完成：备案注销");
    expect(later).not.toContain("等待中的事项");
  });
});

describe("deadlines in the headline", () => {
  it("count the units still behind, and say so when every unit has met a deadline", async () => {
    const by = { actor: "U0LI", at: at("2027-06-19T10:00:00+08:00") };
    const units = await store.db.unit.findMany({ select: { key: true } });
    for (const { key } of units.slice(1)) await finishUnit(store.db, key, by);
    let text = plain((await composeDigest(store.db, at("2027-06-25T17:00:00+08:00"))).digest.message);
    expect(text).toContain("网站关停（6月21日–6月23日）：已逾期 2 天（6月23日 23:59 截止），1 个单位未完成");
    await finishUnit(store.db, units[0]!.key, by);
    text = plain((await composeDigest(store.db, at("2027-06-25T17:00:00+08:00"))).digest.message);
    expect(text).toContain("过渡栏目上线：✅ 全部单位已完成（6月20日 23:59 截止）");
    expect(text).toContain("网站关停（6月21日–6月23日）：✅ 全部单位已完成");
    expect(text).not.toContain("已逾期");
  });
});

describe("changes since the last digest", () => {
  it("are net per item: a flip-flop is no change, a change made twice is one line", async () => {
    const deps = outgoingDeps(store, standin);
    const by = (actor: string, when: string) => ({ actor, at: at(when) });
    await setState(store.db, "jtsf/column", "done", by("U0LI", "2027-06-20T09:00:00+08:00"));
    await runDigest(deps, at("2027-06-20T17:00:00+08:00"));
    await setState(store.db, "jtsf/column", "todo", by("U0LI", "2027-06-21T09:10:00+08:00"));
    await setState(store.db, "jtsf/column", "done", by("U0LI", "2027-06-21T09:20:00+08:00"));
    await setState(store.db, "jtsf/backup", "doing", by("U0LI", "2027-06-21T10:00:00+08:00"));
    await setState(store.db, "jtsf/backup", "done", by("U0BOSS", "2027-06-21T11:00:00+08:00"));
    await setState(store.db, "jtda/site", "done", by("U0WANG", "2027-06-21T12:00:00+08:00"));
    await setState(store.db, "jtda/site", "todo", by("U0WANG", "2027-06-21T12:05:00+08:00"));
    const { digest } = await composeDigest(store.db, at("2027-06-21T17:00:00+08:00"));
    expect(digest.summary.changes.map((c) => [c.itemKey, c.from, c.to, c.actors])).toEqual([
      ["jtsf/backup", "todo", "done", ["U0LI", "U0BOSS"]],
    ]);
    const text = plain(digest.message);
    expect(text).toContain("变化（1 个单位，1 项）");
    expect(text).toContain("*区司法局*：数据备份/迁移 未开始 → 已完成（李明、<@U0BOSS>）");
    expect(text).not.toContain("*档案局*：");
  });

  it("names the units still open before each upcoming deadline", async () => {
    const by = { actor: "U0LI", at: at("2027-06-19T10:00:00+08:00") };
    const units = await store.db.unit.findMany({ select: { key: true }, orderBy: { position: "asc" } });
    for (const { key } of units.slice(0, -2)) await finishUnit(store.db, key, by);
    const text = plain((await composeDigest(store.db, at("2027-06-22T17:00:00+08:00"))).digest.message);
    expect(text).toContain("网站关停（6月21日–6月23日）：还剩 1 天（6月23日 23:59 截止），2 个单位未完成：区供销社、公积金中心");
  });

  it("lists exactly the audit trail's state changes since the last posted digest, then says when nothing changed", async () => {
    const deps = outgoingDeps(store, standin);
    await runDigest(deps, at("2027-06-20T17:00:00+08:00"));
    await script();
    const now = at("2027-06-21T17:00:00+08:00");
    const { digest } = await composeDigest(store.db, now);
    const audit = (await listAudit(store.db, { since: at("2027-06-20T17:00:00+08:00"), until: now })).filter((e) => e.field === "state");
    expect(audit.length).toBeGreaterThan(0);
    expect(digest.summary.since).toEqual(at("2027-06-20T17:00:00+08:00"));
    // Each item changed once here, so the net changes are the audit trail's, in 附件3 order.
    const byKey = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(byKey(digest.summary.changes.map((c) => [c.itemKey, c.from, c.to, c.actors.join(",")]))).toEqual(
      byKey(audit.map((e) => [e.itemKey!, e.fromValue!, e.toValue!, e.actor])),
    );
    const text = plain(digest.message);
    expect(text).toContain(`自上次日报（6月20日 17:00）以来的变化（3 个单位，${audit.length} 项）`);
    // One line per unit; people by name where the store knows it.
    expect(text).toContain("*区司法局*：网站关停 未开始 → 进行中、域名注销 jtpf.gov.cn 未开始 → 受阻（李明）");
    expect(text).toContain("*开发区*：数据备份/迁移 未开始 → 不适用（<@U0CHEN>）");

    await runDigest(deps, now);
    const next = await composeDigest(store.db, at("2027-06-22T17:00:00+08:00"));
    expect(next.digest.summary.changes).toEqual([]);
    expect(plain(next.digest.message)).toContain("自上次日报（6月21日 17:00）以来没有任何变化。");
  });
});

function syntheticCampaign(base: CampaignSnapshot, units: number): CampaignSnapshot {
  const out: CampaignSnapshot = { units: [], items: [], deadlines: base.deadlines, batches: base.batches };
  for (let n = 0; n < units; n++) {
    const unit = { ...base.units[n % base.units.length]!, id: n + 1, key: `u${n}`, name: `合成单位${n}`, position: n + 1, contacts: [] };
    unit.domains = [{ id: n + 1, name: `u${n}.gov.cn`, isSubdomain: false }];
    out.units.push(unit);
    const state = (["todo", "doing", "blocked", "done", "na"] as const)[n % 5]!;
    for (const task of [...UNIT_TASKS, "domain" as const]) {
      out.items.push({
        id: out.items.length + 1,
        key: itemKey(unit.key, task, `u${n}.gov.cn`),
        unitId: unit.id,
        batchId: 1,
        task,
        domain: task === "domain" ? `u${n}.gov.cn` : null,
        isSubdomain: false,
        state: task === "site" && state === "na" ? "done" : state,
        method: null,
        note: state === "blocked" ? `原因${n}` : null,
        expectedBy: null,
        updatedAt: null,
        updatedBy: null,
      });
    }
  }
  return out;
}

describe("a large campaign", () => {
  it.each([1_000, 10_000])("stays within Slack's limits with %i units and cuts every list", async (n) => {
    const big = syntheticCampaign(await readSnapshot(store.db), n);
    const entries = big.items.slice(0, 500).map((i, k) => ({
      id: k, at: at("2027-06-24T10:00:00+08:00"), actor: "U0LI", source: "slash" as const, unitId: i.unitId, unitName: `合成单位${i.unitId - 1}`,
      itemKey: i.key, field: "state", subject: null, fromValue: "todo", toValue: i.state, note: null,
    }));
    const digest = buildDigest(big, { since: at("2027-06-23T17:00:00+08:00"), entries }, at("2027-06-24T17:00:00+08:00"));
    expectWithinLimits(digest.message);
    expect(digest.truncated).toBe(true);
    const text = plain(digest.message);
    expect(text).toContain(`${n} 个单位中 *${(2 * n) / 5}* 个已全部完成`);
    expect(text).toMatch(/逾期单位（\d+ 个）[\s\S]*…及其他 \d+ 个单位/);
    expect(text).toMatch(/受阻事项（\d+ 项）[\s\S]*…及其他 \d+ 项/);
    expect(text).toMatch(/变化（\d+ 个单位，\d+ 项）[\s\S]*…及其他 \d+ 个单位/);
    // The change list ends saying how many units were left out: shown plus omitted is every unit that changed.
    const changes = /…及其他 (\d+) 个单位\n列表已截短/.exec(text);
    expect(changes, "the change list ends saying how many were left out").not.toBeNull();
    const shownChanges = (text.match(/^\*合成单位\d+\*：/gm) ?? []).length;
    expect(shownChanges + Number(changes![1])).toBe(new Set(digest.summary.changes.map((c) => c.unitName)).size);
    expect(text).toContain("完整表格见本消息下方的 CSV 附件");
  });
});

async function addUnits(count: number) {
  for (let n = 0; n < count; n++) {
    const unit = await store.db.unit.create({ data: { key: `extra${n}`, name: `新增单位${n}`, position: 100 + n, group: "department" } });
    for (const task of UNIT_TASKS) await store.db.checklistItem.create({ data: { key: itemKey(unit.key, task), unitId: unit.id, task } });
  }
}

describe("posting the digest", () => {
  const channelKeys = () => standin.messages(COORD_CHANNEL).map((m) => m.metadata?.event_payload.key);

  it("posts the scheduled digest once a day, across restarts and two processes at once", async () => {
    const other = await openStore(store.databaseUrl);
    try {
      const now = at("2027-06-21T17:00:00+08:00");
      await Promise.all([runDigest(outgoingDeps(store, standin), now), runDigest(outgoingDeps(other, standin), now)]);
      await runDigest(outgoingDeps(other, standin), at("2027-06-21T19:00:00+08:00"));
      expect(channelKeys()).toEqual(["digest:2027-06-21"]);
      await runDigest(outgoingDeps(store, standin), at("2027-06-22T17:00:00+08:00"));
      expect(channelKeys()).toEqual(["digest:2027-06-21", "digest:2027-06-22"]);
    } finally {
      await other.close();
    }
  });

  it("posts on demand every time, and the next digest counts changes from it", async () => {
    const deps = outgoingDeps(store, standin);
    await runDigest(deps, at("2027-06-21T17:00:00+08:00"));
    await postDigestNow(deps, at("2027-06-21T18:00:00+08:00"));
    await postDigestNow(deps, at("2027-06-21T18:05:00+08:00"));
    expect(standin.messages(COORD_CHANNEL)).toHaveLength(3);
    const { digest } = await composeDigest(store.db, at("2027-06-22T17:00:00+08:00"));
    expect(digest.summary.since).toEqual(at("2027-06-21T18:05:00+08:00"));
  });

  it("attaches the full table as a CSV, the same as npm run export, through Slack's upload flow", async () => {
    await addUnits(150);
    const deps = outgoingDeps(store, standin);
    const now = at("2027-06-24T17:00:00+08:00");
    const report = await runDigest(deps, now);
    expect(report.digest?.truncated).toBe(true);
    expect(standin.callsTo("files.getUploadURLExternal")).toHaveLength(1);
    expect(standin.callsTo("files.completeUploadExternal")).toHaveLength(1);
    const [file] = standin.files();
    const posted = standin.messages(COORD_CHANNEL).find((m) => m.metadata?.event_payload.key === "digest:2027-06-24");
    expect(file?.filename).toBe("shutdown-status-2027-06-24.csv");
    expect(file?.thread_ts).toBe(posted?.ts);
    expect(file?.content.toString("utf8")).toBe(formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "csv"));
    expect(plain({ text: "", blocks: (posted?.blocks ?? []) as never })).toContain("…及其他");

    await runDigest(deps, at("2027-06-24T18:00:00+08:00"));
    expect(standin.files()).toHaveLength(1);
  });

  it("previews without posting, and sends the export to a user's DM as a file", async () => {
    const deps = outgoingDeps(store, standin);
    const preview = await previewDigest(deps, at("2027-06-21T12:00:00+08:00"));
    expect(plain(preview)).toContain("预览，仅你可见");
    expectWithinLimits(preview);
    expect(standin.calls).toHaveLength(0);

    const sent = await sendExportToUser(deps, "U0BOSS", at("2027-06-21T12:00:00+08:00"), "csv");
    expect(sent.channel).toBe(standin.dmChannelOf("U0BOSS"));
    const [file] = standin.files();
    expect(file?.channel_id).toBe(standin.dmChannelOf("U0BOSS"));
    expect(file?.content.toString("utf8")).toBe(formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "csv"));
    // The file's comment is for coordinators in Slack, not for someone at the server.
    expect(JSON.stringify(standin.calls)).not.toContain("npm run export");
  });

  it("retries the upload after a 429 and still uploads the file once", async () => {
    standin.failNext("files.getUploadURLExternal", { kind: "ratelimited", retryAfterSeconds: 1 }, 1);
    await sendExportToUser(outgoingDeps(store, standin), "U0BOSS", at("2027-06-21T12:00:00+08:00"));
    expect(standin.files()).toHaveLength(1);
  });
});
