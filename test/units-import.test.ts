import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../src/export/csv.ts";
import { buildStatusRows, formatStatusRows } from "../src/export/status-export.ts";
import { listUnits, readSnapshot } from "../src/store/campaign-repository.ts";
import { unitsCommand } from "../src/cli/units-command.ts";
import type { CliContext } from "../src/cli/cli-context.ts";
import { parseConfig, type Config } from "../src/config/env-schema.ts";
import { SHEET_LIMITS } from "../src/units/read-sheet-file.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

let store: TestStore;
beforeEach(async () => {
  store = await createTestStore();
});
afterEach(async () => {
  await store.cleanup();
});

const NOW = new Date("2027-06-02T09:00:00+08:00");

async function runUnits(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = (parseConfig({ DATABASE_URL: store.databaseUrl }) as { config: Config }).config;
  const ctx: CliContext = {
    args,
    config,
    store,
    now: NOW,
    clock: () => NOW,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    actor: "cli:tester",
  };
  const code = await unitsCommand(ctx);
  return { code, out: out.join(""), err: err.join("\n") };
}

function writeSheet(rows: string[][]) {
  const file = path.join(store.dir, "units.csv");
  const [header, ...body] = rows;
  fs.writeFileSync(file, toCsv(header!, body));
  return file;
}

async function sheet() {
  const { out } = await runUnits(["export"]);
  return parseCsv(out);
}

function setCell(rows: string[][], unitKey: string, column: string, value: string) {
  const c = rows[0]!.indexOf(column);
  const row = rows.find((r) => r[0] === unitKey)!;
  row[c] = value;
}

describe("csv", () => {
  it.each([
    [[["a", "b"]], "a,b"],
    [[["含,逗号", '含"引号', "多\n行"]], '"含,逗号","含""引号","多\n行"'],
  ])("round-trips %j", (rows) => {
    const text = toCsv(["x", "y", "z"].slice(0, rows[0]!.length), rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(text).slice(1)).toEqual(rows);
  });

  it("reads files without a BOM and with LF line ends", () => {
    expect(parseCsv("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
  });
});

describe("npm run units -- export", () => {
  it("writes one row per unit with its key, domains and empty facts, as UTF-8 CSV with BOM", async () => {
    const { code, out } = await runUnits(["export"]);
    expect(code).toBe(0);
    expect(out.startsWith("\uFEFFunit_key,unit_name,group,government_room,domains,icp_number")).toBe(true);
    const rows = parseCsv(out);
    expect(rows).toHaveLength(39);
    expect(rows.find((r) => r[0] === "jtsf")?.slice(0, 5)).toEqual(["jtsf", "区司法局", "department", "no", "jtpf.gov.cn jtsfxz.gov.cn"]);
  });

  it("writes JSON with contacts and facts", async () => {
    const { out } = await runUnits(["export", "--format", "json"]);
    const units = JSON.parse(out);
    expect(units).toHaveLength(38);
    expect(units[14]).toMatchObject({ key: "jtga", domains: [{ name: "jt.czsga.gov.cn", isSubdomain: true }], localTelecom: null });
  });
});

describe("npm run units -- import", () => {
  it("applies facts and contacts, with an audit entry per change, and exports them back", async () => {
    const rows = await sheet();
    setCell(rows, "jtda", "icp_number", "苏ICP备12345678号");
    setCell(rows, "jtda", "local_telecom", "是");
    setCell(rows, "jtda", "migrate_data", "no");
    setCell(rows, "jtda", "contact_name", "王芳");
    setCell(rows, "jtda", "contact_phone", "0519-82900326");
    setCell(rows, "jtda", "contact_email", "wangfang@jtda.gov.cn");
    setCell(rows, "jtda", "contact_slack_id", "U0WANG");
    const second = [...rows.find((r) => r[0] === "jtda")!];
    second[10] = "李强";
    second[11] = "13800000000";
    second[12] = "";
    second[13] = "U0LI";
    rows.push(second);

    const result = await runUnits(["import", writeSheet(rows)]);
    expect(result.err).toContain("导入完成");
    expect(result.code).toBe(0);

    const unit = (await listUnits(store.db)).find((u) => u.key === "jtda")!;
    expect(unit).toMatchObject({ icpNumber: "苏ICP备12345678号", localTelecom: true, migrateData: false, secondLevel: null });
    expect(unit.contacts.map((c) => [c.name, c.slackUserId, c.phone])).toEqual([
      ["王芳", "U0WANG", "0519-82900326"],
      ["李强", "U0LI", "13800000000"],
    ]);
    const audit = await store.db.auditEntry.findMany({ where: { unitId: unit.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.source, a.actor])).toEqual([
      ["unit.icpNumber", null, "苏ICP备12345678号", "cli", "cli:tester"],
      ["unit.localTelecom", null, "yes", "cli", "cli:tester"],
      ["unit.migrateData", null, "no", "cli", "cli:tester"],
      // The sheet's 备案号 is the unit's first filing's.
      ["icp.number", null, "苏ICP备12345678号", "cli", "cli:tester"],
      // No data to migrate: the system makes 数据备份/迁移 不适用, as `set migrate no` does.
      ["state", "todo", "na", "system", "system"],
      // 区电信接入: the filing's cancellation goes through the center, from its first step.
      ["icp.step", "todo", "pending", "system", "system"],
      ["contact", null, "王芳 (U0WANG)", "cli", "cli:tester"],
      ["contact", null, "李强 (U0LI)", "cli", "cli:tester"],
    ]);
    expect(await store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/backup" } })).toMatchObject({ state: "na", note: "没有数据需要迁移" });
    // The new contacts are owed a welcome, as after assign: without a Slack token the CLI plans
    // them into the delivery log, and the bot's next reminder pass sends them.
    expect(result.err).toContain("2 位新联系人的欢迎私信已排好");
    const welcomes = await store.db.delivery.findMany({ where: { kind: "welcome" }, orderBy: { target: "asc" } });
    expect(welcomes.map((w) => [w.target, w.status])).toEqual([
      ["U0LI", "pending"],
      ["U0WANG", "pending"],
    ]);
    expect(JSON.parse(welcomes[1]!.payload).text).toContain("档案局");

    // Importing the exported sheet again changes nothing.
    const again = await runUnits(["import", writeSheet(await sheet())]);
    expect(again.err).toContain("共 0 处修改");
    expect(again.err).not.toContain("欢迎私信");
    expect(await store.db.delivery.count({ where: { kind: "welcome" } })).toBe(2);
    expect(await store.db.auditEntry.count({ where: { unitId: unit.id } })).toBe(8);
  });

  it("lets second_level=no make IP备案 不适用, and a blank reopen it, but never over a person's report", async () => {
    let rows = await sheet();
    setCell(rows, "jtda", "second_level", "no");
    setCell(rows, "jtsf", "second_level", "否");
    await store.db.checklistItem.update({ where: { key: "jtsf/ipicp" }, data: { state: "doing", updatedBy: "U0LI", updatedAt: new Date() } });
    const first = await runUnits(["import", writeSheet(rows)]);
    expect(first.code).toBe(0);
    expect(first.err).toContain("区司法局：「IP备案」是U0LI报告的「进行中」，没有自动改为不适用。如果确实不需要，请输入：/shutdown 区司法局 na ipicp 没有二级域名系统");
    const state = async (key: string) => (await store.db.checklistItem.findUniqueOrThrow({ where: { key } })).state;
    expect(await state("jtda/ipicp")).toBe("na");
    expect(await state("jtsf/ipicp")).toBe("doing");
    rows = await sheet();
    setCell(rows, "jtda", "second_level", "");
    expect((await runUnits(["import", writeSheet(rows)])).code).toBe(0);
    expect(await state("jtda/ipicp")).toBe("todo");
  });

  it("removes a contact left out of the sheet", async () => {
    const rows = await sheet();
    setCell(rows, "jtjx", "contact_name", "赵六");
    await runUnits(["import", writeSheet(rows)]);
    setCell(rows, "jtjx", "contact_name", "");
    await runUnits(["import", writeSheet(rows)]);
    const unit = (await listUnits(store.db)).find((u) => u.key === "jtjx")!;
    expect(unit.contacts).toEqual([]);
    const last = await store.db.auditEntry.findFirst({ where: { unitId: unit.id }, orderBy: { id: "desc" } });
    expect([last?.field, last?.fromValue, last?.toValue]).toEqual(["contact", "赵六", null]);
  });

  it("reports every bad cell as 第N行 列X and writes nothing", async () => {
    const rows = await sheet();
    const before = formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json");
    const auditBefore = await store.db.auditEntry.count();
    setCell(rows, "jtfzb", "icp_number", "苏ICP备12345678号"); // valid, must not be applied
    setCell(rows, "jtez", "icp_number", "12345678");
    setCell(rows, "jtms", "contact_name", "张三");
    setCell(rows, "jtms", "contact_email", "not-an-email");
    setCell(rows, "xuebu", "local_telecom", "maybe");
    setCell(rows, "zhixi", "contact_slack_id", "alice");
    setCell(rows, "zhixi", "contact_name", "");
    rows.find((r) => r[0] === "rulin")![0] = "nosuchunit";

    const result = await runUnits(["import", writeSheet(rows)]);

    expect(result.code).toBe(1);
    expect(result.err).toContain("未写入任何数据");
    // header is 第1行; 法制办 is 第2行, 开发区 第3行 …
    expect(result.err).toContain("第3行 列icp_number：备案号格式应为「苏ICP备12345678号」");
    expect(result.err).toContain("第4行 列contact_email：邮箱格式不正确");
    expect(result.err).toContain("第6行 列local_telecom：「maybe」应为 yes、no 或留空");
    expect(result.err).toContain("第7行 列contact_slack_id：Slack 用户 ID 以 U 或 W 开头");
    expect(result.err).toContain("第7行 列contact_name：填写了联系方式但缺少联系人姓名");
    expect(result.err).toContain("第10行 列unit_key：未找到单位「nosuchunit」");
    expect((await listUnits(store.db)).find((u) => u.key === "jtfzb")?.icpNumber).toBeNull();
    expect(await store.db.auditEntry.count()).toBe(auditBefore);
    expect(formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "json")).toBe(before);
  });

  it("rejects two rows of one unit that disagree on a fact", async () => {
    const rows = await sheet();
    const copy = [...rows.find((r) => r[0] === "jtda")!];
    copy[7] = "yes";
    rows.push(copy);
    const result = await runUnits(["import", writeSheet(rows)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("第40行 列local_telecom：与第11行（同一单位 jtda）不一致");
  });

  it("explains its usage when called without an action", async () => {
    const result = await runUnits([]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("npm run units -- import FILE.csv");
  });
});

describe("npm run units -- import of a broken file", () => {
  /** 开发区 (jtez) with a contact and a sponsor, as a real sheet would have left it. */
  async function startingPoint() {
    const rows = await sheet();
    setCell(rows, "jtez", "sponsor_name", "开发区管委会");
    setCell(rows, "jtez", "local_telecom", "yes");
    setCell(rows, "jtez", "contact_name", "赵六");
    setCell(rows, "jtez", "contact_slack_id", "U0ZHAO");
    expect((await runUnits(["import", writeSheet(rows)])).code).toBe(0);
    return { units: (await runUnits(["export", "--format", "json"])).out, audit: await store.db.auditEntry.count() };
  }

  it.each([
    ["units-short-row.csv", "第3行 列government_room：这一行只有 3 列，表头有 14 列。缺少的列不会当作“清空”"],
    ["units-extra-cell.csv", "第2行 列15：这一行有 15 列，表头只有 14 列"],
    ["units-unclosed-quote.csv", "第2行 列sponsor_name：引号 \" 没有闭合"],
    ["units-invalid-utf8.csv", "第3行 列sponsor_name：含有不是 UTF-8 的字符"],
  ])("refuses %s, says where, and writes nothing", async (name, expected) => {
    const before = await startingPoint();
    const result = await runUnits(["import", fixture(name)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("导入失败，未写入任何数据");
    expect(result.err).toContain(expected);
    expect((await runUnits(["export", "--format", "json"])).out).toBe(before.units);
    expect(await store.db.auditEntry.count()).toBe(before.audit);
  });

  it("refuses a cell over the limit and a file over the limit, before reading it all", async () => {
    const before = await startingPoint();
    const rows = await sheet();
    setCell(rows, "jtez", "sponsor_name", "开".repeat(SHEET_LIMITS.cellChars + 1));
    const long = await runUnits(["import", writeSheet(rows)]);
    expect(long.code).toBe(1);
    expect(long.err).toContain(`第3行 列sponsor_name：超过 ${SHEET_LIMITS.cellChars} 个字符`);

    const huge = path.join(store.dir, "huge.csv");
    fs.writeFileSync(huge, `${rows[0]!.join(",")}\n`);
    fs.appendFileSync(huge, Buffer.alloc(SHEET_LIMITS.fileBytes, "a"));
    const big = await runUnits(["import", huge]);
    expect(big.code).toBe(1);
    expect(big.err).toContain("文件超过 5 MB");
    expect((await runUnits(["export", "--format", "json"])).out).toBe(before.units);
    expect(await store.db.auditEntry.count()).toBe(before.audit);
  });
});

describe("formulas in the unit sheet", () => {
  it("are exported as text (a leading apostrophe) and read back as they were typed", async () => {
    const rows = await sheet();
    const hostile = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"];
    setCell(rows, "jtez", "sponsor_name", hostile[0]!);
    setCell(rows, "jtez", "contact_name", hostile[1]!);
    setCell(rows, "jtda", "sponsor_name", hostile[2]!);
    setCell(rows, "jtda", "contact_name", hostile[3]!);
    setCell(rows, "jtda", "contact_phone", "+86 13800000000");
    expect((await runUnits(["import", writeSheet(rows)])).code).toBe(0);
    const units = await listUnits(store.db);
    expect(units.find((u) => u.key === "jtez")?.sponsorName).toBe(hostile[0]);

    const exported = (await runUnits(["export"])).out;
    const cells = parseCsv(exported).flat();
    for (const text of [...hostile, "+86 13800000000"]) {
      expect(cells).toContain(`'${text}`);
      expect(cells).not.toContain(text);
    }
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);

    const again = await runUnits(["import", writeSheet(parseCsv(exported))]);
    expect(again.err).toContain("共 0 处修改");
    expect((await listUnits(store.db)).find((u) => u.key === "jtda")?.contacts[0]).toMatchObject({ name: "-2+3", phone: "+86 13800000000" });
  });
});

