// 附件4 as a Word document: A4, one page per form, the title, the date line, the table of the
// paper form and the space for signature and stamp, in 宋体.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from "docx";
import { ICP_FORM_TEXT as T, formatChineseDate } from "../messages/icp-form-messages.ts";
import type { IcpFormData } from "./icp-form-data.ts";

// NOTE: twips (1/20 pt; 567 to the centimetre). A4 portrait, margins 2.2 cm top and bottom, 2.7 cm at the sides.
export const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1247, bottom: 1247, left: 1531, right: 1531 } as const;
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 2690;
const VALUE_WIDTH = TEXT_WIDTH - LABEL_WIDTH;
const ROW = { note: 640, field: 760, reason: 3600, signature: 2800 } as const;
// NOTE: exact line heights in the table, so the page holds whatever the reader's 宋体 measures;
// with 主办单位名称 and 备案注销原因 at their longest (icp-filing.ts) the form still fits one page.
const LINE_HEIGHT = { text: 440, reason: 360, note: 300 } as const;

/** The form's Chinese font, named for East Asian and Latin text alike. */
export const FORM_FONT = "宋体";
const FONT = { ascii: FORM_FONT, hAnsi: FORM_FONT, eastAsia: FORM_FONT, cs: FORM_FONT, hint: "eastAsia" } as const;
// NOTE: half-points: 小二 18pt for the title, 四号 14pt for the table, 小四 12pt for the reason,
// 五号 10.5pt for the note under its label.
const SIZE = { title: 36, text: 28, reason: 24, note: 21 } as const;

const LINE = { style: BorderStyle.SINGLE, size: 8, color: "000000" } as const;
const BORDERS: ITableCellBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE };

const exactly = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

function run(text: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: options.size ?? SIZE.text, bold: options.bold, language: { eastAsia: "zh-CN" } });
}

function cell(children: Paragraph[], width: number, options: { span?: number; top?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: options.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    borders: BORDERS,
    margins: { top: 80, bottom: 80, left: 120, right: 120 },
  });
}

function row(height: number, cells: TableCell[]): TableRow {
  return new TableRow({ children: cells, height: { value: height, rule: HeightRule.ATLEAST }, cantSplit: true });
}

const labelCell = (label: string, note?: string) =>
  cell(
    [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactly(LINE_HEIGHT.text), children: [run(label)] }),
      ...(note ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactly(LINE_HEIGHT.note), children: [run(note, { size: SIZE.note })] })] : []),
    ],
    LABEL_WIDTH,
  );

const valueCell = (value: string | null) =>
  cell([new Paragraph({ alignment: AlignmentType.LEFT, spacing: exactly(LINE_HEIGHT.text), children: value ? [run(value)] : [] })], VALUE_WIDTH);

function fieldRow(label: string, value: string | null): TableRow {
  return row(ROW.field, [labelCell(label), valueCell(value)]);
}

function formTable(data: IcpFormData): Table {
  const domains = data.domains.filter((d) => d.trim() !== "").join("、");
  const reason = data.reason?.trim() ? data.reason.trim() : null;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [
      row(ROW.note, [
        cell([new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactly(LINE_HEIGHT.text), children: [run(T.sectionNote, { bold: true })] })], TEXT_WIDTH, { span: 2 }),
      ]),
      fieldRow(T.icpNumber, data.icpNumber),
      fieldRow(T.domains, domains || null),
      fieldRow(T.sponsorName, data.sponsorName),
      fieldRow(T.contactName, data.contactName),
      fieldRow(T.contactPhone, data.contactPhone),
      fieldRow(T.contactEmail, data.contactEmail),
      row(ROW.reason, [
        labelCell(T.reason, T.reasonNote),
        cell([new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: exactly(LINE_HEIGHT.reason), children: reason ? [run(reason, { size: SIZE.reason })] : [] })], VALUE_WIDTH),
      ]),
      row(ROW.signature, [
        cell([new Paragraph({ spacing: { before: 120, ...exactly(LINE_HEIGHT.text) }, children: [run(T.signature)] })], TEXT_WIDTH, { span: 2, top: true }),
      ]),
    ],
  });
}

/** One form's page; every form after the first starts a new page. */
function formPage(data: IcpFormData, now: Date, first: boolean): (Paragraph | Table)[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: !first,
      spacing: { before: 0, after: 360 },
      children: [run(T.title, { bold: true, size: SIZE.title })],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 160 }, children: [run(T.appliedOn), run(formatChineseDate(now))] }),
    formTable(data),
    // NOTE: Word wants a paragraph after a table; a tiny one keeps it from spilling onto a new page.
    new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run("", { size: 2 })] }),
  ];
}

function formDocument(forms: readonly IcpFormData[], now: Date): Document {
  return new Document({
    title: T.documentTitle(forms.length),
    creator: T.creator,
    lastModifiedBy: T.creator,
    styles: { default: { document: { run: { font: FONT, size: SIZE.text, language: { eastAsia: "zh-CN" } } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { ...MARGIN, header: 851, footer: 992, gutter: 0 } } },
        children: forms.flatMap((f, i) => formPage(f, now, i === 0)),
      },
    ],
  });
}

/** One filing's 附件4 as a .docx, dated `now` (Shanghai). */
export function renderIcpForm(data: IcpFormData, now: Date): Promise<Buffer> {
  return Packer.toBuffer(formDocument([data], now));
}

/** Several forms in one document for printing: one per page. */
export function renderIcpFormBook(forms: readonly IcpFormData[], now: Date): Promise<Buffer> {
  if (forms.length === 0) throw new RangeError("renderIcpFormBook needs at least one form");
  return Packer.toBuffer(formDocument(forms, now));
}
