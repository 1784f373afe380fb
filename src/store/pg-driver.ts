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

async function rowsOf(on: Queryable, statement: Sql): Promise<pg.QueryResult<Row>> {
  return on.query<Row>({ text: statement.text, values: statement.values.map(bindable), types });
}

/** Statements on `on`, each on its own (the pool) or in the transaction a client holds. */
export function pgRunner(on: Queryable): SqlTx {
  return {
    driver: true,
    locksRows: true,
    query: async (statement) => (await rowsOf(on, statement)).rows,
    execute: async (statement) => (await rowsOf(on, statement)).rowCount ?? 0,
  };
}

export type PgIsolation = "SERIALIZABLE" | "REPEATABLE READ" | "READ COMMITTED";

/**
 * Runs `work` between BEGIN and COMMIT on one connection of the pool, rolled back when it throws.
 * NOTE: a COMMIT that fails (40001 when a Serializable transaction lost a race) has ended the
 * transaction already; the error goes to the caller, who runs the work again.
 */
export async function pgTransaction<T>(pool: pg.Pool, isolation: PgIsolation, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that failed BEGIN, or could not even roll back, is dropped, never handed on.
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}${isolation === "REPEATABLE READ" ? " READ ONLY" : ""}`);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  try {
    const value = await work(pgRunner(client));
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

