// What a unit's own data says about its checklist: sub-columns, whose ICP filing it is, what may be 不适用.
import type { UnitRecord } from "./model.ts";
import { TASKS_NEVER_NA, type TaskKey, type UnitGroup } from "./tasks.ts";

/** 附件1 三: five sub-columns for departments; township-level units have no 政务大厅. */
export const SUB_COLUMNS: Record<UnitGroup, readonly string[]> = {
  department: ["动态信息", "政府信息公开", "政务大厅", "互动交流", "重要系统链接"],
  township: ["动态信息", "政府信息公开", "互动交流", "重要系统链接"],
};

/** "jt.czsga.gov.cn" → "czsga.gov.cn" */
export function parentDomainOf(domain: string): string {
  const labels = domain.split(".");
  return labels.length > 2 ? labels.slice(1).join(".") : domain;
}

/**
 * A unit whose every domain is a sub-domain of someone else's (区公安分局: jt.czsga.gov.cn) has
 * no ICP filing of its own: the filing belongs to the parent domain's owner.
 */
export function filingBelongsToParent(unit: Pick<UnitRecord, "domains">): boolean {
  return unit.domains.length > 0 && unit.domains.every((d) => d.isSubdomain);
}

/** 关停 and 域名 are never 不适用; 备案 only where the filing is the parent domain's. */
export function mayBeNotApplicable(unit: Pick<UnitRecord, "domains">, task: TaskKey): boolean {
  if (task === "icp") return filingBelongsToParent(unit);
  return !TASKS_NEVER_NA.includes(task);
}
