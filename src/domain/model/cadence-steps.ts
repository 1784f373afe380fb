// The steps of the reminder cadence, by name; src/domain/cadence.ts says which fall on a day.
/**
 * lead21/lead7: three weeks and one week before a window opens, to ask how long cancellation
 * takes (附件2 七); d7/d3/d1: days before the due day; due: the due day; open1/open: the day
 * before a window opens and the day it opens; overdue: every day after the due day.
 */
export const CADENCE_STEPS = ["lead21", "lead7", "d7", "d3", "d1", "due", "open1", "open", "overdue"] as const;
export type CadenceStep = (typeof CADENCE_STEPS)[number];
