// The command reads through Prisma, for PostgreSQL: nothing kept between calls. NOTE: several
// instances share the database, and no instance hears of another's commits; a kept read would be
// stale the moment another instance changed the campaign (decision 014).
import type { UnitName } from "../domain/command/unit-directory.ts";
import type { Caller } from "../domain/access.ts";
import type { BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { CampaignReader } from "./campaign-reader.ts";
import { findCaller, listCoordinators } from "./caller-repository.ts";
import { listBatches, listDeadlines, readSnapshot } from "./campaign-repository.ts";
import { oneCommit, type Db } from "./store-handle.ts";
import { listUnitNames, loadUnitWithItems } from "./unit-repository.ts";


export class PrismaCampaignReader implements CampaignReader {
  constructor(private readonly db: () => Db) {}

  async handledReply(key: string): Promise<string | null> {
    const row = await this.db().handledRequest.findUnique({ where: { key }, select: { reply: true } });
    return row?.reply ?? null;
  }

  unitNames(): Promise<readonly UnitName[]> {
    return listUnitNames(this.db());
  }

  caller(userId: string, envCoordinators: readonly string[]): Promise<Caller> {
    return findCaller(this.db(), userId, envCoordinators);
  }

  async coordinators(): Promise<readonly string[]> {
    return (await listCoordinators(this.db(), [])).addedAtRunTime;
  }

  unitWithItems(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] } | null> {
    return this.db().$transaction((tx) => loadUnitWithItems(tx, key), oneCommit(this.db()));
  }

  snapshot(): Promise<CampaignSnapshot> {
    return readSnapshot(this.db());
  }

  deadlines(): Promise<DeadlineRecord[]> {
    return listDeadlines(this.db());
  }

  batches(): Promise<BatchRecord[]> {
    return listBatches(this.db());
  }

  close(): void {}
}
