// A real SQLite file per test, copied from the run's base file: migrated, and seeded unless asked not to.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openStore, type OpenStoreOptions, type Store } from "../../src/store/open-store.ts";

export { CAMPAIGN_YEAR, SEED_TIME } from "../setup/global-setup.ts";

export interface TestStore extends Store {
  databaseUrl: string;
  dir: string;
  cleanup(): Promise<void>;
}

export async function createTestStore(options: { seed?: boolean } & Pick<OpenStoreOptions, "busyTimeoutMs"> = {}): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-test-"));
  const file = path.join(dir, "campaign.db");
  fs.copyFileSync(inject(options.seed === false ? "baseDatabasePath" : "seededDatabasePath"), file);
  const databaseUrl = `file:${file}`;
  const store = await openStore(databaseUrl, { busyTimeoutMs: options.busyTimeoutMs });
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
