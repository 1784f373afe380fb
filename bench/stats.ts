// Percentiles and the markdown table every section prints.

/** Nearest-rank percentile of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes?: string[];
}

export function formatTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    `### ${t.title}`,
    "",
    line(t.columns),
    line(t.columns.map(() => "---")),
    ...t.rows.map(line),
    ...(t.notes?.length ? ["", ...t.notes] : []),
    "",
  ].join("\n");
}
