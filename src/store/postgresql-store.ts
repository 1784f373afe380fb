// The campaign in a PostgreSQL database that several bot instances share: Prisma through
// @prisma/adapter-pg (decision 012), and on the same pool, commands' reads and reports' writes
// made with pg alone (decision 024), the reads kept until the database's snapshot changes
// (decisions 014, 019). The pool reconnects by itself: a connection the server dropped is
// replaced at the next query.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma-postgresql/client.ts";
import { redactDatabaseUrl } from "./database-kind.ts";
import { migratePostgres } from "./migrations.ts";
import { releasingFailedCommits } from "./pg-commit-release.ts";
import { PgCampaignReader } from "./pg-campaign-reader.ts";
import { PIPELINED, pgTransaction, statementName } from "./pg-driver.ts";
import { registerClient, type Db, type OpenStoreOptions, type Store } from "./store-handle.ts";

/** Connections per instance: the bot's requests, a pass's writes, and the planning lock's transaction. */
const POOL_SIZE = 10;

export async function openPostgresStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (options.migrate !== false) await migratePostgres(databaseUrl);
  // NOTE: wrapped so that a COMMIT that fails gives its connection back (src/store/pg-commit-release.ts).
  // NOTE: one pool for Prisma's adapter and the driver's own transactions (decision 024).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 10_000, ...PIPELINED });
  // NOTE: Prisma's statements are prepared by name as the driver's are (statementName, decision 026).
  const adapter = releasingFailedCommits(new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: (query) => statementName(query.sql) }));
  // NOTE: the PostgreSQL client is generated from the same schema as the SQLite one; its query
  // API is a superset of the type every repository is written against (Db).
  const db = new PrismaClient({ adapter }) as unknown as Db;
  await db.$connect();
  const store: Store = {
    kind: "postgresql",
    db,
    reader: new PgCampaignReader(pool),
    // NOTE: READ COMMITTED, its items locked first (lockUnitItems): Serializable's checks are kept
    // by page, and a report's read of its unit's items took in every other unit's (decision 025).
    sqlTransaction: (work) => pgTransaction(pool, "READ COMMITTED", work),
    where: redactDatabaseUrl(databaseUrl),
    location: null,
    fileIsPresent: () => true,
    reconnect: async () => undefined,
    close: () => db.$disconnect(),
  };
  registerClient(db, store);
  return store;
}
