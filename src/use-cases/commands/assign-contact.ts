// `assign <unit> @user` and `unassign <unit> @user`: a coordinator registers or removes a unit's
// contact; a new contact is welcomed by DM once the reply is out.
import type { FollowUp } from "../../domain/follow-up.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { assignContact, unassignContact } from "../../store/change-repository.ts";
import type { UseCase } from "../command-context.ts";

export const assignUnitContact: UseCase<"assign"> = async ({ deps, who, write, unitOf }, command) => {
  const name = await deps.userName(command.userId);
  const { unit } = await unitOf(command.unit);
  return write(async (tx) => {
    const changed = await assignContact(tx, unit.id, { id: command.userId, name }, who);
    const text = rm.assignment("assign", unit.name, command.userId, changed);
    if (!changed) return { kind: "unchanged", text };
    const welcome: FollowUp[] | undefined = deps.outbox ? [{ kind: "welcome", userId: command.userId, unitKeys: [unit.key] }] : undefined;
    return { kind: "done", text, unitKey: unit.key, ...(welcome && { followUps: welcome }) };
  });
};

export const unassignUnitContact: UseCase<"unassign"> = async ({ who, write, unitOf }, command) => {
  const { unit } = await unitOf(command.unit);
  return write(async (tx) => {
    const changed = await unassignContact(tx, unit.id, command.userId, who);
    const text = rm.assignment("unassign", unit.name, command.userId, changed);
    return changed ? { kind: "done", text, unitKey: unit.key } : { kind: "unchanged", text };
  });
};
