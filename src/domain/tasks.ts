// The campaign's vocabulary: what each unit must do, and the states an item can be in.

export const TASK_KEYS = ["column", "backup", "site", "unbind", "domain", "icp", "ipicp"] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

/** Tasks every unit has once; `domain` comes once per domain instead. */
export const UNIT_TASKS = ["column", "backup", "site", "unbind", "icp", "ipicp"] as const satisfies readonly TaskKey[];

export const ITEM_STATES = ["todo", "doing", "done", "blocked", "na"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const DOMAIN_METHODS = ["cancelled", "dns_removed"] as const;
export type DomainMethod = (typeof DOMAIN_METHODS)[number];

export const UNIT_GROUPS = ["department", "township"] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

/** The source notice makes these mandatory for every unit: they can never be "not applicable". */
export const TASKS_NEVER_NA: readonly TaskKey[] = ["site", "domain", "icp"];

export function isTaskKey(value: string): value is TaskKey {
  return (TASK_KEYS as readonly string[]).includes(value);
}

export function isItemState(value: string): value is ItemState {
  return (ITEM_STATES as readonly string[]).includes(value);
}

/** Finished items need no more reminders. */
export function isFinished(state: ItemState): boolean {
  return state === "done" || state === "na";
}

/** A unit's items were not all finished before a change, and are after it. */
export function justFinished(before: readonly { state: ItemState }[], after: readonly { state: ItemState }[]): boolean {
  return !before.every((i) => isFinished(i.state)) && after.every((i) => isFinished(i.state));
}

/** Stable key of a checklist item: "jtda/site", "jtsf/domain/jtpf.gov.cn". */
export function itemKey(unitKey: string, task: TaskKey, domain?: string | null): string {
  return task === "domain" ? `${unitKey}/domain/${domain ?? ""}` : `${unitKey}/${task}`;
}

export function compareTasks(a: TaskKey, b: TaskKey): number {
  return TASK_KEYS.indexOf(a) - TASK_KEYS.indexOf(b);
}
