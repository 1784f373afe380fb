// `join <unit>`: someone not yet registered asks to become the unit's contact; coordinators decide.
import type { UseCase } from "../command-context.ts";
import { requestToJoin } from "../join-unit.ts";

export const askToJoin: UseCase<"join"> = async ({ deps, caller, input }, command) =>
  requestToJoin(deps, { userId: caller.userId, unitKey: command.unit, now: input.now, source: "slash", onStoreBusy: input.onStoreBusy });
