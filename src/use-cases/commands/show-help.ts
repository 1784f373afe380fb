// `help`: examples for this person, with their own unit in front when they have several.
import { isRegistered } from "../../domain/access.ts";
import { toShanghai } from "../../domain/model/calendar.ts";
import type { UseCase } from "../command-context.ts";

export const showHelp: UseCase<"help"> = async ({ deps, caller, input }) => {
  // The examples' dates are of the campaign's year, not of today.
  const year = toShanghai((await deps.reader.deadlines())[0]?.dueAt ?? input.now).getFullYear();
  return { kind: "help", isCoordinator: caller.isCoordinator, registered: isRegistered(caller), units: caller.units.map((u) => u.name), year };
};
