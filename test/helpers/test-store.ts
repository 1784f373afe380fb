// A real SQLite file per test, copied from the migrated base file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openStore, type OpenStoreOptions, type Store } from "../../src/store/open-store.ts";
import { readCampaignSeed, seedCampaign } from "../../src/store/seed-repository.ts";

export const CAMPAIGN_YEAR = 2027;
/** June 1 2027, 10:00 in Shanghai. */
export const SEED_TIME = new Date("2027-06-01T10:00:00+08:00");

export interface TestStore extends Store {
  databaseUrl: string;
  dir: string;
  cleanup(): Promise<void>;
}

export async function createTestStore(options: { seed?: boolean } & Pick<OpenStoreOptions, "busyTimeoutMs"> = {}): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-test-"));
  const file = path.join(dir, "campaign.db");
  fs.copyFileSync(inject("baseDatabasePath"), file);
  const databaseUrl = `file:${file}`;
  const store = await openStore(databaseUrl, { busyTimeoutMs: options.busyTimeoutMs });
  if (options.seed !== false) {
    await seedCampaign(store.db, readCampaignSeed(), { year: CAMPAIGN_YEAR, now: SEED_TIME });
  }
  // NOTE: extended in place, not spread: `db` is a getter that a reconnect moves to a new connection.
  return Object.assign(store, {
    databaseUrl,
    dir,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}
