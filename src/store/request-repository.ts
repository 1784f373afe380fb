// Slack may deliver the same request twice; its key is claimed in the same transaction as the change.
import { sql } from "./rows.ts";
import { executeSql, isDriverTx, type SqlRunner } from "./sql-tx.ts";
import { isUniqueViolation } from "./transaction.ts";

/** A request key claimed before: the change it came with is rolled back. */
export class RequestAlreadyClaimed extends Error {
  constructor(readonly key: string) {
    super(`request ${key} was handled before`);
    this.name = "RequestAlreadyClaimed";
  }
}

/**
 * Fails (isAlreadyClaimed) when the request was handled before. NOTE: SQL of its own (decision
 * 023); a second claim of a key inserts nothing, on either database, and is told so here.
 */
export async function claimRequest(tx: SqlRunner, key: string, now: Date, reply: string): Promise<void> {
  if (isDriverTx(tx) && tx.withCommit) {
    // NOTE: sent with the COMMIT (decision 027): a key claimed before fails the insert itself,
    // so that COMMIT rolls the change back.
    tx.withCommit(sql`INSERT INTO "HandledRequest" ("key", "reply", "createdAt") VALUES (${key}, ${reply}, ${now})`, (error) =>
      isUniqueViolation(error, "HandledRequest") ? new RequestAlreadyClaimed(key) : error,
    );
    return;
  }
  const inserted = await executeSql(tx, sql`INSERT INTO "HandledRequest" ("key", "reply", "createdAt") VALUES (${key}, ${reply}, ${now}) ON CONFLICT ("key") DO NOTHING`);
  if (inserted === 0) throw new RequestAlreadyClaimed(key);
}

export function isAlreadyClaimed(error: unknown): boolean {
  return error instanceof RequestAlreadyClaimed;
}
