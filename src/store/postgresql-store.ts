// The campaign in a PostgreSQL database that several bot instances share: Prisma through
// @prisma/adapter-pg (decision 012), commands' reads through Prisma as well, kept until the
// database's snapshot changes (decisions 014, 019). The pool reconnects by itself: a connection
// the server dropped is replaced at the next query.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma-postgresql/client.ts";
import { redactDatabaseUrl } from "./database-kind.ts";
import { migratePostgres } from "./migrations.ts";
import { releasingFailedCommits } from "./pg-commit-release.ts";
import { PrismaCampaignReader } from "./prisma-campaign-reader.ts";
import { registerClient, type Db, type OpenStoreOptions, type Store } from "./store-handle.ts";

/** Connections per instance: the bot's requests, a pass's writes, and the planning lock's transaction. */
const POOL_SIZE = 10;

export async function openPostgresStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (options.migrate !== false) await migratePostgres(databaseUrl);
  // NOTE: wrapped so that a COMMIT that fails gives its connection back (src/store/pg-commit-release.ts).
  const adapter = releasingFailedCommits(new PrismaPg({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 10_000 }));
  // NOTE: the PostgreSQL client is generated from the same schema as the SQLite one; its query
  // API is a superset of the type every repository is written against (Db).
  const db = new PrismaClient({ adapter }) as unknown as Db;
  await db.$connect();
  const store: Store = {
    kind: "postgresql",
    db,
    reader: new PrismaCampaignReader(() => db),
    where: redactDatabaseUrl(databaseUrl),
    location: null,
    fileIsPresent: () => true,
    reconnect: async () => undefined,
    close: () => db.$disconnect(),
  };
  registerClient(db, store);
  return store;
}
