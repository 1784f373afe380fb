// PostgreSQL's statements and transactions made with pg alone, on the pool Prisma's adapter also
// uses (decision 024). Values go in and come out as the adapter's do: TIMESTAMP(3) columns hold
// UTC, so a date is sent as UTC text and read back as UTC, whatever the process's time zone.
import pg from "pg";
import type { Sql } from "@prisma/client/runtime/client";
import type { Row } from "./rows.ts";
import type { SqlTx } from "./sql-tx.ts";

const TIMESTAMP = 1114;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** As @prisma/adapter-pg formats a DateTime: "YYYY-MM-DD HH:MM:SS.mmm" in UTC. */
function utcText(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
}

const bindable = (value: unknown): unknown => (value instanceof Date ? utcText(value) : value);

const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === TIMESTAMP && format !== "binary") return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** At most this many statement texts are prepared on each connection; any others are parsed each time. */
export const MAX_PREPARED_STATEMENTS = 200;

/**
 * The names statements are prepared under, one per text. NOTE: a named statement is prepared on
 * each connection the first time it runs there and executed by name after that: PostgreSQL parses
 * and plans it once per connection, not once per request (measured here: 0.19 ms a round trip
 * instead of 0.27). Texts are few (the store's statements; an IN list's text varies with its
 * length), and only the first `limit` distinct ones get a name, so what a connection keeps
 * prepared stays bounded (decision 026).
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly limit = MAX_PREPARED_STATEMENTS) {}

  /** The text's name; the empty one (the protocol's unnamed statement, kept by no connection) once the limit is reached. */
  of(text: string): string {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.limit) this.names.set(text, (name = `s${this.names.size + 1}`));
    return name ?? "";
  }
}

const statementNames = new StatementNames();

/** The name a statement is prepared under, in this process, by the driver and by Prisma's adapter alike. */
export function statementName(text: string): string {
  return statementNames.of(text);
}

async function rowsOf(on: Queryable, statement: Sql): Promise<pg.QueryResult<Row>> {
  return on.query<Row>({ text: statement.text, name: statementName(statement.text), values: statement.values.map(bindable), types });
}

type Corkable = { cork(): void; uncork(): void };
const corked = new WeakSet<Corkable>();

/**
 * Statements a transaction sends one right after the other (BEGIN and the first, an update and its
 * audit entries, the last ones and COMMIT) leave in one write to the socket, not one each. NOTE:
 * the socket is held back until the code that is running ends (a microtask), then written at
 * once; on loopback each write cost more than a statement's own work. pg's connection.stream is
 * not a published API: without it, statements are written one by one, as before.
 */
function writeTogether(client: pg.PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
  if (typeof stream?.cork !== "function" || typeof stream.uncork !== "function") return;
  const socket = stream as Corkable;
  if (corked.has(socket)) return;
  corked.add(socket);
  socket.cork();
  queueMicrotask(() => {
    corked.delete(socket);
    socket.uncork();
  });
}

/**
 * Statements on `on`, each on its own (the pool) or in the transaction a client holds. `begun`:
 * the transaction's BEGIN, sent but perhaps not yet answered; a statement's result is used only
 * once BEGIN has succeeded too.
 */
export function pgRunner(on: Queryable, begun: Promise<unknown> = Promise.resolve(), client?: pg.PoolClient): SqlTx {
  const run = async (statement: Sql) => {
    if (client) writeTogether(client);
    return (await Promise.all([begun, rowsOf(on, statement)]))[1];
  };
  return {
    driver: true,
    locksRows: true,
    query: async (statement) => (await run(statement)).rows,
    execute: async (statement) => (await run(statement)).rowCount ?? 0,
  };
}

interface LastStatement {
  statement: Sql;
  failed: (error: unknown) => unknown;
}

/**
 * Sends the transaction's last statements and its COMMIT in one go: with the pipeline, one round
 * trip for all. NOTE: a last statement that fails aborts the transaction, and PostgreSQL answers
 * the COMMIT after it by rolling back (command tag ROLLBACK, no error): its failure is what is
 * thrown, and the transaction is over.
 */
async function commitWith(client: pg.PoolClient, last: readonly LastStatement[]): Promise<void> {
  writeTogether(client);
  const sent = last.map(({ statement }) => rowsOf(client, statement));
  const committed = client.query("COMMIT");
  const outcomes = await Promise.allSettled(sent);
  const commit = await committed.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const failure = outcomes.findIndex((o) => o.status === "rejected");
  if (failure >= 0) {
    const reason = (outcomes[failure] as PromiseRejectedResult).reason;
    // NOTE: a lost connection fails the statement and the COMMIT alike: that error goes on as it is.
    throw "error" in commit ? commit.error : new RolledBack(last[failure]!.failed(reason));
  }
  if ("error" in commit) throw commit.error;
  if (commit.result.command !== "COMMIT") throw new Error(`PostgreSQL answered the COMMIT with ${commit.result.command}`);
}

/** The transaction was rolled back already (by its COMMIT): `cause` is what to tell. */
class RolledBack {
  constructor(readonly cause: unknown) {}
}

export type PgIsolation = "SERIALIZABLE" | "REPEATABLE READ" | "READ COMMITTED";

/**
 * Runs `work` between BEGIN and COMMIT on one connection of the pool, rolled back when it throws.
 * NOTE: the pool's connections pipeline (PIPELINED): BEGIN is not waited for, and the work's first
 * statement goes out right behind it — one round trip less for every transaction. If BEGIN
 * fails, the connection is unusable (nothing else makes it fail), so the statement after it fails
 * too; the error goes to the caller and the connection is dropped.
 * NOTE: a COMMIT that fails (40001 when a Serializable transaction lost a race) has ended the
 * transaction already; the error goes to the caller, who runs the work again.
 */
export async function pgTransaction<T>(pool: pg.Pool, isolation: PgIsolation, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that failed BEGIN, or could not even roll back, is dropped, never handed on.
  let broken: Error | undefined;
  writeTogether(client);
  const begun = client.query(`BEGIN ISOLATION LEVEL ${isolation}${isolation === "REPEATABLE READ" ? " READ ONLY" : ""}`).catch((error: Error) => {
    broken = error;
    throw error;
  });
  // Seen here whatever the work does; its statements and the COMMIT below wait for it.
  begun.catch(() => undefined);
  const last: LastStatement[] = [];
  const tx: SqlTx = { ...pgRunner(client, begun, client), withCommit: (statement, failed) => void last.push({ statement, failed }) };
  try {
    const value = await work(tx);
    await begun;
    await commitWith(client, last);
    return value;
  } catch (error) {
    if (error instanceof RolledBack) throw error.cause;
    if (!broken) await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * The store's pool options. NOTE: `pipeline`: a statement sent while another is
 * still being answered goes out at once instead of waiting (pg 8.23); pgTransaction relies on it
 * (decision 026). Prisma's adapter waits for each of its statements, so it sends as before.
 */
export const PIPELINED = { pipeline: true } as const satisfies pg.PoolConfig;
