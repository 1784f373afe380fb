// Block Kit for a contact's reminder and the coordinators' escalation: pure functions of the plan.
import { groupBy } from "../../lib/group-by.ts";
import {
  daysLeftText,
  deadlineTitle,
  escalationTexts,
  itemLabel,
  itemLine,
  reminderTexts,
  stepNotes,
} from "../../messages/reminder-messages.ts";
import type { ContactReminder, Escalation, PendingWork } from "../../reminders/reminder-planner.ts";
import { itemWithButtons } from "./item-buttons.ts";
import { context, divider, clip, header, MAX_BLOCKS, packEntries, section, type KnownBlock, type SlackMessage } from "./reminder-digest-limits.ts";

function deadlineText(w: PendingWork, withUnit: boolean): string {
  return [reminderTexts.deadlineHeading(w.deadline, w.daysLeft), ...stepNotes(w.steps, w.deadline, withUnit ? `${w.unit.name} ` : "")].join("\n");
}

/** One unit's blocks: with a button row per item, or (compact) items as text only. */
function unitBlocks(work: PendingWork[], withUnit: boolean, compact: boolean): KnownBlock[] {
  const unit = work[0]!.unit;
  const blocks: KnownBlock[] = [section(reminderTexts.unitHeading(unit))];
  for (const w of work) {
    const lines = w.items.map((i) => itemLine(i, unit, w.deadline, w.daysLeft, withUnit));
    if (compact) {
      blocks.push(section([deadlineText(w, withUnit), ...lines].join("\n")));
      continue;
    }
    blocks.push(context(deadlineText(w, withUnit)));
    // The shared item blocks: a click then updates this very line in the DM.
    w.items.forEach((item, n) => blocks.push(...itemWithButtons(item, lines[n])));
  }
  return blocks;
}

function fallbackSummary(work: PendingWork[]): string {
  return [...groupBy(work, (w) => w.unit.id).values()]
    .map((list) => `${list[0]!.unit.name}：${list.flatMap((w) => w.items.map(itemLabel)).join("、")}`)
    .join("；");
}

export function buildReminderMessage(reminder: ContactReminder, now: Date): SlackMessage {
  const byUnit = [...groupBy(reminder.work, (w) => w.unit.id).values()];
  const withUnit = reminder.unitCount > 1;
  const itemCount = reminder.work.reduce((n, w) => n + w.items.length, 0);
  const head: KnownBlock[] = [
    header(reminderTexts.header(now)),
    section(reminderTexts.greeting(reminder.contactName, byUnit.length, itemCount)),
  ];
  const foot: KnownBlock[] = [context(reminderTexts.footer)];
  const text = clip(reminderTexts.fallback(reminder.contactName, fallbackSummary(reminder.work)));

  const layout = (compact: boolean): KnownBlock[] | null => {
    const body = byUnit.flatMap((w, n) => [...(n > 0 ? [divider()] : []), ...unitBlocks(w, withUnit, compact)]);
    const note = compact ? [context(reminderTexts.compactNote)] : [];
    const all = [...head, ...note, ...body, ...foot];
    return all.length <= MAX_BLOCKS ? all : null;
  };
  const full = layout(false) ?? layout(true);
  if (full) return { text, blocks: full };

  // More units than fit even compactly: keep whole units while they fit, name the rest.
  const room = MAX_BLOCKS - head.length - foot.length - 2;
  const kept: KnownBlock[] = [];
  let n = 0;
  for (; n < byUnit.length; n++) {
    const blocks = [...(n > 0 ? [divider()] : []), ...unitBlocks(byUnit[n]!, withUnit, true)];
    if (kept.length + blocks.length > room) break;
    kept.push(...blocks);
  }
  const rest = byUnit.slice(n).map((w) => w[0]!.unit.name);
  return {
    text,
    blocks: [...head, context(reminderTexts.compactNote), ...kept, section(reminderTexts.omittedUnits(rest.length, rest)), ...foot],
  };
}

function mentions(ids: readonly (string | null)[]): string {
  const list = ids.filter((id): id is string => Boolean(id)).map((id) => `<@${id}>`);
  return list.length > 0 ? list.join(" ") : escalationTexts.noSlackContact;
}

function pendingText(work: PendingWork[]): string {
  return work.flatMap((w) => w.items.map(itemLabel)).join("、");
}

export function buildEscalationMessage(escalation: Escalation, now: Date): SlackMessage {
  const overdueEntries = escalation.overdue.map((u) =>
    escalationTexts.overdueUnit(
      u.unit.name,
      u.work.map((w) => `${deadlineTitle(w.deadline)}${daysLeftText(w.daysLeft)}`).join("，"),
      pendingText(u.work),
      mentions(u.contacts.map((c) => c.slackUserId)),
    ),
  );
  const unreachableEntries = escalation.unreachable.map((u) =>
    escalationTexts.unreachableUnit(
      u.unit.name,
      pendingText(u.work),
      u.contacts.map((c) => [c.name, c.phone].filter(Boolean).join(" ")).join("、"),
    ),
  );
  // Sections for the two lists share what is left of the 50 blocks.
  const fixed = 1 + 2 * 2 + 1;
  const room = MAX_BLOCKS - fixed;
  const overdueRoom = unreachableEntries.length > 0 ? Math.ceil(room / 2) : room;
  const blocks: KnownBlock[] = [header(escalationTexts.header(now))];
  const addList = (heading: string, entries: string[], maxSections: number) => {
    const packed = packEntries(entries, maxSections);
    const texts = [...packed.texts];
    if (packed.omitted > 0) texts[texts.length - 1] = `${texts.at(-1) ?? ""}\n${escalationTexts.omitted(packed.omitted)}`;
    blocks.push(section(heading), ...texts.map(section));
  };
  if (overdueEntries.length > 0) addList(escalationTexts.overdueHeading(overdueEntries.length), overdueEntries, overdueRoom);
  if (unreachableEntries.length > 0) {
    addList(escalationTexts.unreachableHeading(unreachableEntries.length), unreachableEntries, room - (overdueEntries.length > 0 ? overdueRoom : 0));
    blocks.push(context(escalationTexts.unreachableHint));
  }
  return { text: clip(escalationTexts.fallback(escalation.overdue.length, escalation.unreachable.length)), blocks };
}
