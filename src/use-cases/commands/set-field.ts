// `set provider local`, `set secondlevel no`, `set phone …`: a unit's fact (and the items it
// decides), or the caller's own contact details.
import { ownContactId, targetUnit } from "../../domain/access.ts";
import { DomainError } from "../../domain/errors.ts";
import { interpretSetValue } from "../../domain/unit-facts.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { applyContactField } from "../../store/change-repository.ts";
import type { UseCase } from "../command-context.ts";
import { setUnitFact } from "../set-unit-fact.ts";
import { setFilingField } from "./set-filing-field.ts";

export const setField: UseCase<"set"> = async (ctx, command) => {
  const { caller, who, write, unitOf } = ctx;
  const key = targetUnit(caller, command.unit, `set ${command.field} ${command.value}`);
  if (command.field === "icp" || command.field === "sponsor" || command.field === "reason") {
    return setFilingField(ctx, caller, (await unitOf(key)).unit, command.field, command.value);
  }
  const change = interpretSetValue(command.field, command.value);
  if ("code" in change) throw new DomainError(change.code, change.message);
  const { unit } = await unitOf(key);
  if (change.target === "unit") return write((tx) => setUnitFact(tx, caller, unit, change, who));
  const contactId = ownContactId(caller, key);
  return write(async (tx) => {
    const changed = await applyContactField(tx, contactId, unit.id, change, who);
    return changed ? { kind: "done", text: rm.contactSet(change.field, change.value), unitKey: key } : { kind: "unchanged", text: rm.factUnchanged(unit.name) };
  });
};
