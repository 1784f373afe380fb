// `coordinator add|remove @user`: coordinators added at run time, on top of COORDINATOR_USER_IDS.
import { assertRemovableCoordinator } from "../../domain/access.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { listCoordinators } from "../../store/caller-repository.ts";
import { addCoordinator, removeCoordinator } from "../../store/change-repository.ts";
import type { UseCase } from "../command-context.ts";

export const changeCoordinators: UseCase<"coordinator"> = async ({ deps, who, write }, command) => {
  if (command.action === "remove") assertRemovableCoordinator(command.userId, deps.envCoordinators);
  return write(async (tx) => {
    const changed = command.action === "add" ? await addCoordinator(tx, command.userId, who) : await removeCoordinator(tx, command.userId, who);
    const list = await listCoordinators(tx, deps.envCoordinators);
    const text = rm.coordinatorChanged(command.action, command.userId, changed, [...list.fromEnvironment, ...list.addedAtRunTime]);
    return changed ? { kind: "done", text } : { kind: "unchanged", text };
  });
};
