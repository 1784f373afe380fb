// The command reads for PostgreSQL, made with pg alone (decision 024), kept until the database's
// snapshot changes. NOTE: several instances share the database and none hears of another's
// commits, so what is kept is keyed on pg_current_snapshot(): equal snapshots mean the same
// transactions have completed, so the same data is visible; any commit, by any instance or CLI,
// changes it (decision 019).
import type pg from "pg";
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { Caller } from "../domain/access.ts";
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { CampaignReader } from "./campaign-reader.ts";
import { findCaller, listCoordinators } from "./caller-repository.ts";
import { listBatches, listDeadlines, readSnapshotIn } from "./campaign-repository.ts";
import { KeptReads } from "./kept-reads.ts";
import { pgRunner, pgTransaction } from "./pg-driver.ts";
import { HANDLED_REPLY_SQL, raw, sql, textOf } from "./rows.ts";
import type { SqlTx } from "./sql-tx.ts";
import { listUnitNames, loadUnitWithItems } from "./unit-repository.ts";

export class PgCampaignReader implements CampaignReader {
  private readonly kept = new KeptReads();
  private readonly db: SqlTx;

  constructor(private readonly pool: pg.Pool) {
    this.db = pgRunner(pool);
  }

  /** One round trip: the transactions completed as of now, as text ("xmin:xmax:in-progress,…"). */
  private async version(): Promise<string> {
    const { rows } = await this.pool.query<{ v: string }>("SELECT pg_current_snapshot()::text AS v");
    return rows[0]!.v;
  }

  private cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.kept.getAsync(() => this.version(), key, read);
  }

  /** Reads that must see one commit: REPEATABLE READ (PostgreSQL's default gives each statement its own). */
  private oneCommit<T>(read: (tx: SqlTx) => Promise<T>): Promise<T> {
    return pgTransaction(this.pool, "REPEATABLE READ", read);
  }

  /** Not kept: every request asks about its own key. */
  async handledReply(key: string): Promise<string | null> {
    const [row] = await this.db.query(sql`${raw(HANDLED_REPLY_SQL)}${key}`);
    return textOf(row?.reply);
  }

  unitNames(): Promise<readonly UnitName[]> {
    return this.cached("units", () => listUnitNames(this.db));
  }

  caller(userId: string, envCoordinators: readonly string[]): Promise<Caller> {
    return this.cached(`caller:${userId}:${envCoordinators.join(",")}`, () => findCaller(this.db, userId, envCoordinators));
  }

  coordinators(): Promise<readonly string[]> {
    return this.cached("coordinators", async () => (await listCoordinators(this.db, [])).addedAtRunTime);
  }

  unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null> {
    return this.cached(`unit:${key}`, () => this.oneCommit((tx) => loadUnitWithItems(tx, key)));
  }

  snapshot(): Promise<CampaignSnapshot> {
    return this.cached("snapshot", () => this.oneCommit(readSnapshotIn));
  }

  deadlines(): Promise<DeadlineRecord[]> {
    return this.cached("deadlines", () => listDeadlines(this.db));
  }

  batches(): Promise<BatchRecord[]> {
    return this.cached("batches", () => listBatches(this.db));
  }

  close(): void {}
}
