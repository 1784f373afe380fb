// NOTE: Prisma 6.19's transaction manager sends COMMIT through the transaction's executeRaw and
// only then calls its commit(), which for @prisma/adapter-pg is what hands the connection back
// to the pool. When COMMIT itself fails — a Serializable transaction that lost a race gets 40001
// at COMMIT — commit() is never called and the connection is never returned: after ten lost
// races an instance's pool is empty, every later change waits for a connection and fails, and
// closing the store waits forever. This wrapper returns the connection when COMMIT fails
// (PostgreSQL has already ended the transaction then). Remove it when Prisma releases the
// connection itself; test/store-contract.test.ts shows whether it does.
import type { PrismaPg } from "@prisma/adapter-pg";
import { overriding } from "./overriding.ts";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;
type SqlQuery = Parameters<PgTransaction["executeRaw"]>[0];

const isCommit = (query: SqlQuery) => query.sql.trim().toUpperCase() === "COMMIT";


function releasingTransaction(transaction: PgTransaction): PgTransaction {
  return overriding(transaction, {
    executeRaw: async (query: SqlQuery) => {
      try {
        return await transaction.executeRaw(query);
      } catch (error) {
        // adapter-pg's rollback() sends nothing: it only releases the connection.
        if (isCommit(query)) await transaction.rollback().catch(() => undefined);
        throw error;
      }
    },
  });
}

function releasingAdapter(adapter: PgAdapter): PgAdapter {
  return overriding(adapter, {
    startTransaction: async (...args: Parameters<PgAdapter["startTransaction"]>) => releasingTransaction(await adapter.startTransaction(...args)),
  });
}

/** `factory`, whose transactions give their connection back to the pool when COMMIT fails. */
export function releasingFailedCommits(factory: PrismaPg): PrismaPg {
  return overriding(factory, { connect: async () => releasingAdapter(await factory.connect()) });
}
