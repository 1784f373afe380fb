// The machine-readable truth of the campaign: one row per checklist item.
// NOTE: column names are a public contract (README, tests, other tools): keep them stable.
import { formatIsoShanghai } from "../domain/model/calendar.ts";
import { deadlineForTask, type CampaignSnapshot, type ItemRecord } from "../domain/model/records.ts";
import { isVerifiedTask } from "../domain/model/verification.ts";
import { groupBy } from "../lib/group-by.ts";
import { toCsv } from "./csv.ts";

export const STATUS_COLUMNS = [
  "unit_name",
  "unit_key",
  "task",
  "domain",
  "state",
  "method",
  "note",
  "updated_at",
  "updated_by",
  "deadline",
  "due_at",
  "batch",
  // What the probes found (site, unbind, domain items; empty for the others): unverified |
  // confirmed | contradicted | inconclusive | accepted, when it became confirmed, the last evidence.
  "verification",
  "verified_at",
  "evidence",
] as const;

export type StatusRow = Record<(typeof STATUS_COLUMNS)[number], string | null>;

export function buildStatusRows(snapshot: CampaignSnapshot): StatusRow[] {
  const itemsByUnit = groupBy(snapshot.items, (i) => i.unitId);
  const batchNames = new Map(snapshot.batches.map((b) => [b.id, b.name]));
  return snapshot.units.flatMap((unit) =>
    (itemsByUnit.get(unit.id) ?? []).map((item) => {
      const deadline = deadlineForTask(snapshot.deadlines, item.task, item.batchId);
      return {
        unit_name: unit.name,
        unit_key: unit.key,
        task: item.task,
        domain: item.domain,
        state: item.state,
        method: item.method,
        note: item.note,
        updated_at: item.updatedAt ? formatIsoShanghai(item.updatedAt) : null,
        updated_by: item.updatedBy,
        deadline: deadline?.key ?? null,
        due_at: deadline ? formatIsoShanghai(deadline.dueAt) : null,
        batch: batchNames.get(item.batchId) ?? null,
        ...verificationColumns(item),
      };
    }),
  );
}

function verificationColumns(item: ItemRecord): Pick<StatusRow, "verification" | "verified_at" | "evidence"> {
  const v = item.verification;
  if (!isVerifiedTask(item.task)) return { verification: null, verified_at: null, evidence: null };
  if (!v) return { verification: "unverified", verified_at: null, evidence: null };
  return {
    verification: v.accepted ? "accepted" : v.verification,
    verified_at: v.verifiedAt ? formatIsoShanghai(v.verifiedAt) : v.accepted ? formatIsoShanghai(v.accepted.at) : null,
    evidence: v.accepted ? [v.summary, `accepted by ${v.accepted.by}: ${v.accepted.reason}`].filter(Boolean).join(" | ") : v.summary,
  };
}

export type ExportFormat = "csv" | "json";

export function formatStatusRows(rows: StatusRow[], format: ExportFormat): string {
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  return toCsv(
    STATUS_COLUMNS,
    rows.map((r) => STATUS_COLUMNS.map((c) => r[c] ?? "")),
  );
}
