// Slack may deliver the same request twice; its key is claimed in the same transaction as the change.
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./transaction.ts";

/** Fails (isAlreadyClaimed) when the request was handled before. */
export async function claimRequest(tx: Tx, key: string, now: Date, reply: string): Promise<void> {
  await tx.handledRequest.create({ data: { key, reply, createdAt: now } });
}

export function isAlreadyClaimed(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
