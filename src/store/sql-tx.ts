// A transaction that sends the SQL of rows.ts with the database's driver alone, no Prisma query
// between BEGIN and COMMIT (decision 024). The repositories written as SQL take one or a Prisma
// transaction alike: `queryRows` and `executeSql` send a statement on whichever they are given.
import type { Sql } from "@prisma/client/runtime/client";
import type { Row } from "./rows.ts";

export interface SqlTx {
  /** Tells it from a Prisma client or transaction. */
  readonly driver: true;
  /** PostgreSQL's: rows can be locked for a change (rowLocks). */
  readonly locksRows: boolean;
  query(statement: Sql): Promise<Row[]>;
  /** The number of rows the statement changed. */
  execute(statement: Sql): Promise<number>;
  /**
   * Where the driver can, sends `statement` as the transaction's last, together with its COMMIT
   * (PostgreSQL: one round trip for both); when it fails, the COMMIT rolls everything back and the
   * transaction throws `failed(error)`. Absent: the caller runs the statement as any other.
   */
  readonly withCommit?: (statement: Sql, failed: (error: unknown) => unknown) => void;
}

/** A Prisma client or transaction, as far as raw SQL goes. */
interface PrismaRaw {
  $queryRaw<T = unknown>(statement: Sql): PromiseLike<T>;
  $executeRaw(statement: Sql): PromiseLike<number>;
}

/** Whatever a repository written as SQL can send a statement on. */
export type SqlRunner = PrismaRaw | SqlTx;

export const isDriverTx = (runner: SqlRunner): runner is SqlTx => (runner as Partial<SqlTx>).driver === true;

export function queryRows(runner: SqlRunner, statement: Sql): Promise<Row[]> {
  return isDriverTx(runner) ? runner.query(statement) : Promise.resolve(runner.$queryRaw<Row[]>(statement));
}

export function executeSql(runner: SqlRunner, statement: Sql): Promise<number> {
  return isDriverTx(runner) ? runner.execute(statement) : Promise.resolve(runner.$executeRaw(statement));
}
