// The status as an Excel workbook: the report for the city (one row per unit, in Chinese) and,
// on a second sheet, every checklist item exactly as the CSV has it.
import type ExcelJS from "exceljs";
import type { CampaignSnapshot } from "../store/campaign-repository.ts";
import { neutralizeFormula } from "./formula-guard.ts";
import { buildStatusRows, STATUS_COLUMNS } from "./status-export.ts";
import { buildUnitReportRows, UNIT_REPORT_HEADERS } from "./unit-report.ts";

export const WORKBOOK_SHEETS = { units: "单位进度", items: "全部事项" } as const;

/** Text cells can never become formulas (formula-guard.ts); numbers stay numbers. */
const cell = (v: string | number | null) => (typeof v === "number" ? v : neutralizeFormula(v ?? ""));

function addSheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[], widths: number[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: name === WORKBOOK_SHEETS.units ? 2 : 0 }] });
  sheet.columns = header.map((h, i) => ({ header: neutralizeFormula(h), width: widths[i] ?? 14 }));
  for (const row of rows) sheet.addRow(row.map(cell));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.eachRow((row) => {
    row.alignment = { vertical: "top", wrapText: true };
  });
}

export async function buildStatusWorkbook(snapshot: CampaignSnapshot, now: Date): Promise<Buffer> {
  // NOTE: loaded when a workbook is asked for: exceljs is large, and most runs never write one.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "网站关停协调机器人";
  workbook.created = now;
  const unitWidths = [6, 14, 12, 22, 12, 14, 12, 12, 22, 14, 12, 10, 24, 14];
  addSheet(workbook, WORKBOOK_SHEETS.units, UNIT_REPORT_HEADERS, buildUnitReportRows(snapshot), unitWidths);
  const items = buildStatusRows(snapshot).map((r) => STATUS_COLUMNS.map((c) => r[c]));
  addSheet(workbook, WORKBOOK_SHEETS.items, STATUS_COLUMNS, items, [14, 12, 8, 18, 8, 12, 30, 26, 14, 12, 26]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
