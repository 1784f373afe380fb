// `status`: the unit's checklist; a contact of several units who names none gets every one of them.
import { commandPrefix, targetUnit } from "../../domain/access.ts";
import type { UseCase } from "../command-context.ts";

export const showStatus: UseCase<"status"> = async ({ deps, caller, input, unitOf }, command) => {
  const deadlines = await deps.reader.deadlines();
  if (!command.unit && caller.units.length > 1) {
    return { kind: "status-many", units: await Promise.all(caller.units.map((u) => unitOf(u.key))), deadlines, now: input.now };
  }
  const loaded = await unitOf(targetUnit(caller, command.unit, "status"));
  return { kind: "status", ...loaded, deadlines, now: input.now, prefix: commandPrefix(caller, loaded.unit) };
};
