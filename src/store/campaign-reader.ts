// The reads every /shutdown command makes before it answers (CampaignReader), and SQLite's way
// of making them: prepared statements on a connection of its own. NOTE: a Prisma call costs 0.3–0.7 ms of CPU (its query compiler runs
// on every call), more than a whole bare Bolt ack; these reads cost microseconds. Writes, and
// reads inside a transaction, stay with Prisma. See docs/decisions/005-command-reads-and-store-waits.md.
import Database from "better-sqlite3";
import type { UnitName } from "../domain/command/unit-directory.ts";
import { sortItems, type BatchRecord, type CampaignSnapshot, type FilingRecord, type ContactRecord, type DeadlineRecord, type DomainRecord, type ItemRecord, type UnitRecord } from "../domain/model/records.ts";
import type { DomainMethod, ItemState, TaskKey, UnitGroup } from "../domain/model/tasks.ts";
import type { Caller } from "../domain/access.ts";
import { groupBy } from "../lib/group-by.ts";
import type { ItemVerificationView, Verification } from "../domain/model/verification.ts";
import { toVerificationView } from "./verification-view.ts";
import { KeptReads } from "./kept-reads.ts";

type Row = Record<string, unknown>;


/** Prisma keeps DateTime in SQLite as ISO text; CURRENT_TIMESTAMP defaults are "YYYY-MM-DD HH:MM:SS" in UTC. */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const text = String(v);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text);
}

const toBool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));
const toText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toUnitRecord(u: Row, domains: Row[], contacts: Row[]): UnitRecord {
  return {
    id: Number(u.id),
    key: String(u.key),
    name: String(u.name),
    position: Number(u.position),
    group: u.group as UnitGroup,
    governmentRoom: Boolean(u.governmentRoom),
    icpNumber: toText(u.icpNumber),
    sponsorName: toText(u.sponsorName),
    localTelecom: toBool(u.localTelecom),
    secondLevel: toBool(u.secondLevel),
    migrateData: toBool(u.migrateData),
    domains: domains.map((d): DomainRecord => ({ id: Number(d.id), name: String(d.name), isSubdomain: Boolean(d.isSubdomain) })),
    contacts: contacts.map(
      (c): ContactRecord => ({ id: Number(c.id), slackUserId: toText(c.slackUserId), name: String(c.name), phone: toText(c.phone), email: toText(c.email) }),
    ),
  };
}

/** Items in checklist order, as the Prisma repository's listItems gives them. */
function toItemRecords(rows: Row[]): ItemRecord[] {
  const domainOrder = new Map(rows.filter((r) => r.domainName !== null).map((r) => [String(r.domainName), Number(r.domainPosition)]));
  const items = rows.map(
    (i): ItemRecord => ({
      id: Number(i.id),
      key: String(i.key),
      unitId: Number(i.unitId),
      batchId: Number(i.batchId),
      task: i.task as TaskKey,
      domain: toText(i.domainName),
      isSubdomain: Boolean(i.domainIsSubdomain),
      state: i.state as ItemState,
      method: toText(i.method) as DomainMethod | null,
      note: toText(i.note),
      expectedBy: toDate(i.expectedBy),
      updatedAt: toDate(i.updatedAt),
      updatedBy: toText(i.updatedBy),
      verification: toVerification(i),
    }),
  );
  return sortItems(items, domainOrder);
}

/** An item's verification and its latest acceptance (src/store/verification-repository.ts keeps them). */
const VERIFICATION_COLUMNS = `v.verification AS vVerification, v.summary AS vSummary, v.advice AS vAdvice, v.observedAt AS vObservedAt,
    v.verifiedAt AS vVerifiedAt, v.changedAt AS vChangedAt,
    (SELECT json_array(a.actor, a.reason, a.at) FROM "VerificationAcceptance" a WHERE a.itemId = i.id ORDER BY a.at DESC, a.id DESC LIMIT 1) AS vAccepted`;

function toVerification(i: Row): ItemVerificationView | null {
  const accepted = i.vAccepted ? (JSON.parse(String(i.vAccepted)) as [string, string, unknown]) : null;
  const row =
    i.vVerification === null || i.vVerification === undefined
      ? null
      : {
          verification: i.vVerification as Verification,
          summary: toText(i.vSummary),
          advice: toText(i.vAdvice),
          observedAt: toDate(i.vObservedAt),
          verifiedAt: toDate(i.vVerifiedAt),
          changedAt: toDate(i.vChangedAt),
        };
  return toVerificationView(row, accepted && { by: accepted[0], reason: accepted[1], at: toDate(accepted[2])! });
}

const SQL = {
  handledReply: `SELECT reply FROM "HandledRequest" WHERE key = ?`,
  unitNames: `SELECT u.key AS unitKey, u.name AS unitName, d.name AS domainName
    FROM "Unit" u LEFT JOIN "Domain" d ON d.unitId = u.id ORDER BY u.position, u.id, d.position, d.id`,
  coordinator: `SELECT 1 AS yes FROM "Coordinator" WHERE slackUserId = ?`,
  coordinators: `SELECT slackUserId FROM "Coordinator" ORDER BY addedAt, slackUserId`,
  contact: `SELECT id FROM "Contact" WHERE slackUserId = ?`,
  contactUnits: `SELECT u.id, u.key, u.name FROM "UnitContact" uc JOIN "Unit" u ON u.id = uc.unitId
    WHERE uc.contactId = ? ORDER BY u.position, u.id`,
  unitByKey: `SELECT * FROM "Unit" WHERE key = ?`,
  domains: `SELECT id, name, isSubdomain FROM "Domain" WHERE unitId = ? ORDER BY position, id`,
  contacts: `SELECT c.id, c.slackUserId, c.name, c.phone, c.email FROM "UnitContact" uc JOIN "Contact" c ON c.id = uc.contactId
    WHERE uc.unitId = ? ORDER BY uc.createdAt, uc.contactId`,
  items: `SELECT i.*, d.name AS domainName, d.isSubdomain AS domainIsSubdomain, d.position AS domainPosition, ${VERIFICATION_COLUMNS}
    FROM "ChecklistItem" i LEFT JOIN "Domain" d ON d.id = i.domainId LEFT JOIN "ItemVerification" v ON v.itemId = i.id
    WHERE i.unitId = ? ORDER BY i.id`,
  allUnits: `SELECT * FROM "Unit" ORDER BY position, id`,
  allDomains: `SELECT id, unitId, name, isSubdomain FROM "Domain" ORDER BY position, id`,
  allContacts: `SELECT uc.unitId, c.id, c.slackUserId, c.name, c.phone, c.email FROM "UnitContact" uc JOIN "Contact" c ON c.id = uc.contactId
    ORDER BY uc.createdAt, uc.contactId`,
  allItems: `SELECT i.*, d.name AS domainName, d.isSubdomain AS domainIsSubdomain, d.position AS domainPosition, ${VERIFICATION_COLUMNS}
    FROM "ChecklistItem" i LEFT JOIN "Domain" d ON d.id = i.domainId LEFT JOIN "ItemVerification" v ON v.itemId = i.id ORDER BY i.id`,
  deadlines: `SELECT * FROM "Deadline" ORDER BY dueAt, id`,
  batches: `SELECT id, name, closedAt, createdAt FROM "Batch" ORDER BY id`,
  allFilings: `SELECT f.*, i.key AS itemKey FROM "IcpFiling" f JOIN "ChecklistItem" i ON i.id = f.itemId ORDER BY f.unitId, f.ordinal`,
  allFilingDomains: `SELECT fd.filingId, d.name FROM "IcpFilingDomain" fd JOIN "Domain" d ON d.id = fd.domainId ORDER BY fd.filingId, fd.position`,
} as const;

/**
 * What a command reads before it answers, whatever the store. Every read is of one commit: the
 * unit with its items, the snapshot's units, items and deadlines. Records are frozen: a reader
 * may share them between requests.
 */
export interface CampaignReader {
  /** The reply kept with a request key, or null when the request was never handled. */
  handledReply(key: string): Promise<string | null>;
  unitNames(): Promise<readonly UnitName[]>;
  caller(userId: string, envCoordinators: readonly string[]): Promise<Caller>;
  /** Coordinators added at run time (those of COORDINATOR_USER_IDS are not in the store). */
  coordinators(): Promise<readonly string[]>;
  unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null>;
  /** Every unit, item and deadline, from one commit: what the overview and App Home show. */
  snapshot(): Promise<CampaignSnapshot>;
  deadlines(): Promise<DeadlineRecord[]>;
  /** Every batch, oldest first. */
  batches(): Promise<BatchRecord[]>;
  close(): void;
}

export class SqliteCampaignReader implements CampaignReader {
  private readonly conn: Database.Database;
  private readonly statements = new Map<keyof typeof SQL, Database.Statement>();
  private readonly unitWithItemsAtOnce: (key: string) => { unit: UnitRecord; items: ItemRecord[] } | null;
  private readonly snapshotAtOnce: () => CampaignSnapshot;
  private readonly dataVersion: Database.Statement;
  private readonly kept = new KeptReads();

  constructor(filePath: string) {
    // NOTE: WAL readers never wait for a writer, so this connection cannot block the event loop
    // on another process's write; query_only makes a write through it an error.
    this.conn = new Database(filePath, { fileMustExist: true, timeout: 1_000 });
    this.conn.pragma("query_only = ON");
    // One read transaction, so the unit and its items come from the same commit.
    this.unitWithItemsAtOnce = this.conn.transaction((key: string) => this.readUnitWithItems(key));
    this.snapshotAtOnce = this.conn.transaction(() => this.readSnapshot());
    this.dataVersion = this.conn.prepare("PRAGMA data_version").pluck();
  }

  private all(name: keyof typeof SQL, ...params: unknown[]): Row[] {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.conn.prepare(SQL[name]);
      this.statements.set(name, statement);
    }
    return statement.all(...params) as Row[];
  }

  /** Not kept: every request asks about its own key. */
  async handledReply(key: string): Promise<string | null> {
    return toText(this.all("handledReply", key)[0]?.reply);
  }

  /**
   * What was read is kept until anything is committed: SQLite's data_version changes whenever
   * another connection (the bot's own Prisma one, a CLI, another process) commits, and this one
   * never writes. The version is taken before reading, so a commit in between only costs a re-read.
   * Kept values are frozen: they are shared by every request until then.
   */
  private cached<T>(key: string, read: () => T): T {
    return this.kept.get(this.dataVersion.get(), key, read);
  }

  async unitNames(): Promise<readonly UnitName[]> {
    return this.cached("units", () => this.readUnitNames());
  }

  private readUnitNames(): UnitName[] {
    const units: { key: string; name: string; domains: string[] }[] = [];
    for (const row of this.all("unitNames")) {
      const last = units.at(-1);
      const unit = last && last.key === row.unitKey ? last : { key: String(row.unitKey), name: String(row.unitName), domains: [] };
      if (unit !== last) units.push(unit);
      if (row.domainName !== null) unit.domains.push(String(row.domainName));
    }
    return units;
  }

  async caller(userId: string, envCoordinators: readonly string[]): Promise<Caller> {
    return this.cached(`caller:${userId}:${envCoordinators.join(",")}`, () => this.readCaller(userId, envCoordinators));
  }

  private readCaller(userId: string, envCoordinators: readonly string[]): Caller {
    const isCoordinator = envCoordinators.includes(userId) || this.all("coordinator", userId).length > 0;
    const contactId = this.all("contact", userId)[0]?.id;
    const units = contactId === undefined ? [] : this.all("contactUnits", contactId);
    return {
      userId,
      isCoordinator,
      contactId: contactId === undefined ? null : Number(contactId),
      units: units.map((u) => ({ id: Number(u.id), key: String(u.key), name: String(u.name) })),
    };
  }

  /** Coordinators added at run time (those of COORDINATOR_USER_IDS are not in the store). */
  async coordinators(): Promise<readonly string[]> {
    return this.cached("coordinators", () => this.all("coordinators").map((c) => String(c.slackUserId)));
  }

  async unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null> {
    return this.cached(`unit:${key}`, () => this.unitWithItemsAtOnce(key));
  }

  private readUnitWithItems(key: string): { unit: UnitRecord; items: ItemRecord[] } | null {
    const u = this.all("unitByKey", key)[0];
    if (!u) return null;
    const unit = toUnitRecord(u, this.all("domains", u.id), this.all("contacts", u.id));
    return { unit, items: toItemRecords(this.all("items", u.id)) };
  }

  /** Every unit, item and deadline, from one commit: what the overview and App Home show. */
  async snapshot(): Promise<CampaignSnapshot> {
    return this.cached("snapshot", () => this.snapshotAtOnce());
  }

  private readSnapshot(): CampaignSnapshot {
    const domains = groupBy(this.all("allDomains"), (d) => Number(d.unitId));
    const contacts = groupBy(this.all("allContacts"), (c) => Number(c.unitId));
    const units = this.all("allUnits").map((u) => toUnitRecord(u, domains.get(Number(u.id)) ?? [], contacts.get(Number(u.id)) ?? []));
    return { units, items: toItemRecords(this.all("allItems")), deadlines: this.readDeadlines(), batches: this.readBatches(), filings: this.readFilings() };
  }

  /** As listFilings (icp-filing-repository.ts) reads them. */
  private readFilings(): FilingRecord[] {
    const domains = groupBy(this.all("allFilingDomains"), (d) => Number(d.filingId));
    return this.all("allFilings").map((f) => ({
      id: Number(f.id),
      unitId: Number(f.unitId),
      ordinal: Number(f.ordinal),
      itemId: Number(f.itemId),
      itemKey: String(f.itemKey),
      number: f.number === null ? null : String(f.number),
      domains: (domains.get(Number(f.id)) ?? []).map((d) => String(d.name)),
      sponsorName: f.sponsorName === null ? null : String(f.sponsorName),
      reason: f.reason === null ? null : String(f.reason),
      step: String(f.step),
      stepAt: toDate(f.stepAt),
      stepBy: f.stepBy === null ? null : String(f.stepBy),
    }));
  }

  async batches(): Promise<BatchRecord[]> {
    return this.cached("batches", () => this.readBatches());
  }

  private readBatches(): BatchRecord[] {
    return this.all("batches").map((b) => ({ id: Number(b.id), name: String(b.name), closedAt: toDate(b.closedAt), createdAt: toDate(b.createdAt)! }));
  }

  async deadlines(): Promise<DeadlineRecord[]> {
    return this.cached("deadlines", () => this.readDeadlines());
  }

  private readDeadlines(): DeadlineRecord[] {
    return this.all("deadlines").map((d) => ({
      id: Number(d.id),
      key: String(d.key),
      batchId: Number(d.batchId),
      title: String(d.title),
      opensAt: toDate(d.opensAt),
      dueAt: toDate(d.dueAt)!,
      tasks: String(d.tasks).split(",").filter(Boolean) as TaskKey[],
      updatedAt: toDate(d.updatedAt),
      updatedBy: toText(d.updatedBy),
    }));
  }

  close(): void {
    this.conn.close();
  }
}
