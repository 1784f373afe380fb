// The unit data sheet coordinators export, fill in (Excel/WPS) and import back.
// One row per unit and contact; a unit without contacts has one row with the contact columns empty.
import { z } from "zod";
import type { UnitRecord } from "../domain/model/records.ts";
import {
  EmailSchema,
  formatYesNo,
  IcpNumberSchema,
  parseYesNo,
  PhoneSchema,
  SlackUserIdSchema,
} from "../domain/unit-facts.ts";
import { toCsv } from "../export/csv.ts";
import { sheetTexts as st } from "../messages/sheet-messages.ts";
import { isTooLong, NAME_MAX_LENGTH } from "../domain/text-limits.ts";
import { msg } from "../messages/command-messages.ts";
import { groupBy } from "../lib/group-by.ts";

export const UNIT_COLUMNS = [
  "unit_key",
  "unit_name",
  "group",
  "government_room",
  "domains",
  "icp_number",
  "sponsor_name",
  "local_telecom",
  "second_level",
  "migrate_data",
  "contact_name",
  "contact_phone",
  "contact_email",
  "contact_slack_id",
] as const;
type UnitColumn = (typeof UNIT_COLUMNS)[number];

export function unitSheetRows(units: UnitRecord[]): Record<UnitColumn, string>[] {
  return units.flatMap((u) => {
    const base = {
      unit_key: u.key,
      unit_name: u.name,
      group: u.group,
      government_room: u.governmentRoom ? "yes" : "no",
      domains: u.domains.map((d) => d.name).join(" "),
      icp_number: u.icpNumber ?? "",
      sponsor_name: u.sponsorName ?? "",
      local_telecom: formatYesNo(u.localTelecom),
      second_level: formatYesNo(u.secondLevel),
      migrate_data: formatYesNo(u.migrateData),
    };
    const contacts = u.contacts.length > 0 ? u.contacts : [null];
    return contacts.map((c) => ({
      ...base,
      contact_name: c?.name ?? "",
      contact_phone: c?.phone ?? "",
      contact_email: c?.email ?? "",
      contact_slack_id: c?.slackUserId ?? "",
    }));
  });
}

export function formatUnitSheet(units: UnitRecord[], format: "csv" | "json"): string {
  if (format === "json") {
    const json = units.map((u) => ({
      key: u.key,
      name: u.name,
      group: u.group,
      governmentRoom: u.governmentRoom,
      domains: u.domains.map((d) => ({ name: d.name, isSubdomain: d.isSubdomain })),
      icpNumber: u.icpNumber,
      sponsorName: u.sponsorName,
      localTelecom: u.localTelecom,
      secondLevel: u.secondLevel,
      migrateData: u.migrateData,
      contacts: u.contacts.map((c) => ({ name: c.name, phone: c.phone, email: c.email, slackUserId: c.slackUserId })),
    }));
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const rows = unitSheetRows(units);
  return toCsv(
    UNIT_COLUMNS,
    rows.map((r) => UNIT_COLUMNS.map((c) => r[c])),
  );
}

export interface ImportedContact {
  name: string;
  phone: string | null;
  email: string | null;
  slackUserId: string | null;
}

export interface UnitImport {
  unitKey: string;
  icpNumber: string | null;
  sponsorName: string | null;
  localTelecom: boolean | null;
  secondLevel: boolean | null;
  migrateData: boolean | null;
  /** The unit's contacts after the import, exactly. */
  contacts: ImportedContact[];
}

export type ImportParse = { ok: true; units: UnitImport[] } | { ok: false; problems: string[] };

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.string().transform((v, ctx) => {
    const t = v.trim();
    if (t === "") return null;
    const r = schema.safeParse(t);
    if (!r.success) {
      ctx.addIssue({ code: "custom", message: r.error.issues[0]?.message ?? st.badFormat });
      return z.NEVER;
    }
    return r.data as string;
  });

const FIELD_SCHEMAS = {
  icp_number: optional(IcpNumberSchema),
  contact_phone: optional(PhoneSchema),
  contact_email: optional(EmailSchema),
  contact_slack_id: optional(SlackUserIdSchema),
} as const;

/**
 * Validates every row first; the result is all or nothing. `table` is what parseSheet read:
 * rows numbered as a spreadsheet shows them (header = 第1行), each with exactly the header's cells.
 */
export function parseUnitSheet(table: { header: string[]; rows: { row: number; cells: string[] }[] }, known: Map<string, { name: string }>): ImportParse {
  const problems: string[] = [];
  const header = table.header;
  const missing = UNIT_COLUMNS.filter(
    (c) => !header.includes(c) && !["unit_name", "group", "government_room", "domains"].includes(c),
  );
  if (header.length === 0 || missing.length > 0) {
    return { ok: false, problems: [st.header(missing, [...UNIT_COLUMNS])] };
  }
  const col = (row: string[], c: UnitColumn) => row[header.indexOf(c)] ?? "";
  const parsed: { line: number; unitKey: string; facts: Omit<UnitImport, "contacts" | "unitKey">; contact: ImportedContact | null }[] = [];
  for (const { row: line, cells: row } of table.rows) {
    const rowProblems: string[] = [];
    const bad = (c: UnitColumn, message: string) => rowProblems.push(st.cell(line, c, message));
    const unitKey = col(row, "unit_key").trim();
    const unit = known.get(unitKey);
    if (!unit) bad("unit_key", st.unknownUnit(unitKey));
    const name = col(row, "unit_name").trim();
    if (unit && header.includes("unit_name") && name !== "" && name !== unit.name) {
      bad("unit_name", st.nameMismatch(name, unitKey, unit.name));
    }
    const field = (c: keyof typeof FIELD_SCHEMAS): string | null => {
      const r = FIELD_SCHEMAS[c].safeParse(col(row, c));
      if (r.success) return r.data;
      bad(c, r.error.issues[0]?.message ?? st.badFormat);
      return null;
    };
    const yesNo = (c: UnitColumn): boolean | null => {
      const v = parseYesNo(col(row, c));
      if (v === undefined) bad(c, st.badYesNo(col(row, c)));
      return v ?? null;
    };
    const icpNumber = field("icp_number");
    const limited = (c: "sponsor_name" | "contact_name"): string => {
      const v = col(row, c).trim();
      if (isTooLong(v, NAME_MAX_LENGTH)) bad(c, msg.nameTooLong(NAME_MAX_LENGTH, v.length));
      return v;
    };
    const facts = {
      icpNumber,
      sponsorName: limited("sponsor_name") || null,
      localTelecom: yesNo("local_telecom"),
      secondLevel: yesNo("second_level"),
      migrateData: yesNo("migrate_data"),
    };
    const contactName = limited("contact_name");
    const phone = field("contact_phone");
    const email = field("contact_email");
    const slackUserId = field("contact_slack_id");
    const anyContactDetail = (["contact_phone", "contact_email", "contact_slack_id"] as const).some((c) => col(row, c).trim() !== "");
    if (!contactName && anyContactDetail) bad("contact_name", st.contactNameMissing);
    problems.push(...rowProblems);
    parsed.push({
      line,
      unitKey,
      facts,
      contact: contactName ? { name: contactName, phone, email, slackUserId } : null,
    });
  }
  const units: UnitImport[] = [];
  for (const [unitKey, rows] of groupBy(parsed, (p) => p.unitKey)) {
    const first = rows[0]!;
    for (const r of rows.slice(1)) {
      for (const [key, c] of [
        ["icpNumber", "icp_number"],
        ["sponsorName", "sponsor_name"],
        ["localTelecom", "local_telecom"],
        ["secondLevel", "second_level"],
        ["migrateData", "migrate_data"],
      ] as const) {
        if (r.facts[key] !== first.facts[key]) {
          problems.push(st.cell(r.line, c, st.differsFromRow(first.line, unitKey)));
        }
      }
    }
    const seen = new Set<string>();
    for (const r of rows) {
      const id = r.contact?.slackUserId ?? `name:${r.contact?.name}`;
      if (r.contact && seen.has(id)) problems.push(st.cell(r.line, "contact_name", st.duplicateContact));
      if (r.contact) seen.add(id);
    }
    units.push({ unitKey, ...first.facts, contacts: rows.flatMap((r) => (r.contact ? [r.contact] : [])) });
  }
  if (parsed.length === 0) problems.push(st.noDataRows);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, units };
}
