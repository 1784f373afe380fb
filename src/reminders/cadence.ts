// Which step of the reminder cadence a deadline is at on a given day.
import { calendarDaysUntil } from "../domain/calendar.ts";
import type { DeadlineRecord } from "../domain/model.ts";

/**
 * lead21/lead7: three weeks and one week before a window opens, to ask how long cancellation
 * takes (附件2 七); d7/d3/d1: days before the due day; due: the due day; open1/open: the day
 * before a window opens and the day it opens; overdue: every day after the due day.
 */
export const CADENCE_STEPS = ["lead21", "lead7", "d7", "d3", "d1", "due", "open1", "open", "overdue"] as const;
export type CadenceStep = (typeof CADENCE_STEPS)[number];

const BEFORE_DUE: Record<number, CadenceStep> = { 7: "d7", 3: "d3", 1: "d1", 0: "due" };

/** The steps that fall on `now`'s Shanghai day; empty when no reminder is due for this deadline. */
export function cadenceSteps(deadline: Pick<DeadlineRecord, "opensAt" | "dueAt">, now: Date): CadenceStep[] {
  const daysLeft = calendarDaysUntil(deadline.dueAt, now);
  if (daysLeft < 0) return ["overdue"];
  const steps: CadenceStep[] = [];
  const beforeDue = BEFORE_DUE[daysLeft];
  if (beforeDue) steps.push(beforeDue);
  if (deadline.opensAt) {
    const opensIn = calendarDaysUntil(deadline.opensAt, now);
    if (opensIn === 21) steps.push("lead21");
    if (opensIn === 7) steps.push("lead7");
    if (opensIn === 1) steps.push("open1");
    if (opensIn === 0) steps.push("open");
  }
  return steps;
}
