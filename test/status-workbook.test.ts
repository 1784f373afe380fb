// The Excel report: its layout for the city, and no text cell that a spreadsheet would run.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportCommand } from "../src/cli/export-command.ts";
import { parseConfig, type Config } from "../src/config/env-schema.ts";
import { neutralizeFormula } from "../src/export/formula-guard.ts";
import { buildStatusRows, formatStatusRows, STATUS_COLUMNS } from "../src/export/status-export.ts";
import { buildStatusWorkbook, WORKBOOK_SHEETS } from "../src/export/status-workbook.ts";
import { UNIT_REPORT_HEADERS } from "../src/export/unit-report.ts";
import { readSnapshot } from "../src/store/campaign-repository.ts";
import { addContact, setState } from "./helpers/campaign-script.ts";
import { createTestStore, type TestStore } from "./helpers/test-store.ts";

let store: TestStore;
beforeEach(async () => {
  store = await createTestStore();
});
afterEach(async () => {
  await store.cleanup();
});

const NOW = new Date("2027-06-22T09:30:00+08:00");
const HOSTILE = ["=HYPERLINK(\"http://example.com\",\"点我\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR"];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  return workbook;
}

function stringCells(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    if (typeof cell.value === "string") texts.push(cell.value);
  })));
  return texts;
}

describe("neutralizeFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+86 138", "'+86 138"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["等待电信回复", "等待电信回复"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (value, shown) => {
    expect(neutralizeFormula(value)).toBe(shown);
  });
});

describe("the status workbook", () => {
  it("has a row per unit in Chinese, and every item exactly as the CSV on a second sheet", async () => {
    await addContact(store.db, "jtda", { name: "王芳", slackUserId: "U0WANG", phone: "13800000000" });
    await setState(store.db, "jtda/column", "done", { actor: "U0WANG", at: NOW });
    await setState(store.db, "jtda/icp", "blocked", { actor: "U0WANG", at: NOW, note: "等待电信回复" });
    await store.db.checklistItem.update({ where: { key: "jtupo/domain/jtupo.gov.cn" }, data: { state: "done", method: "dns_removed" } });
    const snapshot = await readSnapshot(store.db);
    const workbook = await load(await buildStatusWorkbook(snapshot, NOW));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([WORKBOOK_SHEETS.units, WORKBOOK_SHEETS.items]);

    const units = workbook.getWorksheet(WORKBOOK_SHEETS.units)!;
    expect((units.getRow(1).values as unknown[]).slice(1)).toEqual([...UNIT_REPORT_HEADERS]);
    expect(UNIT_REPORT_HEADERS).toEqual(["序号", "单位", "分组", "域名", "过渡栏目", "数据备份/迁移", "网站关停", "解除绑定", "域名注销", "备案注销", "IP备案", "完成情况", "联系人", "最后更新"]);
    expect(units.rowCount).toBe(39);
    const row = (name: string) => (units.getRows(2, 38)!.find((r) => r.getCell(2).value === name)!.values as unknown[]).slice(1);
    expect(row("档案局")).toEqual([10, "档案局", "部门", "jtda.gov.cn", "已完成", "未开始", "未开始", "未开始", "未开始", "受阻：等待电信回复", "未开始", "1/7", "王芳 13800000000", "6月22日 09:30"]);
    expect(row("区规划局").slice(2, 4)).toEqual(["部门", "jtupo.com、jtupo.gov.cn"]);
    expect(row("区规划局")[8]).toBe("jtupo.com 未开始；jtupo.gov.cn 已删除解析（代替注销）");
    expect(row("薛埠镇")[2]).toBe("镇、区、街道、管委会");

    const items = workbook.getWorksheet(WORKBOOK_SHEETS.items)!;
    const csv = buildStatusRows(snapshot).map((r) => STATUS_COLUMNS.map((c) => r[c] ?? ""));
    const sheetRows = items.getRows(1, items.rowCount)!.map((r) => STATUS_COLUMNS.map((_, i) => String(r.getCell(i + 1).value ?? "")));
    expect(sheetRows).toEqual([[...STATUS_COLUMNS], ...csv]);
  });

  it("shows a note or name that starts like a formula as text, in every cell of both sheets", async () => {
    const keys = ["jtda/column", "jtda/backup", "jtda/site", "jtda/unbind", "jtda/icp", "jtda/ipicp"];
    for (const [n, key] of keys.entries()) await setState(store.db, key, "blocked", { actor: "U0WANG", at: NOW, note: HOSTILE[n]! });
    await addContact(store.db, "jtsf", { name: "=cmd|'/C calc'!A0", slackUserId: "U0EVIL", phone: "+8613800000000" });
    const workbook = await load(await buildStatusWorkbook(await readSnapshot(store.db), NOW));
    const texts = stringCells(workbook);
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    // NOTE: XML keeps a lone carriage return as a line feed; the apostrophe is what matters.
    const lf = (t: string) => t.replace(/\r/g, "\n");
    for (const hostile of HOSTILE) expect(texts.map(lf)).toContain(lf(`'${hostile}`));
    expect(texts).toContain("'=cmd|'/C calc'!A0 +8613800000000");
  });
});

describe("npm run export", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(store.dir, "out-"));
  });

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await exportCommand({ args, config: (parseConfig({}) as { config: Config }).config, store, now: NOW, clock: () => NOW, out: (t) => out.push(t), err: (t) => err.push(t), actor: "cli:tester" });
    return { code, out: out.join(""), err: err.join("") };
  };

  it("writes the workbook with --format xlsx, to --out or a dated file name", async () => {
    const file = path.join(dir, "report.xlsx");
    const result = await run(["--format", "xlsx", "--out", file]);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`已写入 ${file}（38 个单位，269 项）`);
    expect(result.out).toBe("");
    const workbook = await load(fs.readFileSync(file));
    expect(workbook.getWorksheet(WORKBOOK_SHEETS.units)!.rowCount).toBe(39);
  });

  it("keeps the CSV and JSON as documented, and says which formats there are", async () => {
    const csv = await run([]);
    expect(csv.out).toBe(formatStatusRows(buildStatusRows(await readSnapshot(store.db)), "csv"));
    expect(csv.out.split("\r\n")[0]).toBe("\uFEFFunit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence");
    const json = JSON.parse((await run(["--format", "json"])).out) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toEqual([...STATUS_COLUMNS]);
    const bad = await run(["--format", "pdf"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--format 只能是 csv、json 或 xlsx");
  });
});
