// Reads a CSV file a person edited in Excel or WPS, refusing what would be misread: a file or a
// cell over its limit, bytes that are not UTF-8, an unclosed quote, a row whose cells do not
// line up with the header. Nothing is guessed: a problem is reported as 第N行 列X and the
// import writes nothing.
import fs from "node:fs";
import { isUtf8 } from "node:buffer";
import { CsvError, parse } from "csv-parse/sync";
import { restoreNeutralized } from "../export/csv.ts";
import { sheetTexts as st } from "../messages/sheet-messages.ts";

export interface SheetLimits {
  /** The whole file, in bytes. */
  fileBytes: number;
  /** One cell, in characters. */
  cellChars: number;
}

/** 38 units make a sheet of about 10 KB; 5 MB holds some 20,000 rows. */
export const SHEET_LIMITS: SheetLimits = { fileBytes: 5 * 1024 * 1024, cellChars: 1_000 };

export type SheetTable = { ok: true; header: string[]; rows: { row: number; cells: string[] }[] } | { ok: false; problems: string[] };

/** The file's bytes, read as a stream and stopped past the limit (null: too large). */
export async function readCapped(file: string, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length || !isUtf8(bytes.subarray(i, i + len))) return i;
    i += len;
  }
  return -1;
}

const columnName = (header: string[], index: number) => header[index] || `${index + 1}`;

/** Row and column of the cell that holds text position `end` (everything before it parses). */
function cellAt(text: string, end: number): { row: number; column: number } {
  const prefix = text.slice(0, end);
  try {
    const records = parse(prefix, { relax_column_count: true, relax_quotes: true }) as string[][];
    if (prefix === "" || /[\r\n]$/.test(prefix)) return { row: records.length + 1, column: 0 };
    return { row: records.length, column: Math.max(0, (records.at(-1)?.length ?? 1) - 1) };
  } catch (error) {
    // The position is inside a quoted cell: the parser says where that cell began.
    if (error instanceof CsvError) return { row: (error as CsvError & { records: number }).records + 1, column: (error as CsvError & { column: number }).column };
    throw error;
  }
}

function headerOf(text: string): string[] {
  try {
    return ((parse(text, { bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}

/** Decodes and parses the sheet; every problem at once where it can, else the first that stops the parser. */
export function parseSheet(bytes: Buffer, limits: SheetLimits = SHEET_LIMITS): SheetTable {
  if (bytes.length > limits.fileBytes) return { ok: false, problems: [st.fileTooLarge(limits.fileBytes)] };
  const bad = firstInvalidUtf8(bytes);
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const header = headerOf(text);
  if (bad >= 0) {
    const validPrefix = bytes.subarray(0, bad).toString("utf8").replace(/^\uFEFF/, "");
    const at = cellAt(text, validPrefix.length);
    return { ok: false, problems: [st.invalidUtf8(at.row, columnName(header, at.column))] };
  }
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const e = error as CsvError & { records: number; column: number };
    const row = e.records + 1;
    const column = columnName(header, e.column);
    if (e.code === "CSV_QUOTE_NOT_CLOSED") return { ok: false, problems: [st.quoteNotClosed(row, column)] };
    if (e.code === "INVALID_OPENING_QUOTE" || e.code === "CSV_INVALID_CLOSING_QUOTE") return { ok: false, problems: [st.badQuote(row, column)] };
    return { ok: false, problems: [st.unreadable(row, e.message)] };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== "" && seen.has(h)) problems.push(st.duplicateHeader(h));
    seen.add(h);
  }
  const rows: { row: number; cells: string[] }[] = [];
  for (const [index, record] of records.slice(1).entries()) {
    const row = index + 2;
    if (record.every((c) => c.trim() === "")) continue;
    if (record.length < header.length) problems.push(st.tooFewCells(row, columnName(header, record.length), record.length, header.length));
    else if (record.length > header.length) problems.push(st.tooManyCells(row, record.length, header.length));
    for (const [c, cell] of record.entries()) {
      if (cell.length > limits.cellChars) problems.push(st.cellTooLong(row, columnName(header, c), limits.cellChars));
    }
    rows.push({ row, cells: record.map(restoreNeutralized) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, header, rows };
}
