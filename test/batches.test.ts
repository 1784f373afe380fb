// Batches: 第二批 opened from a sheet beside 第一批, its reminders alone once 第一批 is closed, the
// sheet's problems refused row by row with nothing written, a contact of units in two batches
// reminded once, batch by batch, and the migration that made the existing data 第一批.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../src/cli/batch-command.ts";
import { bareEnvironment } from "../src/config/environment.ts";
import { parseBatchDates } from "../src/domain/batch-rules.ts";
import { batchSnapshot, type CampaignSnapshot } from "../src/domain/model/records.ts";
import { planReminders } from "../src/domain/reminder-planner.ts";
import { summarizeCampaign } from "../src/domain/digest-summary.ts";
import { buildDigestMessage } from "../src/slack/blocks/digest-blocks.ts";
import { overviewMessage } from "../src/slack/blocks/overview-blocks.ts";
import { buildStatusRows, formatStatusRows } from "../src/export/status-export.ts";
import { buildReminderMessage } from "../src/slack/blocks/reminder-blocks.ts";
import { SqliteCampaignReader } from "../src/store/campaign-reader.ts";
import { parseCsv } from "../src/export/csv.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { listMigrations } from "../src/store/migrations.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { blocksToPlainText } from "./helpers/plain-text.ts";
import { outputOf, useRehearsal } from "./helpers/sandbox-process.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";
import { nodeArgs } from "./helpers/entry-point.ts";

const run = promisify(execFile);
const FIXTURE = new URL("./fixtures/batch-2-units.csv", import.meta.url).pathname;
const SCRIPT = fs.readFileSync(new URL("./fixtures/batch-2-rehearsal.txt", import.meta.url), "utf8");
const JULY = new Date("2027-07-20T10:00:00+08:00");

/** `npm run batch` on a test store, at `now`. */
async function batch(store: TestStore, args: string[], now = JULY) {
  let out = "";
  let err = "";
  const code = await runBatch({ db: store.db, now, actor: "cli:test", out: (t) => (out += t), err: (t) => (err += `${t}\n`) }, args);
  return { code, out, err };
}

const ADD_SECOND = ["add", "第二批", "--transition-due", "2027-08-20", "--window", "2027-08-21..2027-08-23", "--units", FIXTURE];


describe("a rehearsal of 第二批 in the sandbox, after 第一批", () => {
  const rehearsal = useRehearsal(SCRIPT);

  it("adds 第二批 from the sheet, and refuses 第三批 with every problem by row and column", () => {
    const added = outputOf(rehearsal.run().stdout, "协调员（你）> :batch add 第二批 --transition-due 2027-08-20 --window 2027-08-21..2027-08-23 --units test/fixtures/batch-2-units.csv");
    expect(added).toContain("已新建「第二批」：3 个单位，22 个事项，2 个截止时间");
    expect(added).toContain("区图书馆：unit_key 自动生成为 qtsg");
    const refused = outputOf(rehearsal.run().stdout, "协调员（你）> :batch add 第三批 --transition-due 2027-07-01 --window 2027-09-23..2027-09-21 --units test/fixtures/batch-2-units.csv");
    expect(refused).toContain("新建批次失败，未写入任何数据");
    expect(refused).toContain("--transition-due 2027-07-01 已经过去");
    expect(refused).toContain("--window 2027-09-23..2027-09-21 的结束日期早于开始日期");
    expect(refused).toContain("第2行 列domains：域名 jtwhg.gov.cn 已在第二批（区文化馆）中，尚未结束");
    expect(refused).toContain("第3行 列unit_name：「区图书馆」已是现有单位（unit_key qtsg，在第二批中）");
  });

  it("names the batch of each deadline once there are two, and moves 第二批's by its name", () => {
    const list = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown deadlines");
    expect(list.indexOf("*📋 第二批*")).toBeLessThan(list.indexOf("*📋 第一批*（已结束，不再提醒）"));
    expect(list).toContain("*过渡栏目上线*（`第二批/transition`）　8月20日 23:59 截止");
    const moved = outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown deadline 第二批 transition 2027-08-20 18:00");
    expect(moved).toContain("已修改「第二批 过渡栏目上线」截止时间：2027-08-20 23:59 → 2027-08-20 18:00");
  });

  it("sends 第二批's reminders only in August: 王芳 hears of 区文化馆 and 区图书馆, not of 档案局", () => {
    const august = outputOf(rehearsal.run().stdout, "协调员（你）> :now 2027-08-13 09:00");
    const dms = august.split("✉ 私信 → ").slice(1);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatch(/^王芳 \(U0WANGFANG\)/);
    expect(dms[0]).toContain("王芳，你负责的 2 个单位还有 4 项工作未完成：");
    expect(dms[0]).toContain("*🏢 区文化馆*");
    expect(dms[0]).toContain("*🏢 区图书馆*");
    expect(dms[0]).toContain("*过渡栏目* · 截止 8月20日 18:00 · 还剩 7 天");
    expect(august).not.toContain("档案局");
    expect(august).not.toContain("6月");
    // The one unit of 第二批 nobody was assigned to goes to the coordinators.
    expect(august).toContain("*金城镇* · 今天应提醒：过渡栏目、数据备份/迁移");
    expect(august).not.toContain("逾期未完成的单位");
  });

  it("shows the open batch in the overview and its progress in batch list", () => {
    expect(outputOf(rehearsal.run().stdout, "协调员（你）> /shutdown overview")).toContain("■ 总览：0/3 个单位已全部完成");
    const list = outputOf(rehearsal.run().stdout, "协调员（你）> :batch list");
    expect(list).toContain("第一批（已结束 7月20日 10:00）：38 个单位，完成 0/269 项（0%）");
    expect(list).toContain("第二批（进行中）：3 个单位，完成 1/22 项（4%）");
    expect(list).toContain("过渡栏目上线：8月20日 18:00 截止");
    expect(list).toContain("网站关停：8月21日–8月23日");
  });

  it("exports 第一批's rows as they were before 第二批, apart from the batch column", () => {
    const before = outputOf(rehearsal.run().stdout, "协调员（你）> :export csv").trim().split("\n");
    const after = outputOf(rehearsal.run().stdout, "协调员（你）> :export").trim().split("\n");
    expect(before[0]).toBe("unit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence");
    // NOTE: the last three columns are what the probes found, and the sandbox's hourly verification
    // passes go on between the two exports: the rows compared are the checklist's, up to the batch.
    const checklist = (lines: string[], batch: string) =>
      parseCsv(lines.join("\n"))
        .filter((cells) => cells[11] === batch)
        .map((cells) => cells.slice(0, 12));
    const first = checklist(after, "第一批");
    expect(first).toEqual(checklist(before, "第一批"));
    const second = checklist(after, "第二批");
    expect(second).toHaveLength(22);
    expect(second).toContainEqual(["区图书馆", "qtsg", "domain", "www.jtlib.cn", "todo", "", "", "", "", "第二批/shutdown", "2027-08-23T23:59:59+08:00", "第二批"]);
    expect(after[0]).toBe(before[0]);
    expect(first).toHaveLength(269);
  });

  it("runs every other line of the script", () => {
    // The refused 第三批 is the only line that fails.
    expect(rehearsal.run().stdout.match(/✗/g)).toHaveLength(1);
    expect(rehearsal.run().stdout).not.toContain("没看懂");
  });
});

describe("npm run batch on a store with 第一批", () => {
  let store: TestStore;
  let dir: string;
  beforeAll(async () => {
    store = await createTestStore();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-sheets-"));
  });
  afterAll(async () => {
    await store.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sheet = (name: string, rows: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, ["unit_name,unit_key,group,government_room,domains", ...rows].join("\n"));
    return file;
  };
  const exportOf = async () => formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json");
  const counts = async () => ({
    batches: await store.db.batch.count(),
    units: await store.db.unit.count(),
    items: await store.db.checklistItem.count(),
    deadlines: await store.db.deadline.count(),
    audit: await store.db.auditEntry.count(),
  });

  it.each([
    ["a unit name twice in the sheet", ["区文化馆,,department,no,a1.gov.cn", "区文化馆,,department,no,a2.gov.cn"], "第3行 列unit_name：单位名称与第2行重复"],
    ["a domain twice in the sheet", ["甲单位,,department,no,a1.gov.cn", "乙单位,,township,no,a1.gov.cn"], "第3行 列domains：域名 a1.gov.cn 与第2行重复"],
    ["a domain of an open batch", ["甲单位,,department,no,jtda.gov.cn"], "第2行 列domains：域名 jtda.gov.cn 已在第一批（档案局）中，尚未结束"],
    ["a unit name of an open batch", ["档案局,,department,no,a1.gov.cn"], "第2行 列unit_name：「档案局」已是现有单位（unit_key jtda，在第一批中）"],
    ["an unknown group", ["甲单位,,bureau,no,a1.gov.cn"], "第2行 列group：未知分组「bureau」"],
    ["a key of another unit", ["甲单位,jtda,department,no,a1.gov.cn"], "第2行 列unit_key：unit_key jtda 是现有单位「档案局」的"],
    ["no domain", ["甲单位,,department,no,"], "第2行 列domains：缺少域名"],
    ["a government_room that is not yes or no", ["甲单位,,department,maybe,a1.gov.cn"], "第2行 列government_room：「maybe」应为 yes"],
    ["a column missing", null, "第1行：缺少列 domains"],
  ])("refuses %s with its row and column, and writes nothing", async (_, rows, problem) => {
    const file = rows ? sheet("bad.csv", rows) : path.join(dir, "no-domains.csv");
    if (!rows) fs.writeFileSync(file, "unit_name,unit_key,group,government_room\n甲单位,,department,no\n");
    const [before, exported] = [await counts(), await exportOf()];
    const result = await batch(store, ["add", "第二批", "--transition-due", "2027-08-20", "--window", "2027-08-21..2027-08-23", "--units", file]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("新建批次失败，未写入任何数据");
    expect(result.err).toContain(problem);
    expect(await counts()).toEqual(before);
    expect(await exportOf()).toBe(exported);
  });

  it.each([
    [{ transitionDue: "2027-07-01", window: "2027-08-21..2027-08-23" }, "--transition-due 2027-07-01 已经过去（现在是 2027-07-20 10:00）"],
    [{ transitionDue: "2027-08-20", window: "2027-08-23..2027-08-21" }, "--window 2027-08-23..2027-08-21 的结束日期早于开始日期"],
    [{ transitionDue: "2027-08-20", window: "2027-07-01..2027-07-02" }, "--window 2027-07-01..2027-07-02 已经结束"],
    [{ transitionDue: "8月20日", window: "2027-08-21..2027-08-23" }, "--transition-due「8月20日」看不懂"],
    [{ transitionDue: "2027-08-20", window: "2027-08-21" }, "--window「2027-08-21」看不懂"],
    [{ window: "2027-08-21..2027-08-23" }, "缺少 --transition-due"],
  ])("refuses the dates %j", (input, problem) => {
    const parsed = parseBatchDates(input, JULY);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join("\n")).toContain(problem);
  });

  it("takes a due time and makes the window whole days, Shanghai", () => {
    const parsed = parseBatchDates({ transitionDue: "2027-08-20 18:00", window: "2027-08-21..2027-08-23" }, JULY);
    expect(parsed).toEqual({
      ok: true,
      dates: {
        transitionDue: new Date("2027-08-20T18:00:00+08:00"),
        windowOpens: new Date("2027-08-21T00:00:00+08:00"),
        windowEnds: new Date("2027-08-23T23:59:59+08:00"),
      },
    });
  });

  it("adds 第二批 with its items, deadlines and audit entries, leaving 第一批's export as it was", async () => {
    const before = await readSnapshot(store.db);
    const result = await batch(store, ADD_SECOND);
    expect(result.code, result.err).toBe(0);
    const after = await readSnapshot(store.db);
    const second = after.batches.find((b) => b.name === "第二批")!;
    expect(JSON.stringify(buildStatusRows(batchSnapshot(after, 1)))).toBe(JSON.stringify(buildStatusRows(before)));
    const part = batchSnapshot(after, second.id);
    expect(part.units.map((u) => [u.key, u.name, u.group, u.governmentRoom, u.domains.map((d) => d.name)])).toEqual([
      ["jtwhg", "区文化馆", "department", false, ["jtwhg.gov.cn"]],
      ["qtsg", "区图书馆", "department", true, ["jtlib.gov.cn", "www.jtlib.cn"]],
      ["jtjc", "金城镇", "township", false, ["jtjc.gov.cn"]],
    ]);
    expect(part.items.map((i) => i.key)).toContain("jtwhg/column");
    expect(part.deadlines.map((d) => [d.key, d.opensAt?.toISOString() ?? null, d.dueAt.toISOString()])).toEqual([
      ["第二批/transition", null, "2027-08-20T15:59:59.000Z"],
      ["第二批/shutdown", "2027-08-20T16:00:00.000Z", "2027-08-23T15:59:59.000Z"],
    ]);
    const audit = await store.db.auditEntry.findMany({ where: { field: { startsWith: "batch" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.field, a.subject, a.actor, a.source])).toEqual([
      ["batch.unit", "第二批", "cli:test", "cli"],
      ["batch.unit", "第二批", "cli:test", "cli"],
      ["batch.unit", "第二批", "cli:test", "cli"],
      ["batch", "第二批", "cli:test", "cli"],
    ]);
    // The export filtered to a batch, and its batch column.
    expect(formatStatusRows(buildStatusRows(part), "csv").split("\r\n")[1]).toBe(
      "区文化馆,jtwhg,column,,todo,,,,,第二批/transition,2027-08-20T23:59:59+08:00,第二批,,,",
    );
    expect((await batch(store, ["add", "第二批", ...ADD_SECOND.slice(2)])).err).toContain("已有名为「第二批」的批次");
    // Two open batches: the overview (and App Home, which shows it) has one section each, the
    // latest first; the digest names each batch's deadlines, 第二批's first.
    const overview = blocksToPlainText(overviewMessage(after, JULY).blocks);
    expect(overview.indexOf("第二批：0/3 个单位已全部完成")).toBeGreaterThan(-1);
    expect(overview.indexOf("第二批：0/3 个单位已全部完成")).toBeLessThan(overview.indexOf("第一批：0/38 个单位已全部完成"));
    const digest = summarizeCampaign(after, { since: null, entries: [] }, JULY);
    expect(digest.deadlines.map((d) => `${d.batchName} ${d.deadline.key} ${d.pendingUnits}`)).toEqual([
      "第二批 第二批/transition 3",
      "第二批 第二批/shutdown 3",
      "第一批 transition 38",
      "第一批 shutdown 38",
    ]);
    // One table of the tasks per batch, 第二批's first: its 3 units do not pull 第一批's 38 down.
    expect(digest.tasks.map((t) => [t.batchName, t.counts.find((c) => c.task === "column")!.total])).toEqual([
      ["第二批", 3],
      ["第一批", 38],
    ]);
    const digestText = blocksToPlainText(buildDigestMessage(digest).message.blocks);
    expect(digestText.indexOf("第二批 · 各项进度")).toBeGreaterThan(-1);
    expect(digestText.indexOf("第二批 · 各项进度")).toBeLessThan(digestText.indexOf("第一批 · 各项进度"));
  });

  it("npm run export -- --batch 第二批 prints that batch's rows only, and names the batches there are for an unknown one", async () => {
    const env = bareEnvironment({ DATABASE_URL: store.databaseUrl, CAMPAIGN_YEAR: "2027" });
    const json = await run(process.execPath, nodeArgs("scripts/export.ts", "--format", "json", "--batch", "第二批"), { env });
    const rows = JSON.parse(json.stdout) as { unit_key: string; batch: string }[];
    expect(rows).toHaveLength(22);
    expect(new Set(rows.map((r) => r.batch))).toEqual(new Set(["第二批"]));
    expect(new Set(rows.map((r) => r.unit_key))).toEqual(new Set(["jtwhg", "qtsg", "jtjc"]));
    const unknown = await run(process.execPath, nodeArgs("scripts/export.ts", "--batch", "第九批"), { env }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in unknown && unknown.code).toBe(2);
    expect(unknown.stderr).toContain("没有名为「第九批」的批次。现有：第一批、第二批");
  });

  it("keeps one identity for a unit named by its key in a later batch: its new items carry the batch's name", async () => {
    const file = sheet("third.csv", ["档案局,jtda,department,no,jtda-new.gov.cn"]);
    const result = await batch(store, ["add", "第三批", "--transition-due", "2027-09-20", "--window", "2027-09-21..2027-09-23", "--units", file]);
    expect(result.code, result.err).toBe(0);
    expect(await store.db.unit.count({ where: { name: "档案局" } })).toBe(1);
    const items = await store.db.checklistItem.findMany({ where: { unit: { key: "jtda" } }, orderBy: { id: "asc" }, select: { key: true, batchId: true } });
    expect(items.filter((i) => i.batchId === 1).map((i) => i.key)).toContain("jtda/site");
    expect(items.filter((i) => i.batchId !== 1).map((i) => i.key)).toEqual([
      "第三批/jtda/column",
      "第三批/jtda/backup",
      "第三批/jtda/site",
      "第三批/jtda/unbind",
      "第三批/jtda/icp",
      "第三批/jtda/ipicp",
      "第三批/jtda/domain/jtda-new.gov.cn",
    ]);
  });

  it("reminds a contact of units in two batches in one DM, batch by batch, the latest first; closing a batch ends its reminders", async () => {
    await addContact(store.db, "jtsf", { name: "王芳", slackUserId: "U0WANG" });
    await addContact(store.db, "jtwhg", { name: "王芳", slackUserId: "U0WANG" });
    const now = new Date("2027-08-13T09:00:00+08:00");
    const plan = planReminders(await readSnapshot(store.db), now);
    const mine = plan.reminders.filter((r) => r.userId === "U0WANG");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.work.map((w) => `${w.batch.name} ${w.unit.name} ${w.deadline.key}`)).toEqual([
      "第二批 区文化馆 第二批/transition",
      "第一批 区司法局 transition",
      "第一批 区司法局 shutdown",
    ]);
    const text = blocksToPlainText(buildReminderMessage(mine[0]!, now).blocks);
    expect(text.indexOf("📋 第二批")).toBeGreaterThan(-1);
    expect(text.indexOf("📋 第二批")).toBeLessThan(text.indexOf("区文化馆"));
    expect(text.indexOf("📋 第一批")).toBeGreaterThan(text.indexOf("区文化馆"));
    expect(text.indexOf("📋 第一批")).toBeLessThan(text.indexOf("区司法局"));

    expect((await batch(store, ["close", "第一批"], now)).err).toContain("「第一批」已结束");
    const closed = planReminders(await readSnapshot(store.db), now).reminders.find((r) => r.userId === "U0WANG")!;
    expect(closed.work.map((w) => w.batch.name)).toEqual(["第二批"]);
    expect(blocksToPlainText(buildReminderMessage(closed, now).blocks)).not.toContain("📋");
    expect((await batch(store, ["close", "第一批"], now)).err).toContain("早已结束");
    expect((await batch(store, ["close", "第九批"], now)).err).toContain("没有名为「第九批」的批次");
  });
});

describe("the migration that made the existing data 第一批", () => {
  const BATCHES = listMigrations().find((m) => m.endsWith("_batches"))!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-migration-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sqlOf = (name: string) => fs.readFileSync(path.join("prisma", "migrations", name, "migration.sql"), "utf8");
  const TABLES = ["Unit", "Domain", "Contact", "UnitContact", "ChecklistItem", "Deadline", "AuditEntry", "Delivery", "JoinRequest", "Coordinator"];
  const dump = (db: Database.Database) =>
    Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]));

  it("keeps every state, note, contact, audit entry and delivery record, and puts every item and deadline in 第一批", async () => {
    const file = path.join(dir, "campaign.db");
    const db = new Database(file);
    for (const m of listMigrations().filter((m) => m < BATCHES)) db.exec(sqlOf(m));
    db.exec(`
      INSERT INTO "Unit" (id, key, name, position, "group", governmentRoom, icpNumber, localTelecom, createdAt) VALUES
        (1, 'jtda', '档案局', 1, 'department', 1, '苏ICP备12345678号', 1, '2027-05-01T00:00:00.000+00:00'),
        (2, 'jtsf', '区司法局', 2, 'department', 0, NULL, NULL, '2027-05-01T00:00:00.000+00:00');
      INSERT INTO "Domain" (id, unitId, name, isSubdomain, position) VALUES (1, 1, 'jtda.gov.cn', 0, 1), (2, 2, 'jtpf.gov.cn', 0, 1);
      INSERT INTO "Contact" (id, slackUserId, name, phone, createdAt) VALUES (1, 'U0WANG', '王芳', '13800000000', '2027-05-02T00:00:00.000+00:00');
      INSERT INTO "UnitContact" (unitId, contactId, createdAt) VALUES (1, 1, '2027-05-02T00:00:00.000+00:00');
      INSERT INTO "ChecklistItem" (id, key, unitId, task, domainId, state, method, note, expectedBy, updatedAt, updatedBy) VALUES
        (1, 'jtda/site', 1, 'site', NULL, 'blocked', NULL, '等待电信回复', NULL, '2027-06-21T02:00:00.000+00:00', 'U0WANG'),
        (2, 'jtda/domain/jtda.gov.cn', 1, 'domain', 1, 'done', 'cancelled', NULL, NULL, '2027-06-22T02:00:00.000+00:00', 'U0WANG'),
        (3, 'jtsf/icp', 2, 'icp', NULL, 'doing', NULL, '工信部审核中', '2027-07-10T15:59:59.000+00:00', '2027-06-22T03:00:00.000+00:00', 'cli:admin');
      INSERT INTO "Deadline" (id, key, title, opensAt, dueAt, tasks, updatedAt, updatedBy) VALUES
        (1, 'transition', '过渡栏目上线', NULL, '2027-06-20T15:59:59.000+00:00', 'column,backup', NULL, NULL),
        (2, 'shutdown', '网站关停', '2027-06-20T16:00:00.000+00:00', '2027-06-25T10:00:00.000+00:00', 'site,unbind,domain,icp,ipicp', '2027-06-12T01:00:00.000+00:00', 'U0COORD');
      INSERT INTO "AuditEntry" (id, at, actor, source, unitId, itemId, field, fromValue, toValue, note) VALUES
        (1, '2027-06-21T02:00:00.000+00:00', 'U0WANG', 'slash', 1, 1, 'state', 'todo', 'blocked', '等待电信回复'),
        (2, '2027-06-12T01:00:00.000+00:00', 'U0COORD', 'slash', NULL, NULL, 'deadline.dueAt', '2027-06-23T15:59:59.000Z', '2027-06-25T10:00:00.000Z', NULL);
      INSERT INTO "Delivery" (id, key, kind, target, status, attempts, payload, channel, ts, createdAt, sentAt) VALUES
        (1, 'reminder:2027-06-21:U0WANG', 'reminder', 'U0WANG', 'sent', 1, '{"text":"…"}', 'D0WANG', '1.2', '2027-06-21T01:00:00.000+00:00', '2027-06-21T01:00:01.000+00:00');
    `);
    const before = dump(db);
    db.exec(sqlOf(BATCHES));
    const after = dump(db);
    for (const table of TABLES) {
      const stripped = after[table]!.map(({ batchId: _, ...row }) => row);
      expect(stripped, table).toEqual(before[table]);
    }
    expect(after.ChecklistItem!.map((i) => i.batchId)).toEqual([1, 1, 1]);
    expect(after.Deadline!.map((d) => [d.key, d.batchId])).toEqual([
      ["transition", 1],
      ["shutdown", 1],
    ]);
    expect(db.prepare(`SELECT id, name, closedAt, createdAt FROM "Batch"`).all()).toEqual([
      { id: 1, name: "第一批", closedAt: null, createdAt: "2027-05-01T00:00:00.000+00:00" },
    ]);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // The migrations after it, as a store that is opened applies them, then read back as the bot reads it.
    for (const m of listMigrations().filter((m) => m > BATCHES)) db.exec(sqlOf(m));
    db.close();

    // Read back as the bot reads it: today's keys, in 第一批.
    const reader = new SqliteCampaignReader(file);
    try {
      const snapshot: CampaignSnapshot = await reader.snapshot();
      expect(snapshot.items.map((i) => [i.key, i.state, i.note, i.batchId])).toEqual([
        ["jtda/site", "blocked", "等待电信回复", 1],
        ["jtda/domain/jtda.gov.cn", "done", null, 1],
        // The ICP filings' migration, later, gives a unit with a 备案号 its icp item.
        ["jtda/icp", "todo", null, 1],
        ["jtsf/icp", "doing", "工信部审核中", 1],
      ]);
      expect((await reader.batches()).map((b) => b.name)).toEqual(["第一批"]);
      expect((await reader.unitWithItems("jtda"))?.unit.contacts.map((c) => c.name)).toEqual(["王芳"]);
    } finally {
      reader.close();
    }
  });
});
