// SQLite's transactions made with better-sqlite3 alone, on the connection Prisma writes through
// (decision 024). NOTE: one connection, so one transaction at a time on it: Prisma's adapter keeps
// its own transactions apart with a lock of its own but lets a statement from outside one run in
// the middle of it. Here every transaction, Prisma's and the driver's, takes this writer's turn,
// and while a driver transaction is open Prisma's other statements wait for it: none of them can
// end up inside it, or be rolled back with it.
import Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Sql } from "@prisma/client/runtime/client";
import type { Row } from "./rows.ts";
import type { SqlTx } from "./sql-tx.ts";
import { overriding } from "./overriding.ts";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** The statements a campaign sends are few and fixed: each is prepared once per connection. */
const MAX_PREPARED = 500;

/** A value as Prisma's adapter writes it (its iso8601 format): dates as text with +00:00, booleans as 0/1. */
function bindable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export class SqliteWriter {
  private turn: Promise<void> = Promise.resolve();
  /** Settles when the open driver transaction ends; null when none is open. */
  private driverOpen: Promise<void> | null = null;
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly client: Database.Database) {}

  /** Waits for this connection's turn; call the result to give it back. */
  async take(): Promise<() => void> {
    const previous = this.turn;
    let release = () => {};
    this.turn = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }

  /** Resolves once no driver transaction is open. */
  async outsideDriverTransaction(): Promise<void> {
    while (this.driverOpen) await this.driverOpen;
  }

  private statement(text: string): Statement {
    let statement = this.prepared.get(text);
    if (!statement) {
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      statement = this.client.prepare(text);
      // NOTE: plain numbers, as the reader's connection gives them; Prisma's adapter asks for BigInt.
      if (statement.reader) statement.safeIntegers(false);
      this.prepared.set(text, statement);
    }
    return statement;
  }

  private readonly tx: SqlTx = {
    driver: true,
    locksRows: false,
    query: async (q: Sql) => this.statement(q.sql).all(...q.values.map(bindable)) as Row[],
    execute: async (q: Sql) => this.statement(q.sql).run(...q.values.map(bindable)).changes,
  };

  /**
   * Runs `work` between BEGIN and COMMIT on this connection, rolled back when it throws. NOTE: a
   * deferred BEGIN, as Prisma's: a transaction that read first and then finds another process
   * writing gets SQLITE_BUSY at once, never a busy wait that would block the event loop.
   */
  async transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const release = await this.take();
    let ended = () => {};
    this.driverOpen = new Promise<void>((resolve) => (ended = resolve));
    try {
      this.statement("BEGIN").run();
      try {
        const value = await work(this.tx);
        this.statement("COMMIT").run();
        return value;
      } catch (error) {
        // NOTE: a fault (disk full at COMMIT) may leave nothing to roll back, or fail the rollback too: the error that ended the work is the one to tell.
        try {
          if (this.client.inTransaction) this.statement("ROLLBACK").run();
        } catch {
          // the connection is replaced after a fault (inSqlTransaction)
        }
        throw error;
      }
    } finally {
      this.driverOpen = null;
      ended();
      release();
    }
  }
}

/**
 * `factory`, whose connection gets a SqliteWriter (given to `onConnect`), and whose Prisma
 * transactions and statements keep to its turns.
 */
export function withSqliteWriter(factory: Factory, onConnect: (writer: SqliteWriter) => void): Factory {
  return overriding(factory, {
    connect: async () => {
      const adapter = await factory.connect();
      // NOTE: the adapter's handle is not a published API: a Prisma that moved it fails every store at open.
      const client = (adapter as unknown as { client?: unknown }).client;
      if (!(client instanceof Database)) throw new Error("Prisma's SQLite adapter no longer shows its better-sqlite3 connection (adapter.client)");
      const writer = new SqliteWriter(client);
      onConnect(writer);
      const outside =
        <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          await writer.outsideDriverTransaction();
          return run(...args);
        };
      return overriding(adapter, {
        queryRaw: outside(adapter.queryRaw.bind(adapter)),
        executeRaw: outside(adapter.executeRaw.bind(adapter)),
        executeScript: outside(adapter.executeScript.bind(adapter)),
        startTransaction: async (...args: Parameters<Adapter["startTransaction"]>) => {
          const release = await writer.take();
          try {
            return givingBack(await adapter.startTransaction(...args), release);
          } catch (error) {
            release();
            throw error;
          }
        },
      });
    },
  });
}

/** `transaction`, which gives the writer's turn back when it commits or rolls back. */
function givingBack(transaction: Transaction, release: () => void): Transaction {
  const ending =
    (end: () => Promise<void>) =>
    async (): Promise<void> => {
      try {
        await end();
      } finally {
        release();
      }
    };
  return overriding(transaction, { commit: ending(transaction.commit.bind(transaction)), rollback: ending(transaction.rollback.bind(transaction)) });
}
