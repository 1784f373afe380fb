// /shutdown, from the text typed to what the reply shows: understand it, check who may, then the
// command's own use case (command-table.ts). Slack-free; the store only through repositories.
import { assertMayRun, isRegistered, needsRegistration, type Caller } from "../domain/access.ts";
import { parseCommand, ParseError } from "../domain/command/parse-command.ts";
import { unitDirectoryOf } from "../domain/command/unit-directory.ts";
import { closestCommandFor } from "./closest-command.ts";
import { commandContext } from "./command-context.ts";
import type { CommandDeps, CommandInput } from "./command-deps.ts";
import type { CommandResult } from "./command-result.ts";
import { runUseCase } from "./command-table.ts";
import { refusalOf } from "./refusal.ts";

export type { CommandDeps, CommandInput, Outbox } from "./command-deps.ts";

/**
 * NOTE: the command's kept reads ask the store's versions once (PostgreSQL: one round trip, not
 * one per read; none when the listener's look for a handled request, on the same reader, brought
 * them), and again after a transaction (oneVersion).
 */
export function runCommand(deps: CommandDeps, input: CommandInput): Promise<CommandResult> {
  return understandAndRun({ ...deps, reader: deps.reader.oneVersion() }, input);
}

async function understandAndRun(deps: CommandDeps, input: CommandInput): Promise<CommandResult> {
  let caller: Caller | undefined;
  try {
    caller = await deps.reader.caller(input.userId, deps.envCoordinators);
    const command = parseCommand(input.text, unitDirectoryOf(await deps.reader.unitNames()));
    if (needsRegistration(command.kind) && !isRegistered(caller)) return { kind: "not-registered", userId: caller.userId };
    assertMayRun(caller, command.kind);
    return await runUseCase(commandContext(deps, caller, input), command);
  } catch (error) {
    // Not understood: the closest command for this person, ready to copy.
    if (error instanceof ParseError && caller) return { kind: "error", code: error.code, message: error.message, hint: await closestCommandFor(deps.reader, caller, error) };
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}
