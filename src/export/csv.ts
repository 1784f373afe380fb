// RFC 4180 CSV. Written with a BOM so Excel and WPS open Chinese correctly; every cell goes
// through neutralizeFormula, so nothing a person typed runs as a formula when the file is opened.
import { parse } from "csv-parse/sync";
import { neutralizeFormula } from "./formula-guard.ts";

export const BOM = "\uFEFF";

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map((cell) => quote(neutralizeFormula(cell))).join(",")).join("\r\n") + "\r\n";
}

/** A cell as written by toCsv, read back: the apostrophe neutralizeFormula put before a formula is dropped. */
export function restoreNeutralized(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Parses CSV text (with or without BOM) into rows of cells, as written (apostrophes kept). */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}
