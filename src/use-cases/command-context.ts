// What every command's use case works with: who asks, what they typed, and how a change is written.
import type { Caller } from "../domain/access.ts";
import type { Command } from "../domain/command/command.ts";
import type { ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { Who } from "../store/change-repository.ts";
import { claimRequest } from "../store/request-repository.ts";
import { inTransaction, type Tx } from "../store/transaction.ts";
import type { CommandDeps, CommandInput } from "./command-deps.ts";
import type { CommandResult } from "./command-result.ts";

export interface CommandContext {
  deps: CommandDeps;
  caller: Caller;
  input: CommandInput;
  /** Who the audit trail names for a change. */
  who: Who;
  /** Runs a change in one transaction and claims the request with its reply, last. */
  write(work: (tx: Tx) => Promise<CommandResult>): Promise<CommandResult>;
  /** A unit and its items, as the reader has them. */
  unitOf(key: string): Promise<{ unit: UnitRecord; items: ItemRecord[] }>;
}

/** One command's story: from the command understood to what the reply shows. */
export type UseCase<K extends Command["kind"]> = (ctx: CommandContext, command: Command & { kind: K }) => Promise<CommandResult>;

export function commandContext(deps: CommandDeps, caller: Caller, input: CommandInput): CommandContext {
  return {
    deps,
    caller,
    input,
    who: { actor: caller.userId, source: input.source, now: input.now },
    write: (work) =>
      inTransaction(deps.db, async (tx) => {
        const result = await work(tx);
        // NOTE: claimed last, with its reply: a second delivery of the request fails here and the
        // whole transaction rolls back, so it changes nothing; a retry never finds a claim without a reply.
        if (input.requestKey) await claimRequest(tx, input.requestKey, input.now, input.replyOf?.(result) ?? "");
        return result;
      }, undefined, input.onStoreBusy),
    // Units are never deleted and their ids never change, so reading one outside the transaction is safe.
    unitOf: async (key) => (await deps.reader.unitWithItems(key))!,
  };
}
