// `verify [unit|domain]` (核查): a coordinator has the probes run now and reads their evidence.
import { DomainError } from "../../domain/errors.ts";
import { ErrorCode } from "../../domain/error-codes.ts";
import { verifyReplyTexts } from "../../messages/verification-messages.ts";
import type { UseCase } from "../command-context.ts";

export const verifyNow: UseCase<"verify"> = async ({ deps, caller, input }, command) => {
  if (!deps.verifier) throw new DomainError(ErrorCode.VerifyOff, verifyReplyTexts.disabled);
  const report = await deps.verifier.verify({ unitKey: command.unit, domain: command.domain }, input.now, caller.userId);
  const unitName = command.unit ? (await deps.reader.unit(command.unit))?.name : undefined;
  return { kind: "verification", report, scope: command.domain ?? unitName ?? verifyReplyTexts.scopeAll(report.domains.length) };
};
