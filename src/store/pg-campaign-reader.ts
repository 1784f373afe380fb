// The command reads for PostgreSQL, made with pg alone (decision 024). NOTE: several instances
// share the database and none hears of another's commits, so what is kept is keyed on versions
// asked of the database: reads with items on pg_current_snapshot() — equal snapshots mean the
// same transactions have completed, so the same data is visible; any commit, by any instance or
// CLI, changes it (decision 019) — and reads of the directory's tables alone on the directory's
// version, which only their changes raise (decision 025).
import type pg from "pg";
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { Caller } from "../domain/access.ts";
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { CampaignReader } from "./campaign-reader.ts";
import { findCaller, listCoordinators } from "./caller-repository.ts";
import { listBatches, listDeadlines, readSnapshotIn } from "./campaign-repository.ts";
import { KeptReads, VersionScope, type StoreVersions } from "./kept-reads.ts";
import { pgRunner, pgTransaction } from "./pg-driver.ts";
import { DIRECTORY_VERSION_SQL, HANDLED_REPLY_SQL, ITEMS_SQL, raw, sql, textOf, toItemRecords } from "./rows.ts";
import type { SqlTx } from "./sql-tx.ts";
import { findUnitByKey, listUnitNames, loadUnitWithItems } from "./unit-repository.ts";

/** Both versions in one statement (so one round trip): the snapshot as text ("xmin:xmax:in-progress,…"), the directory's. */
const VERSIONS_SQL = `SELECT pg_current_snapshot()::text AS "everything", (${DIRECTORY_VERSION_SQL}) AS "directory"`;
/** The items' read, with the directory's version in every row. */
const ITEMS_WITH_DIRECTORY_VERSION_SQL = ITEMS_SQL.replace(/^SELECT /, `SELECT (${DIRECTORY_VERSION_SQL}) AS "directoryVersion", `);

/** What every reader of one store shares: the pool, and what was read under which versions. */
interface Kept {
  pool: pg.Pool;
  db: SqlTx;
  everything: KeptReads;
  directory: KeptReads;
}

export class PgCampaignReader implements CampaignReader {
  private readonly kept: Kept;
  private readonly pool: pg.Pool;
  private readonly db: SqlTx;

  /** `scope`: the versions of one piece of work (oneVersion); without, every read asks them. */
  constructor(pool: pg.Pool | Kept, private readonly scope?: VersionScope) {
    this.kept = "db" in pool ? pool : { pool, db: pgRunner(pool), everything: new KeptReads("everything"), directory: new KeptReads("directory") };
    this.pool = this.kept.pool;
    this.db = this.kept.db;
  }

  oneVersion(): CampaignReader {
    return this.scope ? this : new PgCampaignReader(this.kept, new VersionScope());
  }

  /** One round trip: the transactions completed as of now, and the directory's version. */
  private async askVersions(): Promise<StoreVersions> {
    const { rows } = await this.pool.query<StoreVersions>(VERSIONS_SQL);
    return rows[0]!;
  }

  private versions(): Promise<StoreVersions> {
    return this.scope ? this.scope.ask(() => this.askVersions()) : this.askVersions();
  }

  private cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.kept.everything.getAsync(() => this.versions(), key, read);
  }

  private cachedDirectory<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.kept.directory.getAsync(() => this.versions(), key, read);
  }

  /** Reads that must see one commit: REPEATABLE READ (PostgreSQL's default gives each statement its own). */
  private oneCommit<T>(read: (tx: SqlTx) => Promise<T>): Promise<T> {
    return pgTransaction(this.pool, "REPEATABLE READ", read);
  }

  /**
   * Not kept: every request asks about its own key. NOTE: the versions come in the same
   * statement, and serve the kept reads of this reader's scope after it (oneVersion): one round
   * trip less for every command.
   */
  async handledReply(key: string): Promise<string | null> {
    const [row] = await this.db.query(sql`${raw(VERSIONS_SQL)}, (${raw(HANDLED_REPLY_SQL)}${key}) AS "reply"`);
    this.scope?.offer(Promise.resolve({ everything: row!.everything, directory: row!.directory }));
    return textOf(row!.reply);
  }

  unitNames(): Promise<readonly UnitName[]> {
    return this.cachedDirectory("units", () => listUnitNames(this.db));
  }

  unit(key: string): Promise<UnitRecord | null> {
    return this.cachedDirectory(`unit:${key}`, () => this.readUnit(key));
  }

  caller(userId: string, envCoordinators: readonly string[]): Promise<Caller> {
    return this.cachedDirectory(`caller:${userId}:${envCoordinators.join(",")}`, () => findCaller(this.db, userId, envCoordinators));
  }

  coordinators(): Promise<readonly string[]> {
    return this.cachedDirectory("coordinators", async () => (await listCoordinators(this.db, [])).addedAtRunTime);
  }

  /**
   * NOTE: the unit as kept until the directory changes, and its items in one statement that also
   * reads the directory's version: when that is still the unit's, both are of one commit — one
   * round trip, not six (a transaction of four reads). Else all is read again in one transaction.
   */
  unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null> {
    return this.cached(`unit:${key}`, async () => {
      const { value: unit, version } = await this.kept.directory.getAsyncAt(() => this.versions(), `unit:${key}`, () => this.readUnit(key));
      if (!unit) return null;
      const rows = await this.db.query(sql`${raw(ITEMS_WITH_DIRECTORY_VERSION_SQL)} WHERE i."unitId" = ${unit.id} ORDER BY i."id"`);
      if (rows.length > 0 && rows.every((r) => r.directoryVersion === version)) return { unit, items: toItemRecords(rows) };
      return this.oneCommit((tx) => loadUnitWithItems(tx, key));
    });
  }

  private readUnit(key: string): Promise<UnitRecord | null> {
    return this.oneCommit((tx) => findUnitByKey(tx, key));
  }

  snapshot(): Promise<CampaignSnapshot> {
    return this.cached("snapshot", () => this.oneCommit(readSnapshotIn));
  }

  deadlines(): Promise<DeadlineRecord[]> {
    return this.cachedDirectory("deadlines", () => listDeadlines(this.db));
  }

  batches(): Promise<BatchRecord[]> {
    return this.cachedDirectory("batches", () => listBatches(this.db));
  }

  close(): void {}
}
