// `accept <unit> <task> <reason>`: a coordinator's judgement over the probes (a site behind a
// firewall, an intranet): recorded with its reason, audited; the item counts as verified and its
// contacts hear nothing more from the probes.
import { DomainError } from "../../domain/errors.ts";
import { ErrorCode } from "../../domain/error-codes.ts";
import { itemLabel } from "../../messages/item-messages.ts";
import { verifyReplyTexts as R } from "../../messages/verification-messages.ts";
import { writeAudit } from "../../store/audit-repository.ts";
import { recordAcceptance } from "../../store/verification-repository.ts";
import type { UseCase } from "../command-context.ts";

export const acceptVerification: UseCase<"accept"> = async ({ unitOf, who, write }, command) => {
  const { unit, items } = await unitOf(command.unit);
  const ofTask = items.filter((i) => i.task === command.task);
  const domains = ofTask.flatMap((i) => (i.domain ? [i.domain] : []));
  const item = command.domain ? ofTask.find((i) => i.domain === command.domain) : ofTask.length === 1 ? ofTask[0] : undefined;
  if (!item) {
    if (command.domain) throw new DomainError(ErrorCode.AcceptWhichItem, R.unknownDomain(unit.name, command.domain, domains));
    throw new DomainError(ErrorCode.AcceptWhichItem, R.whichDomain(unit.name, domains));
  }
  return write(async (tx) => {
    const again = Boolean(item.verification?.accepted);
    await recordAcceptance(tx, item.id, { by: who.actor, reason: command.reason, at: who.now });
    await writeAudit(tx, {
      at: who.now,
      actor: who.actor,
      source: who.source,
      unitId: unit.id,
      itemId: item.id,
      field: "verification.accepted",
      fromValue: item.verification?.accepted ? "accepted" : (item.verification?.verification ?? "unverified"),
      toValue: "accepted",
      note: command.reason,
    });
    return { kind: "done", text: again ? R.acceptedAgain(unit.name, itemLabel(item)) : R.accepted(unit.name, itemLabel(item), command.reason), unitKey: unit.key };
  });
};
