// What the bot sends on request (the digest, the export); refused, and said, where nothing can be sent.
import { ErrorCode } from "../domain/error-codes.ts";
import { DomainError } from "../domain/errors.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import type { CommandDeps, Outbox } from "./command-deps.ts";

/** The outbox, or a refusal saying the bot cannot send now. */
export function requireOutbox(deps: CommandDeps): Outbox {
  if (!deps.outbox) throw new DomainError(ErrorCode.NoOutgoing, rm.cannotSend);
  return deps.outbox;
}
