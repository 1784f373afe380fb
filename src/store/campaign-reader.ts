// The reads every /shutdown command makes before it answers (CampaignReader), and SQLite's way
// of making them: prepared statements on a connection of its own, with the SQL and the mappers of
// rows.ts. NOTE: a Prisma call costs 0.3–0.7 ms of CPU (its query compiler runs on every call),
// more than a whole bare Bolt ack; these reads cost microseconds. Writes, and reads inside a
// transaction, go through the Prisma client. See docs/decisions/005-command-reads-and-store-waits.md.
import Database from "better-sqlite3";
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, FilingRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { TaskKey } from "../domain/model/tasks.ts";
import type { Caller } from "../domain/access.ts";
import { groupBy } from "../lib/group-by.ts";
import { KeptReads } from "./kept-reads.ts";
import { CONTACTS_SQL, DOMAINS_SQL, dateOf as toDate, FILING_DOMAINS_SQL, FILINGS_SQL, ITEMS_SQL, textOf as toText, toFilingRecord, toItemRecords, toUnitRecord, UNITS_SQL, type Row } from "./rows.ts";

const SQL = {
  handledReply: `SELECT reply FROM "HandledRequest" WHERE key = ?`,
  unitNames: `SELECT u.key AS unitKey, u.name AS unitName, d.name AS domainName
    FROM "Unit" u LEFT JOIN "Domain" d ON d.unitId = u.id ORDER BY u.position, u.id, d.position, d.id`,
  coordinator: `SELECT 1 AS yes FROM "Coordinator" WHERE slackUserId = ?`,
  coordinators: `SELECT slackUserId FROM "Coordinator" ORDER BY addedAt, slackUserId`,
  contact: `SELECT id FROM "Contact" WHERE slackUserId = ?`,
  contactUnits: `SELECT u.id, u.key, u.name FROM "UnitContact" uc JOIN "Unit" u ON u.id = uc.unitId
    WHERE uc.contactId = ? ORDER BY u.position, u.id`,
  unitByKey: `${UNITS_SQL} WHERE u."key" = ?`,
  domains: `${DOMAINS_SQL} WHERE d."unitId" = ? ORDER BY d."position", d."id"`,
  contacts: `${CONTACTS_SQL} WHERE uc."unitId" = ? ORDER BY uc."createdAt", uc."contactId"`,
  items: `${ITEMS_SQL} WHERE i."unitId" = ? ORDER BY i."id"`,
  allUnits: `${UNITS_SQL} ORDER BY u."position", u."id"`,
  allDomains: `${DOMAINS_SQL} ORDER BY d."position", d."id"`,
  allContacts: `${CONTACTS_SQL} ORDER BY uc."createdAt", uc."contactId"`,
  allItems: `${ITEMS_SQL} ORDER BY i."id"`,
  deadlines: `SELECT * FROM "Deadline" ORDER BY dueAt, id`,
  batches: `SELECT id, name, closedAt, createdAt FROM "Batch" ORDER BY id`,
  allFilings: `${FILINGS_SQL} ORDER BY f."unitId", f."ordinal"`,
  allFilingDomains: `${FILING_DOMAINS_SQL} ORDER BY fd."filingId", fd."position"`,
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
    return this.all("allFilings").map((f) => toFilingRecord(f, domains.get(Number(f.id)) ?? []));
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
