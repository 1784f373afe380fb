// Block Kit for a contact's reminder and the coordinators' escalation: pure functions of the plan.
import type { ContactRecord } from "../../domain/model/records.ts";
import { groupBy } from "../../lib/group-by.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { joinMd, md, type Mrkdwn } from "../../messages/mrkdwn.ts";
import {
  contactText,
  daysLeftText,
  deadlineTitle,
  escalationTexts,
  itemLabel,
  itemLine,
  reminderTexts,
  stepNotes,
} from "../../messages/reminder-messages.ts";
import type { ContactReminder, Escalation, PendingWork } from "../../domain/reminder-planner.ts";
import { context, divider, header, section, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { itemWithButtons, NOTE_STEPS } from "./item-buttons.ts";
import { fitBlockList, fits, roomFor, roomLeft, shareRoom, type Room } from "./message-budget.ts";
import { countBlockId } from "./pending-count.ts";
import { unitSummaryBlock } from "./unit-summary-blocks.ts";

/** Room a click's "<@U…> 6月22日 09:30 更新" line takes in a reminder, per item it may update. */
const UPDATE_LINE_CHARS = 40;

/** `withUnit`: the commands shown name the unit (a contact of several). */
function deadlineText(w: PendingWork, withUnit: boolean): Mrkdwn {
  return joinMd([reminderTexts.deadlineHeading(w.deadline, w.daysLeft), ...stepNotes(w.steps, w.deadline, withUnit ? `${w.unit.name} ` : "")], "\n");
}

/** One unit with a line and a row of buttons per item: a click then updates that line in the DM. */
function fullUnitBlocks(work: PendingWork[], withUnit: boolean, noteMax: number): KnownBlock[] {
  const unit = work[0]!.unit;
  const blocks: KnownBlock[] = [section(reminderTexts.unitHeading(unit))];
  for (const w of work) {
    blocks.push(context(deadlineText(w, withUnit)));
    // The shared item blocks: a click then updates this very line in the DM.
    for (const item of w.items) blocks.push(...itemWithButtons(item, itemLine(item, unit, w.deadline, w.daysLeft, withUnit, noteMax)));
  }
  return blocks;
}

/** What each deadline of the day says once for every unit (the window opens tomorrow, …). */
function dayNotes(work: readonly PendingWork[], withUnit: boolean): KnownBlock[] {
  const byDeadline = new Map<string, PendingWork>();
  for (const w of work) if (!byDeadline.has(w.deadline.key)) byDeadline.set(w.deadline.key, w);
  const lines = [...byDeadline.values()].flatMap((w) => {
    // NOTE: an example command names the first unit with this deadline, so it works as typed.
    const notes = stepNotes(w.steps, w.deadline, withUnit ? `${w.unit.name} ` : "");
    return notes.length > 0 ? [md`*${deadlineTitle(w.deadline)}*：${notes.join(" ")}`] : [];
  });
  return lines.length > 0 ? [context(joinMd(lines, "\n"))] : [];
}

function fallbackSummary(work: PendingWork[]): string {
  return [...groupBy(work, (w) => w.unit.id).values()]
    .map((list) => `${list[0]!.unit.name}：${list.flatMap((w) => w.items.map(itemLabel)).join("、")}`)
    .join("；");
}

/**
 * A contact's reminder: every unit and item with its buttons when that fits one message, else
 * one block per unit with its count and a button that opens its checklist. No unit is left out.
 */
export function buildReminderMessage(reminder: ContactReminder, now: Date): SlackMessage {
  // One group per batch and unit, in the plan's order (batch by batch): a unit in two batches has two.
  const byUnit = [...groupBy(reminder.work, (w) => `${w.batch.id}:${w.unit.id}`).values()];
  const unitCount = new Set(reminder.work.map((w) => w.unit.id)).size;
  const manyBatches = new Set(reminder.work.map((w) => w.batch.id)).size > 1;
  // NOTE: with more than one batch, each batch's units come under its name.
  const batchHead = (n: number): KnownBlock[] =>
    manyBatches && (n === 0 || byUnit[n - 1]![0]!.batch.id !== byUnit[n]![0]!.batch.id) ? [section(reminderTexts.batchHeading(byUnit[n]![0]!.batch.name))] : [];
  const withUnit = reminder.unitCount > 1;
  const itemCount = reminder.work.reduce((n, w) => n + w.items.length, 0);
  const head: KnownBlock[] = [
    header(reminderTexts.header(now)),
    section(reminderTexts.greeting(reminder.contactName, unitCount, itemCount), countBlockId(unitCount)),
  ];
  const foot: KnownBlock[] = [context(reminderTexts.footer)];
  const room = roomFor("message");

  const full = (noteMax: number) => () => [
    ...head,
    ...byUnit.flatMap((w, n) => [...(n > 0 ? [divider()] : []), ...batchHead(n), ...fullUnitBlocks(w, withUnit, noteMax)]),
    ...foot,
  ];
  const compact = () => {
    const top = [...head, context(reminderTexts.compactNote), ...dayNotes(reminder.work, withUnit)];
    const more = (omitted: number) => [section(md`${listTexts.moreUnits(omitted)}：${byUnit.slice(byUnit.length - omitted).map((w) => w[0]!.unit.name).join("、")}`)];
    const units = fitBlockList(roomLeft(room, [...top, ...foot]), byUnit.length, (i) => {
      const work = byUnit[i]!;
      return [...batchHead(i), unitSummaryBlock(work[0]!.unit, work.map((w) => ({ deadline: w.deadline, items: w.items })), now, { hint: true })];
    }, more);
    return [...top, ...units.blocks, ...foot];
  };
  // NOTE: the full layout keeps room for the lines clicks add, so chat.update always fits.
  const fullRoom: Room = { blocks: room.blocks, chars: room.chars - UPDATE_LINE_CHARS * itemCount };
  const blocks = fitsFull(fullRoom, NOTE_STEPS.map(full)) ?? compact();
  return message(reminderTexts.fallback(reminder.contactName, fallbackSummary(reminder.work)), blocks);
}

function fitsFull(room: Room, layouts: (() => KnownBlock[])[]): KnownBlock[] | null {
  for (const layout of layouts) {
    const blocks = layout();
    if (fits(blocks, room)) return blocks;
  }
  return null;
}

function contactsText(contacts: readonly ContactRecord[]): Mrkdwn | null {
  return contacts.length > 0 ? escalationTexts.contacts(contacts.map(contactText)) : null;
}

function pendingText(work: PendingWork[]): string {
  return work.flatMap((w) => w.items.map(itemLabel)).join("、");
}

/** Coordinators' escalation: overdue units, then units nobody can be reminded for, each set apart. */
export function buildEscalationMessage(escalation: Escalation, now: Date): SlackMessage {
  const { overdue, unreachable: all } = escalation;
  // NOTE: an overdue unit is listed once, above, with its contacts or the call to make.
  const listed = new Set(overdue.map((u) => u.unit.id));
  const unreachable = all.filter((u) => !listed.has(u.unit.id));
  const alsoOverdue = all.length - unreachable.length;
  const head = [header(escalationTexts.header(now))];
  const foot = all.length > 0 ? [context(escalationTexts.unreachableHint)] : [];
  const lists = [
    ...(overdue.length > 0
      ? [
          {
            heading: escalationTexts.overdueHeading(overdue.length),
            count: overdue.length,
            entry: (i: number) => {
              const u = overdue[i]!;
              const deadlines = u.work.map((w) => escalationTexts.deadlineLate(deadlineTitle(w.deadline), daysLeftText(w.daysLeft))).join("，");
              // NOTE: every contact of the unit, with a phone when known; none means the coordinators call.
              const contacts = contactsText(u.unit.contacts) ?? md`${escalationTexts.noContact(u.unit.name)}`;
              return escalationTexts.overdueUnit(u.unit.name, deadlines, pendingText(u.work), contacts);
            },
            more: listTexts.moreUnits,
            separator: "\n\n",
          },
        ]
      : []),
    ...(all.length > 0
      ? [
          {
            heading:
              alsoOverdue > 0
                ? `${escalationTexts.unreachableHeading(all.length)}\n${escalationTexts.unreachableAlsoOverdue(alsoOverdue, all.length)}`
                : escalationTexts.unreachableHeading(all.length),
            count: unreachable.length,
            entry: (i: number) => {
              const u = unreachable[i]!;
              return escalationTexts.unreachableUnit(u.unit.name, pendingText(u.work), contactsText(u.contacts));
            },
            more: listTexts.moreUnits,
            separator: "\n\n",
          },
        ]
      : []),
  ];
  const fitted = shareRoom(roomLeft(roomFor("message"), [...head, ...foot]), lists);
  return message(escalationTexts.fallback(overdue.length, all.length), [...head, ...fitted.flatMap((f) => f.blocks), ...foot]);
}
