// Real PostgreSQL databases for tests, on the server TEST_DATABASE_URL names (a role that may
// create databases). Each test file (or test) gets a fresh database of its own, cloned from one
// template per run that the committed PostgreSQL migrations built: `CREATE DATABASE … TEMPLATE`
// takes milliseconds where `prisma migrate deploy` takes seconds. Dropped afterwards.
//
//   describeWithPostgres("the store on PostgreSQL", () => {
//     const database = usePostgresDatabase();          // one per file: beforeAll / afterAll
//     it("…", async () => { connect to database.url … });
//   });
//
// Without TEST_DATABASE_URL the block is skipped, saying how to start PostgreSQL; in CI (CI set)
// it fails instead: there a missing server is a broken pipeline, not a choice.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { redactDatabaseUrl } from "../../src/store/database-kind.ts";
import { runPrisma } from "../../scripts/prisma-cli.ts";
import { dropDatabase } from "../../scripts/drop-database.ts";
import { environmentVariable } from "../../src/config/environment.ts";

export const START_POSTGRESQL = [
  "Start PostgreSQL and point the tests at it (Debian or Ubuntu, as root or with sudo):",
  '  export TEST_DATABASE_URL="$(sudo bash .ci/postgresql-up)"   # installs, starts the cluster, creates role and database',
  "  npm test",
  "or by hand (pg_lsclusters shows the version and port):",
  "  sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start",
  `  sudo -u postgres psql -c "CREATE ROLE shutdown_test LOGIN CREATEDB PASSWORD 'shutdown_test'" -c "CREATE DATABASE shutdown_test OWNER shutdown_test"`,
  "  export TEST_DATABASE_URL=postgresql://shutdown_test:shutdown_test@127.0.0.1:5432/shutdown_test",
].join("\n");

const isCi = () => !["", "0", "false"].includes((environmentVariable("CI") ?? "").trim().toLowerCase());

/** The server's URL from TEST_DATABASE_URL; undefined when unset (and not in CI, where it throws). */
export function postgresServerUrl(): string | undefined {
  const url = environmentVariable("TEST_DATABASE_URL")?.trim();
  if (url) return url;
  if (isCi()) throw new Error(`CI is set but TEST_DATABASE_URL is not: the PostgreSQL tests cannot be skipped in CI.\n${START_POSTGRESQL}`);
  return undefined;
}

/**
 * describe() for tests that need PostgreSQL. Without a server: one skipped test whose note says
 * how to start one (and the same on stderr); in CI: one failing test saying TEST_DATABASE_URL is missing.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  let url: string | undefined;
  try {
    url = postgresServerUrl();
  } catch (error) {
    describe(name, () => {
      it("needs PostgreSQL (TEST_DATABASE_URL)", () => {
        throw error;
      });
    });
    return;
  }
  if (url) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it("needs PostgreSQL (TEST_DATABASE_URL)", (context) => {
      console.warn(`${name}: skipped, TEST_DATABASE_URL is not set.\n${START_POSTGRESQL}`);
      context.skip("TEST_DATABASE_URL is not set: see `export TEST_DATABASE_URL=\"$(sudo bash .ci/postgresql-up)\"`");
    });
  });
}

export interface PostgresDatabase {
  name: string;
  /** The server's URL with this database. */
  url: string;
  /** Drops it, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** A fresh database, dropped after the file's tests. Call inside describeWithPostgres. */
export function usePostgresDatabase(options: { migrated?: boolean } = {}): { readonly name: string; readonly url: string } {
  let database: PostgresDatabase | undefined;
  beforeAll(async () => {
    database = await createPostgresDatabase(options);
  });
  afterAll(async () => {
    await database?.drop();
  });
  const current = () => {
    if (!database) throw new Error("usePostgresDatabase: the database exists from beforeAll on");
    return database;
  };
  return {
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
  };
}

/** A run's id: its start in seconds (so that databases of runs long gone can be told apart) and a random part. */
export function newRunId(): string {
  return `${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString("hex")}`;
}

let runIdOfProcess: string | undefined;
function runId(): string {
  // NOTE: the global setup names the run; a process without one (another config) is a run of its own.
  return (inject("postgresRunId") as string | undefined) ?? (runIdOfProcess ??= newRunId());
}

const templateName = (id: string) => `shutdown_tpl_${id}`;
const RUN_DATABASE = /^shutdown_(?:tpl|t)_(\d{10})_[0-9a-f]{6}/;
let created = 0;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${redactDatabaseUrl(serverUrl)} (TEST_DATABASE_URL): ${(error as Error).message}\n${START_POSTGRESQL}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let template: Promise<string> | undefined;

/** The run's migrated template, made by whichever test process asks first (the others wait on a lock). */
function migratedTemplate(serverUrl: string): Promise<string> {
  template ??= withServer(serverUrl, async (client) => {
    const name = templateName(runId());
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
        try {
          await runPrisma(["migrate", "deploy"], databaseUrl(serverUrl, name));
        } catch (error) {
          await dropDatabase(client, name);
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
    }
    return name;
  });
  return template;
}

/** A fresh database: a clone of the run's migrated template, or empty (`migrated: false`). */
export async function createPostgresDatabase(options: { migrated?: boolean } = {}): Promise<PostgresDatabase> {
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error(`TEST_DATABASE_URL is not set.\n${START_POSTGRESQL}`);
  const source = options.migrated === false ? "template0" : await migratedTemplate(serverUrl);
  const name = `shutdown_t_${runId()}_${process.pid}_${++created}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => withServer(serverUrl, (client) => dropDatabase(client, name)),
  };
}

async function dropWhere(serverUrl: string, keep: (name: string) => boolean): Promise<void> {
  await withServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'shutdown\\_t%'");
    for (const { datname } of rows) {
      if (RUN_DATABASE.test(datname) && !keep(datname)) await dropDatabase(client, datname);
    }
  });
}

/** Drops the template and test databases of one run. */
export function dropRunDatabases(serverUrl: string, id: string): Promise<void> {
  return dropWhere(serverUrl, (name) => name !== templateName(id) && !name.startsWith(`shutdown_t_${id}_`));
}

/** Drops what runs that started more than a day ago left behind (a run killed before its teardown). */
export function dropStaleRunDatabases(serverUrl: string, now = Date.now()): Promise<void> {
  const dayAgo = now / 1000 - 24 * 3600;
  return dropWhere(serverUrl, (name) => Number(RUN_DATABASE.exec(name)![1]) >= dayAgo);
}
