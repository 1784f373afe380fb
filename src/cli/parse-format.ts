export function parseFormat(value: string | undefined): "csv" | "json" | null {
  const v = (value ?? "csv").toLowerCase();
  return v === "csv" || v === "json" ? v : null;
}
