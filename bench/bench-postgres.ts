// PostgreSQL for the bench: databases of its own on the server TEST_DATABASE_URL names (the tests'
// server: a role that may create databases), dropped when the section ends.
import pg from "pg";
import { runPrisma } from "../scripts/prisma-cli.ts";
import { dropDatabase } from "../scripts/drop-database.ts";

export const POSTGRES_MISSING = "PostgreSQL rows not measured: set TEST_DATABASE_URL (README, Development) to a server whose role may create databases.";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database `shutdown_bench_<pid>_<role>`, migrated with the committed PostgreSQL migrations unless `empty`. */
export async function createBenchDatabase(serverUrl: string, role: string, options: { empty?: boolean } = {}): Promise<BenchDatabase> {
  const name = `shutdown_bench_${process.pid}_${role}`;
  await admin(serverUrl, async (client) => {
    await dropDatabase(client, name);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (!options.empty) await runPrisma(["migrate", "deploy"], url.toString());
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, (client) => dropDatabase(client, name)),
  };
}
