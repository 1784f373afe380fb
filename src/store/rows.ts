// The campaign's rows as records, whoever read them: the SQLite reader's prepared statements, or
// $queryRaw on either database (campaign-repository.ts). The SQL here is written once for both
// databases: quoted names, no dialect functions (decision 023).
import { sortItems, type BatchRecord, type ContactRecord, type DeadlineRecord, type DomainRecord, type FilingRecord, type ItemRecord, type UnitRecord } from "../domain/model/records.ts";
import type { Caller } from "../domain/access.ts";
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { DomainMethod, ItemState, TaskKey, UnitGroup } from "../domain/model/tasks.ts";
import type { Verification } from "../domain/model/verification.ts";
import { toVerificationView } from "./verification-view.ts";
// NOTE: the SQL tag from Prisma's runtime, not a generated client: one module for both databases.
import { empty, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

export { raw, sql };

export type Row = Record<string, unknown>;

/** ` WHERE <column> = <id>` for $queryRaw, or nothing without an id. */
export const whereIs = (column: string, id: number | undefined): Sql => (id === undefined ? empty : sql` WHERE ${raw(column)} = ${id}`);

export const textOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const flagOf = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));

/**
 * A date from $queryRaw (a Date), or from SQLite directly: Prisma keeps DateTime there as ISO text
 * or epoch milliseconds; CURRENT_TIMESTAMP defaults are "YYYY-MM-DD HH:MM:SS" in UTC.
 */
export function dateOf(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const text = String(v);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

export const UNITS_SQL = `SELECT u."id", u."key", u."name", u."position", u."group", u."governmentRoom", u."icpNumber", u."sponsorName",
  u."localTelecom", u."secondLevel", u."migrateData" FROM "Unit" u`;
export const DOMAINS_SQL = `SELECT d."id", d."unitId", d."name", d."isSubdomain" FROM "Domain" d`;
export const CONTACTS_SQL = `SELECT uc."unitId", c."id", c."slackUserId", c."name", c."phone", c."email"
  FROM "UnitContact" uc JOIN "Contact" c ON c."id" = uc."contactId"`;

export function toUnitRecord(u: Row, domains: readonly Row[], contacts: readonly Row[]): UnitRecord {
  return {
    id: Number(u.id),
    key: String(u.key),
    name: String(u.name),
    position: Number(u.position),
    group: u.group as UnitGroup,
    governmentRoom: Boolean(u.governmentRoom),
    icpNumber: textOf(u.icpNumber),
    sponsorName: textOf(u.sponsorName),
    localTelecom: flagOf(u.localTelecom),
    secondLevel: flagOf(u.secondLevel),
    migrateData: flagOf(u.migrateData),
    domains: domains.map((d): DomainRecord => ({ id: Number(d.id), name: String(d.name), isSubdomain: Boolean(d.isSubdomain) })),
    contacts: contacts.map(
      (c): ContactRecord => ({ id: Number(c.id), slackUserId: textOf(c.slackUserId), name: String(c.name), phone: textOf(c.phone), email: textOf(c.email) }),
    ),
  };
}

/** Each item with its domain, its verification and its latest acceptance (verification-repository.ts keeps them). */
export const ITEMS_SQL = `SELECT i."id", i."key", i."unitId", i."batchId", i."task", i."state", i."method", i."note", i."expectedBy",
  i."updatedAt", i."updatedBy", d."name" AS "domainName", d."isSubdomain" AS "domainIsSubdomain", d."position" AS "domainPosition",
  v."verification" AS "vVerification", v."summary" AS "vSummary", v."advice" AS "vAdvice", v."observedAt" AS "vObservedAt",
  v."verifiedAt" AS "vVerifiedAt", v."changedAt" AS "vChangedAt", a."actor" AS "aActor", a."reason" AS "aReason", a."at" AS "aAt",
  f."number" AS "filingNumber"
  FROM "ChecklistItem" i LEFT JOIN "Domain" d ON d."id" = i."domainId" LEFT JOIN "ItemVerification" v ON v."itemId" = i."id"
  LEFT JOIN "IcpFiling" f ON f."itemId" = i."id"
  LEFT JOIN "VerificationAcceptance" a ON a."id" = (SELECT l."id" FROM "VerificationAcceptance" l WHERE l."itemId" = i."id" ORDER BY l."at" DESC, l."id" DESC LIMIT 1)`;

function toItemRecord(i: Row): ItemRecord {
  const verification =
    i.vVerification === null || i.vVerification === undefined
      ? null
      : {
          verification: i.vVerification as Verification,
          summary: textOf(i.vSummary),
          advice: textOf(i.vAdvice),
          observedAt: dateOf(i.vObservedAt),
          verifiedAt: dateOf(i.vVerifiedAt),
          changedAt: dateOf(i.vChangedAt),
        };
  const accepted = i.aActor === null || i.aActor === undefined ? null : { by: String(i.aActor), reason: String(i.aReason), at: dateOf(i.aAt)! };
  return {
    id: Number(i.id),
    key: String(i.key),
    unitId: Number(i.unitId),
    batchId: Number(i.batchId),
    task: i.task as TaskKey,
    domain: textOf(i.domainName),
    isSubdomain: Boolean(i.domainIsSubdomain),
    state: i.state as ItemState,
    method: textOf(i.method) as DomainMethod | null,
    note: textOf(i.note),
    expectedBy: dateOf(i.expectedBy),
    updatedAt: dateOf(i.updatedAt),
    updatedBy: textOf(i.updatedBy),
    verification: toVerificationView(verification, accepted),
  };
}

/**
 * Rows of ITEMS_SQL (in id order) as items in checklist order. NOTE: the rows hold every item of
 * their units, so a unit's icp items are counted here: with several filings, each names its own
 * (filingNumber), else two lines would read 备案注销 alike.
 */
export function toItemRecords(rows: readonly Row[]): ItemRecord[] {
  const domainOrder = new Map(rows.filter((r) => r.domainName !== null).map((r) => [String(r.domainName), Number(r.domainPosition)]));
  const filingsOf = new Map<number, number>();
  for (const r of rows) if (r.task === "icp") filingsOf.set(Number(r.unitId), (filingsOf.get(Number(r.unitId)) ?? 0) + 1);
  const items = rows.map((r) => {
    const item = toItemRecord(r);
    return r.task === "icp" && (filingsOf.get(item.unitId) ?? 0) > 1 ? { ...item, filingNumber: textOf(r.filingNumber) } : item;
  });
  return sortItems(items, domainOrder);
}

export const FILINGS_SQL = `SELECT f."id", f."unitId", f."ordinal", f."itemId", i."key" AS "itemKey", f."number", f."sponsorName", f."reason",
  f."step", f."stepAt", f."stepBy" FROM "IcpFiling" f JOIN "ChecklistItem" i ON i."id" = f."itemId"`;
export const FILING_DOMAINS_SQL = `SELECT fd."filingId", d."name" FROM "IcpFilingDomain" fd JOIN "Domain" d ON d."id" = fd."domainId"`;

export function toFilingRecord(f: Row, domains: readonly Row[]): FilingRecord {
  return {
    id: Number(f.id),
    unitId: Number(f.unitId),
    ordinal: Number(f.ordinal),
    itemId: Number(f.itemId),
    itemKey: String(f.itemKey),
    number: textOf(f.number),
    domains: domains.map((d) => String(d.name)),
    sponsorName: textOf(f.sponsorName),
    reason: textOf(f.reason),
    step: String(f.step),
    stepAt: dateOf(f.stepAt),
    stepBy: textOf(f.stepBy),
  };
}

export const UNIT_NAMES_SQL = `SELECT u."key" AS "unitKey", u."name" AS "unitName", d."name" AS "domainName"
  FROM "Unit" u LEFT JOIN "Domain" d ON d."unitId" = u."id" ORDER BY u."position", u."id", d."position", d."id"`;

/** Rows of UNIT_NAMES_SQL as the unit directory: each unit once, its domains in order. */
export function toUnitNames(rows: readonly Row[]): UnitName[] {
  const units: { key: string; name: string; domains: string[] }[] = [];
  for (const row of rows) {
    const last = units.at(-1);
    const unit = last && last.key === row.unitKey ? last : { key: String(row.unitKey), name: String(row.unitName), domains: [] };
    if (unit !== last) units.push(unit);
    if (row.domainName !== null) unit.domains.push(String(row.domainName));
  }
  return units;
}

/** The directory's version (kept-reads.ts): one row, raised by triggers. */
export const DIRECTORY_VERSION_SQL = `SELECT v."version" FROM "DirectoryVersion" v WHERE v."id" = 1`;
export const HANDLED_REPLY_SQL = `SELECT r."reply" FROM "HandledRequest" r WHERE r."key" = `;
export const COORDINATOR_SQL = `SELECT c."slackUserId" FROM "Coordinator" c WHERE c."slackUserId" = `;
export const COORDINATORS_SQL = `SELECT c."slackUserId" FROM "Coordinator" c ORDER BY c."addedAt", c."slackUserId"`;
export const CONTACT_SQL = `SELECT c."id" FROM "Contact" c WHERE c."slackUserId" = `;
export const CONTACT_UNITS_SQL = `SELECT u."id", u."key", u."name" FROM "UnitContact" uc JOIN "Unit" u ON u."id" = uc."unitId" WHERE uc."contactId" = `;
export const CONTACT_UNITS_ORDER = ` ORDER BY u."position", u."id"`;

/** Who is calling, from the rows of COORDINATOR_SQL, CONTACT_SQL and CONTACT_UNITS_SQL. */
export function toCaller(userId: string, envCoordinators: readonly string[], coordinator: readonly Row[], contact: readonly Row[], units: readonly Row[]): Caller {
  return {
    userId,
    isCoordinator: envCoordinators.includes(userId) || coordinator.length > 0,
    contactId: contact[0] === undefined ? null : Number(contact[0].id),
    units: units.map((u) => ({ id: Number(u.id), key: String(u.key), name: String(u.name) })),
  };
}

export const DEADLINES_SQL = `SELECT d."id", d."key", d."batchId", d."title", d."opensAt", d."dueAt", d."tasks", d."updatedAt", d."updatedBy"
  FROM "Deadline" d ORDER BY d."dueAt", d."id"`;

export function toDeadlineRecord(d: Row): DeadlineRecord {
  return {
    id: Number(d.id),
    key: String(d.key),
    batchId: Number(d.batchId),
    title: String(d.title),
    opensAt: dateOf(d.opensAt),
    dueAt: dateOf(d.dueAt)!,
    tasks: String(d.tasks).split(",").filter(Boolean) as TaskKey[],
    updatedAt: dateOf(d.updatedAt),
    updatedBy: textOf(d.updatedBy),
  };
}

export const BATCHES_SQL = `SELECT b."id", b."name", b."closedAt", b."createdAt" FROM "Batch" b ORDER BY b."id"`;

export function toBatchRecord(b: Row): BatchRecord {
  return { id: Number(b.id), name: String(b.name), closedAt: dateOf(b.closedAt), createdAt: dateOf(b.createdAt)! };
}
