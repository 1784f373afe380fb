// The reads every /shutdown command makes before it answers (CampaignReader), and SQLite's way
// of making them: prepared statements on a connection of its own, with the SQL and the mappers of
// rows.ts. NOTE: a Prisma call costs 0.3–0.7 ms of CPU (its query compiler runs on every call),
// more than a whole bare Bolt ack; these reads cost microseconds. A report's transaction is made
// with the driver as well (sqlite-writer.ts, decision 024); other writes go through the Prisma
// client. See docs/decisions/005-command-reads-and-store-waits.md.
import Database from "better-sqlite3";
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, FilingRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { Caller } from "../domain/access.ts";
import { groupBy } from "../lib/group-by.ts";
import { KeptReads, VersionScope, type StoreVersions } from "./kept-reads.ts";
import {
  BATCHES_SQL,
  CONTACT_SQL,
  CONTACT_UNITS_ORDER,
  CONTACT_UNITS_SQL,
  CONTACTS_SQL,
  COORDINATOR_SQL,
  DIRECTORY_VERSION_SQL,
  COORDINATORS_SQL,
  DEADLINES_SQL,
  DOMAINS_SQL,
  FILING_DOMAINS_SQL,
  FILINGS_SQL,
  HANDLED_REPLY_SQL,
  ITEMS_SQL,
  textOf as toText,
  toBatchRecord,
  toCaller,
  toDeadlineRecord,
  toFilingRecord,
  toItemRecords,
  toUnitNames,
  toUnitRecord,
  UNIT_NAMES_SQL,
  UNITS_SQL,
  type Row,
} from "./rows.ts";

/** Both versions in one statement: the connection's data_version, the directory's. */
const VERSIONS_SQL = `SELECT (SELECT "data_version" FROM pragma_data_version) AS "everything", (${DIRECTORY_VERSION_SQL}) AS "directory"`;

const SQL = {
  handledReply: `${HANDLED_REPLY_SQL}?`,
  versions: VERSIONS_SQL,
  versionsAndReply: `${VERSIONS_SQL}, (${HANDLED_REPLY_SQL}?) AS "reply"`,
  unitNames: UNIT_NAMES_SQL,
  coordinator: `${COORDINATOR_SQL}?`,
  coordinators: COORDINATORS_SQL,
  contact: `${CONTACT_SQL}?`,
  contactUnits: `${CONTACT_UNITS_SQL}?${CONTACT_UNITS_ORDER}`,
  unitByKey: `${UNITS_SQL} WHERE u."key" = ?`,
  domains: `${DOMAINS_SQL} WHERE d."unitId" = ? ORDER BY d."position", d."id"`,
  contacts: `${CONTACTS_SQL} WHERE uc."unitId" = ? ORDER BY uc."createdAt", uc."contactId"`,
  items: `${ITEMS_SQL} WHERE i."unitId" = ? ORDER BY i."id"`,
  allUnits: `${UNITS_SQL} ORDER BY u."position", u."id"`,
  allDomains: `${DOMAINS_SQL} ORDER BY d."position", d."id"`,
  allContacts: `${CONTACTS_SQL} ORDER BY uc."createdAt", uc."contactId"`,
  allItems: `${ITEMS_SQL} ORDER BY i."id"`,
  deadlines: DEADLINES_SQL,
  batches: BATCHES_SQL,
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
  /**
   * This reader, with the store's versions asked once for all its kept reads, and again after any
   * transaction this process ends (kept-reads.ts VersionScope): for one request or one App Home
   * refresh, never kept longer. NOTE: it shares its store's connection and what the store keeps.
   */
  oneVersion(): CampaignReader;
  unitNames(): Promise<readonly UnitName[]>;
  /** A unit with its domains and contacts, without its items (kept until the directory changes). */
  unit(key: string): Promise<UnitRecord | null>;
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

/** What every reader of one store shares: the connection, its statements, what was read under which versions. */
interface ReadConnection {
  conn: Database.Database;
  statements: Map<keyof typeof SQL, Database.Statement>;
  dataVersion: Database.Statement;
  directoryVersion: Database.Statement;
  everything: KeptReads;
  directory: KeptReads;
  /** One read transaction each, so the unit and its items come from the same commit. */
  unitWithItemsAtOnce: (key: string) => { unit: UnitRecord; items: ItemRecord[] } | null;
  unitAtOnce: (key: string) => UnitRecord | null;
  snapshotAtOnce: () => CampaignSnapshot;
}

export class SqliteCampaignReader implements CampaignReader {
  private readonly c: ReadConnection;

  /** `scope`: the versions of one piece of work (oneVersion); without, every read asks its own. */
  constructor(source: string | SqliteCampaignReader, private readonly scope?: VersionScope<StoreVersions>) {
    // NOTE: a scoped reader is made for every request: it makes nothing of its own but the scope.
    this.c = typeof source === "string" ? this.openReadConnection(source) : source.c;
  }

  private all(name: keyof typeof SQL, ...params: unknown[]): Row[] {
    let statement = this.c.statements.get(name);
    if (!statement) {
      statement = this.c.conn.prepare(SQL[name]);
      this.c.statements.set(name, statement);
    }
    return statement.all(...params) as Row[];
  }

  oneVersion(): CampaignReader {
    return this.scope ? this : new SqliteCampaignReader(this, new VersionScope<StoreVersions>());
  }

  /**
   * Not kept: every request asks about its own key. NOTE: in a scope (oneVersion) the versions
   * come in the same statement and serve the reads after it, as on PostgreSQL: one statement for
   * all of a command's versions, not one per read.
   */
  async handledReply(key: string): Promise<string | null> {
    if (!this.scope) return toText(this.all("handledReply", key)[0]?.reply);
    const row = this.all("versionsAndReply", key)[0]!;
    this.scope.offer({ everything: row.everything, directory: row.directory });
    return toText(row.reply);
  }

  /**
   * What was read is kept until anything is committed: SQLite's data_version changes whenever
   * another connection (the bot's own Prisma one, a CLI, another process) commits, and this one
   * never writes. The version is taken before reading, so a commit in between only costs a re-read.
   * Kept values are frozen: they are shared by every request until then.
   */
  private cached<T>(key: string, read: () => T): T {
    return this.c.everything.get(this.scope ? this.versions().everything : this.c.dataVersion.get(), key, read);
  }

  /** Reads of the directory's tables alone: kept until one of them changes (kept-reads.ts). */
  private cachedDirectory<T>(key: string, read: () => T): T {
    return this.c.directory.get(this.scope ? this.versions().directory : this.c.directoryVersion.get(), key, read);
  }

  private versions(): StoreVersions {
    return this.scope!.ask(() => this.all("versions")[0] as unknown as StoreVersions);
  }

  async unitNames(): Promise<readonly UnitName[]> {
    return this.cachedDirectory("units", () => this.readUnitNames());
  }

  async unit(key: string): Promise<UnitRecord | null> {
    return this.cachedDirectory(`unit:${key}`, () => this.c.unitAtOnce(key));
  }

  private readUnitNames(): UnitName[] {
    return toUnitNames(this.all("unitNames"));
  }

  async caller(userId: string, envCoordinators: readonly string[]): Promise<Caller> {
    return this.cachedDirectory(`caller:${userId}:${envCoordinators.join(",")}`, () => this.readCaller(userId, envCoordinators));
  }

  private readCaller(userId: string, envCoordinators: readonly string[]): Caller {
    const contact = this.all("contact", userId);
    const units = contact[0] === undefined ? [] : this.all("contactUnits", contact[0].id);
    return toCaller(userId, envCoordinators, envCoordinators.includes(userId) ? [] : this.all("coordinator", userId), contact, units);
  }

  /** Coordinators added at run time (those of COORDINATOR_USER_IDS are not in the store). */
  async coordinators(): Promise<readonly string[]> {
    return this.cachedDirectory("coordinators", () => this.all("coordinators").map((c) => String(c.slackUserId)));
  }

  async unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null> {
    return this.cached(`unit:${key}`, () => this.c.unitWithItemsAtOnce(key));
  }

  private readUnitWithItems(key: string): { unit: UnitRecord; items: ItemRecord[] } | null {
    const unit = this.readUnit(key);
    return unit && { unit, items: toItemRecords(this.all("items", unit.id)) };
  }

  private readUnit(key: string): UnitRecord | null {
    const u = this.all("unitByKey", key)[0];
    return u ? toUnitRecord(u, this.all("domains", u.id), this.all("contacts", u.id)) : null;
  }

  /** Every unit, item and deadline, from one commit: what the overview and App Home show. */
  async snapshot(): Promise<CampaignSnapshot> {
    return this.cached("snapshot", () => this.c.snapshotAtOnce());
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
    return this.cachedDirectory("batches", () => this.readBatches());
  }

  private readBatches(): BatchRecord[] {
    return this.all("batches").map(toBatchRecord);
  }

  async deadlines(): Promise<DeadlineRecord[]> {
    return this.cachedDirectory("deadlines", () => this.readDeadlines());
  }

  private readDeadlines(): DeadlineRecord[] {
    return this.all("deadlines").map(toDeadlineRecord);
  }

  private openReadConnection(filePath: string): ReadConnection {
    // NOTE: WAL readers never wait for a writer, so this connection cannot block the event loop
    // on another process's write; query_only makes a write through it an error.
    const conn = new Database(filePath, { fileMustExist: true, timeout: 1_000 });
    conn.pragma("query_only = ON");
    return {
      conn,
      statements: new Map(),
      dataVersion: conn.prepare("PRAGMA data_version").pluck(),
      directoryVersion: conn.prepare(DIRECTORY_VERSION_SQL).pluck(),
      everything: new KeptReads("everything"),
      directory: new KeptReads("directory"),
      unitWithItemsAtOnce: conn.transaction((key: string) => this.readUnitWithItems(key)),
      unitAtOnce: conn.transaction((key: string) => this.readUnit(key)),
      snapshotAtOnce: conn.transaction(() => this.readSnapshot()),
    };
  }

  /** A scoped reader shares its store's connection: only the store's own reader closes it. */
  close(): void {
    if (!this.scope) this.c.conn.close();
  }
}
