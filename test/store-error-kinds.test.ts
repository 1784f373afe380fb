import { describe, expect, it } from "vitest";
import { DomainError } from "../src/domain/errors.ts";
import { ErrorCode } from "../src/domain/error-codes.ts";
import { isStoreBusy, isStoreFault, isStoreUnreachable, isWriteConflict } from "../src/store/transaction.ts";

/** The adapter's own error, as @prisma/adapter-pg throws it when COMMIT fails: a cause, no meta. */
class DriverAdapterError extends Error {
  override name = "DriverAdapterError";
  constructor(override readonly cause: object) {
    super("kind" in cause ? String(cause.kind) : "driver error");
  }
}

/** A Prisma error around the adapter's, as a failed query inside a transaction is thrown. */
function prismaWrapped(cause: object, code = "P2034"): Error {
  return Object.assign(new Error("Transaction failed due to a write conflict or a deadlock"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: { cause } },
  });
}

const sqlite = (code: string) => Object.assign(new Error(`${code}: database is locked`), { name: "SqliteError", code });

describe("what a store error means for the write that met it", () => {
  const cases: Array<[string, unknown, { busy: boolean; conflict: boolean; unreachable: boolean; fault: boolean }]> = [
    ["a lost serialization race at COMMIT (adapter error, no meta)", new DriverAdapterError({ kind: "TransactionWriteConflict" }), { busy: true, conflict: true, unreachable: false, fault: false }],
    ["a serialization failure inside a query, with PostgreSQL's code", prismaWrapped({ kind: "TransactionWriteConflict", originalCode: "40001" }), { busy: true, conflict: true, unreachable: false, fault: false }],
    ["a deadlock", prismaWrapped({ kind: "TransactionWriteConflict", originalCode: "40P01" }), { busy: true, conflict: true, unreachable: false, fault: false }],
    ["the server going away at COMMIT", new DriverAdapterError({ kind: "ConnectionClosed" }), { busy: true, conflict: false, unreachable: true, fault: false }],
    ["no pool connection in time", Object.assign(new Error("Timed out fetching a new connection"), { name: "PrismaClientKnownRequestError", code: "P2024" }), { busy: true, conflict: false, unreachable: false, fault: false }],
    ["SQLite's write lock held by another process", sqlite("SQLITE_BUSY"), { busy: true, conflict: false, unreachable: false, fault: false }],
    ["a full disk", sqlite("SQLITE_FULL"), { busy: false, conflict: false, unreachable: false, fault: true }],
    ["a unique constraint the change broke", prismaWrapped({ kind: "UniqueConstraintViolation", originalCode: "23505" }, "P2002"), { busy: false, conflict: false, unreachable: false, fault: false }],
    ["a refusal that quotes a person's words about serialization", new DomainError(ErrorCode.NoSuchItem, "could not serialize access deadlock detected"), { busy: false, conflict: false, unreachable: false, fault: false }],
  ];

  it.each(cases)("%s", (_name, error, expected) => {
    expect({ busy: isStoreBusy(error), conflict: isWriteConflict(error), unreachable: isStoreUnreachable(error), fault: isStoreFault(error) }).toEqual(expected);
  });
});
