import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../src/export/csv.ts";
import { buildStatusRows, formatStatusRows } from "../src/export/status-export.ts";
import { listUnits, readSnapshot } from "../src/store/campaign-repository.ts";
import { unitsCommand } from "../src/cli/units-command.ts";
import type { CliContext } from "../src/cli/cli-context.ts";
import { parseConfig, type Config } from "../src/config/env-schema.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

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
      // No data to migrate: the system makes 数据备份/迁移 不适用, as `set migrate no` does.
      ["state", "todo", "na", "system", "system"],
      ["contact", null, "王芳 (U0WANG)", "cli", "cli:tester"],
      ["contact", null, "李强 (U0LI)", "cli", "cli:tester"],
    ]);
    expect(await store.db.checklistItem.findUniqueOrThrow({ where: { key: "jtda/backup" } })).toMatchObject({ state: "na", note: "没有数据需要迁移" });

    // Importing the exported sheet again changes nothing.
    const again = await runUnits(["import", writeSheet(await sheet())]);
    expect(again.err).toContain("共 0 处修改");
    expect(await store.db.auditEntry.count({ where: { unitId: unit.id } })).toBe(6);
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
