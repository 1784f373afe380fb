// Which reminders and escalations are due as of `now`: a pure function of the campaign's data.
import { calendarDaysUntil, shanghaiDay } from "./model/calendar.ts";
import { isWaiting, type BatchRecord, type ContactRecord, type DeadlineRecord, type FilingRecord, type ItemRecord, type UnitRecord } from "./model/records.ts";
import { chasedByUnit } from "./icp-filing-step.ts";
import { isFinished } from "./model/tasks.ts";
import { groupBy } from "../lib/group-by.ts";
import { cadenceSteps } from "./cadence.ts";
import type { CadenceStep } from "./model/cadence-steps.ts";

export interface CampaignData {
  units: readonly UnitRecord[];
  items: readonly ItemRecord[];
  deadlines: readonly DeadlineRecord[];
  /** A closed batch's deadlines remind nobody. */
  batches: readonly BatchRecord[];
  /** The ICP filings: an icp item is chased only while its filing waits on the unit. */
  filings?: readonly FilingRecord[];
}

/** One unit's unfinished items under one deadline, on a day the cadence says to remind. */
export interface PendingWork {
  unit: UnitRecord;
  /** The batch of the deadline and its items. */
  batch: BatchRecord;
  deadline: DeadlineRecord;
  steps: CadenceStep[];
  /** Calendar days to the due day, Shanghai: 0 on the due day, negative when overdue. */
  daysLeft: number;
  items: ItemRecord[];
}

/** The one direct message a contact gets in a pass: all their units' pending work. */
export interface ContactReminder {
  /** "reminder:<day>:<user>": a contact gets at most one reminder a day, whatever changes that day. */
  key: string;
  userId: string;
  contactName: string;
  /** Units the contact is registered for in all (the slash command needs the unit when > 1). */
  unitCount: number;
  work: PendingWork[];
}

export interface EscalatedUnit {
  unit: UnitRecord;
  work: PendingWork[];
  /** Contacts with a Slack id, mentioned in the message. */
  contacts: ContactRecord[];
}

/** The coordinators' message of a pass: every overdue unit, and every unit nobody can be reminded for. */
export interface Escalation {
  /** "escalation:<day>" */
  key: string;
  overdue: EscalatedUnit[];
  /** Units with work due today but no contact with a Slack id; their other contacts, if any. */
  unreachable: { unit: UnitRecord; work: PendingWork[]; contacts: ContactRecord[] }[];
}

/** 是否区电信接入？, asked once per unit and contact before the unit's first ICP reminder. */
export interface ProviderQuestion {
  /** "provider-question:<unit>:<user>": asked once, whatever the day. */
  key: string;
  userId: string;
  unit: UnitRecord;
}

export function providerQuestionKey(unitKey: string, userId: string): string {
  return `provider-question:${unitKey}:${userId}`;
}

export interface ReminderPlan {
  /** Shanghai calendar day of the pass, "2027-06-21". */
  day: string;
  now: Date;
  work: PendingWork[];
  reminders: ContactReminder[];
  escalation: Escalation | null;
  providerQuestions: ProviderQuestion[];
}

export function reminderKey(day: string, userId: string): string {
  return `reminder:${day}:${userId}`;
}

export function escalationKey(day: string): string {
  return `escalation:${day}`;
}

function planWork(data: CampaignData, now: Date): PendingWork[] {
  // NOTE: on the center's route a form handed in is the center's to move on: not the unit's pending work.
  const chased = chasedByUnit(data.filings, data.units);
  const units = [...data.units].sort((a, b) => a.position - b.position);
  const work: PendingWork[] = [];
  // The latest open batch first, then unit order, then deadlines by due time: a message reads
  // batch by batch, unit by unit. Built in that order, so a large campaign needs no sort of its work.
  for (const batch of [...data.batches].filter((b) => b.closedAt === null).sort((a, b) => b.id - a.id)) {
    const due = data.deadlines
      .filter((d) => d.batchId === batch.id)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map((deadline) => ({ deadline, steps: cadenceSteps(deadline, now), daysLeft: calendarDaysUntil(deadline.dueAt, now) }))
      .filter((d) => d.steps.length > 0);
    if (due.length === 0) continue;
    const itemsByUnit = groupBy(
      data.items.filter((i) => i.batchId === batch.id && chased(i)),
      (i) => i.unitId,
    );
    for (const unit of units) {
      const items = itemsByUnit.get(unit.id) ?? [];
      for (const { deadline, steps, daysLeft } of due) {
        // NOTE: an item waited for (a date ahead) is neither reminded of nor escalated until then.
        const pending = items.filter((i) => deadline.tasks.includes(i.task) && !isFinished(i.state) && !isWaiting(i, now));
        if (pending.length > 0) work.push({ unit, batch, deadline, steps, daysLeft, items: pending });
      }
    }
  }
  return work;
}

function slackContacts(unit: UnitRecord): ContactRecord[] {
  return unit.contacts.filter((c) => c.slackUserId);
}

export function planReminders(data: CampaignData, now: Date): ReminderPlan {
  const day = shanghaiDay(now);
  const work = planWork(data, now);

  // A unit lists each contact once, so counting units per person needs no set.
  const unitsOfUser = new Map<string, number>();
  const nameOfUser = new Map<string, string>();
  for (const unit of data.units) {
    for (const c of slackContacts(unit)) {
      const id = c.slackUserId as string;
      unitsOfUser.set(id, (unitsOfUser.get(id) ?? 0) + 1);
      if (!nameOfUser.has(id)) nameOfUser.set(id, c.name);
    }
  }

  const workOfUser = new Map<string, PendingWork[]>();
  for (const w of work) {
    for (const c of slackContacts(w.unit)) {
      const id = c.slackUserId as string;
      const list = workOfUser.get(id) ?? [];
      list.push(w);
      workOfUser.set(id, list);
    }
  }
  const reminders: ContactReminder[] = [...workOfUser.entries()]
    .map(([userId, list]) => ({
      key: reminderKey(day, userId),
      userId,
      contactName: nameOfUser.get(userId) ?? userId,
      unitCount: unitsOfUser.get(userId) ?? 1,
      work: list,
    }))
    .sort((a, b) => (a.work[0]?.unit.position ?? 0) - (b.work[0]?.unit.position ?? 0) || a.userId.localeCompare(b.userId));

  const workByUnit = groupBy(work, (w) => w.unit.id);
  const overdue: EscalatedUnit[] = [];
  const unreachable: Escalation["unreachable"] = [];
  for (const list of workByUnit.values()) {
    const unit = list[0]!.unit;
    const late = list.filter((w) => w.daysLeft < 0);
    if (late.length > 0) overdue.push({ unit, work: late, contacts: slackContacts(unit) });
    if (slackContacts(unit).length === 0) unreachable.push({ unit, work: list, contacts: unit.contacts });
  }
  const escalation =
    overdue.length > 0 || unreachable.length > 0 ? { key: escalationKey(day), overdue, unreachable } : null;

  const asked = new Set<number>();
  const providerQuestions: ProviderQuestion[] = [];
  for (const w of work) {
    if (w.unit.localTelecom !== null || asked.has(w.unit.id) || !w.items.some((i) => i.task === "icp")) continue;
    asked.add(w.unit.id);
    for (const c of slackContacts(w.unit)) providerQuestions.push({ key: providerQuestionKey(w.unit.key, c.slackUserId!), userId: c.slackUserId!, unit: w.unit });
  }

  return { day, now, work, reminders, escalation, providerQuestions };
}
