// `done column`, `blocked icp 等待电信回复`, `waiting icp 7月10日 …`: one item's state, as a button would.
import { targetUnit } from "../../domain/access.ts";
import type { UseCase } from "../command-context.ts";
import { reportItem } from "../report-item.ts";

export const reportProgress: UseCase<"report"> = async ({ deps, caller, input }, command) => {
  const unitKey = targetUnit(caller, command.unit, `${command.state} ${command.task}`);
  return reportItem(deps, caller, unitKey, command, input);
};
