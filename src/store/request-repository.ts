// Slack may deliver the same request twice; its key is claimed in the same transaction as the change.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./open-store.ts";
import type { Tx } from "./transaction.ts";

export async function claimRequest(tx: Tx, key: string, now: Date): Promise<void> {
  await tx.handledRequest.create({ data: { key, reply: "", createdAt: now } });
}

export function isAlreadyClaimed(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function findHandledReply(db: Db, key: string): Promise<string | null> {
  const row = await db.handledRequest.findUnique({ where: { key } });
  return row ? row.reply : null;
}

export async function saveHandledReply(db: Db, key: string, reply: string): Promise<void> {
  await db.handledRequest.updateMany({ where: { key }, data: { reply } });
}
