// `已送达`, `icp 已受理`, `区档案局 icp 已提交管局`: a step of an ICP filing's path, as the path allows it.
import { targetUnit } from "../../domain/access.ts";
import type { UseCase } from "../command-context.ts";
import { reportItem } from "../report-item.ts";

export const recordFilingStep: UseCase<"icp-step"> = async ({ deps, caller, input }, command) => {
  const unitKey = targetUnit(caller, command.unit, `icp ${command.step}`);
  // NOTE: the state only fills the request's shape; the step decides (report-filing.ts).
  return reportItem(deps, caller, unitKey, { task: "icp", state: "doing", step: command.step, filing: command.filing, note: command.note }, input);
};
