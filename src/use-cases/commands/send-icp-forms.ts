// `申请表` (icpform, 附件4): the unit's 附件4 forms, pre-filled, one per filing, to the caller's DM;
// the reply names each blank field with the command that fills it.
import { commandPrefix, targetUnit } from "../../domain/access.ts";
import { DomainError } from "../../domain/errors.ts";
import { ErrorCode } from "../../domain/error-codes.ts";
import { routeForProvider } from "../../domain/icp-path.ts";
import { icpFormReplyMessages as M } from "../../messages/icp-form-messages.ts";
import { readSnapshot } from "../../store/campaign-repository.ts";
import type { UseCase } from "../command-context.ts";
import { formFiles, unitForms } from "../icp-forms.ts";
import { requireOutbox } from "../require-outbox.ts";

export const sendIcpForms: UseCase<"icp-form"> = async ({ deps, caller, input }, command) => {
  const key = targetUnit(caller, command.unit, "申请表");
  const outbox = requireOutbox(deps);
  const snapshot = await readSnapshot(deps.db);
  const unit = snapshot.units.find((u) => u.key === key)!;
  const prefix = commandPrefix(caller, unit);
  const route = routeForProvider(unit.localTelecom);
  if (route === "self") throw new DomainError(ErrorCode.IcpFormNotNeeded, M.selfRoute(unit.name, prefix));
  const forms = unitForms(snapshot, unit, caller, prefix);
  if (forms.length === 0) throw new DomainError(ErrorCode.IcpNoFiling, M.noFiling(unit.name));
  await outbox.sendFiles(caller.userId, await formFiles(forms, input.now), input.now);
  const notes = [...forms.flatMap((f) => f.missing), M.handIn(prefix), ...(route === "unknown" ? [M.unknownRoute(prefix)] : [])];
  return { kind: "done", text: M.sent(forms.length), unitKey: unit.key, notes };
};
