// Block Kit of the coordinators' digest: a pure function of its summary, within Slack's limits.
import type { DigestSummary } from "../../digest/digest-builder.ts";
import { calendarDaysUntil } from "../../domain/calendar.ts";
import { groupBy } from "../../lib/group-by.ts";
import { actorName } from "../../messages/audit-messages.ts";
import { formatDayShort } from "../../messages/day-format.ts";
import {
  daysLeftText,
  deadlineTitle,
  digestTexts,
  itemLabel,
  progressBar,
  STATE_LABELS,
  TASK_LABELS,
} from "../../messages/digest-messages.ts";
import { context, clip, header, MAX_BLOCKS, packEntries, section, type KnownBlock, type SlackMessage } from "./reminder-digest-limits.ts";

/** Entries shown per list before "…及其他 N 个": the digest is read, not searched. */
export const MAX_LIST_ENTRIES = 40;

/** Sections per list (besides its heading); with the fixed blocks this stays under 50. */
const LIST_SECTIONS = { overdue: 9, blocked: 7, waiting: 3, noContact: 3, changes: 10 } as const;

function mentions(ids: readonly (string | null)[]): string {
  const list = ids.filter((id): id is string => Boolean(id)).map((id) => `<@${id}>`);
  return list.length > 0 ? list.join(" ") : digestTexts.noSlackContact;
}

interface ListBlocks {
  blocks: KnownBlock[];
  omitted: number;
}

function list<T>(heading: string, entries: readonly T[], format: (entry: T) => string, maxSections: number, omittedText: (n: number) => string): ListBlocks {
  if (entries.length === 0) return { blocks: [section(heading)], omitted: 0 };
  // NOTE: only what can be shown is formatted: a large campaign lists tens of thousands.
  const shown = entries.slice(0, MAX_LIST_ENTRIES).map(format);
  const packed = packEntries(shown, maxSections, 3000, 40);
  const omitted = packed.omitted + entries.length - shown.length;
  const texts = [...packed.texts];
  if (omitted > 0) texts[texts.length - 1] = `${texts.at(-1) ?? ""}\n${omittedText(omitted)}`;
  return { blocks: [section(heading), ...texts.map(section)], omitted };
}

const stateWords = (state: string) => STATE_LABELS[state as keyof typeof STATE_LABELS] ?? state;

/** The net changes, one line per unit. */
function changeList(s: DigestSummary): ListBlocks {
  if (s.changes.length === 0) return { blocks: [section(digestTexts.noChanges(s.since))], omitted: 0 };
  const byUnit = [...groupBy(s.changes, (c) => c.unitName).values()];
  return list(
    digestTexts.changesHeading(byUnit.length, s.changes.length, s.since),
    byUnit,
    (changes) =>
      digestTexts.unitChanges(
        changes[0]!.unitName,
        changes.map((c) => digestTexts.change(c.itemLabel, stateWords(c.from), c.expectedBy ? `等待中（预计 ${formatDayShort(c.expectedBy)}）` : stateWords(c.to))),
        [...new Set(changes.flatMap((c) => c.actors))].map((a) => actorName(a, s.names)),
      ),
    LIST_SECTIONS.changes,
    digestTexts.omittedUnits,
  );
}

export function buildDigestMessage(s: DigestSummary, options: { preview?: boolean } = {}): { message: SlackMessage; truncated: boolean } {
  const headline = [
    digestTexts.unitsDone(s.unitsDone, s.unitCount),
    ...s.deadlines.map((d) =>
      d.pendingUnits === 0
        ? digestTexts.deadlineAllDone(deadlineTitle(d.deadline), d.deadline.dueAt)
        : digestTexts.deadlineLine(
            deadlineTitle(d.deadline),
            daysLeftText(calendarDaysUntil(d.deadline.dueAt, s.now)),
            d.deadline.dueAt,
            d.pendingUnits,
            // Past deadlines have their units in the overdue list below.
            d.deadline.dueAt.getTime() >= s.now.getTime() ? d.openUnits : [],
          ),
    ),
  ].join("\n");
  const taskLines = s.tasks.map((t) => {
    const fraction = t.total === 0 ? 1 : (t.done + t.na) / t.total;
    return digestTexts.taskLine(TASK_LABELS[t.task], progressBar(fraction), Math.round(fraction * 100), t);
  });

  const lists = [
    list(
      digestTexts.overdueHeading(s.overdue.length),
      s.overdue,
      (o) => digestTexts.overdueUnit(o.unit.name, o.items.map(itemLabel).join("、"), mentions(o.contacts.map((c) => c.slackUserId))),
      LIST_SECTIONS.overdue,
      digestTexts.omittedUnits,
    ),
    list(
      digestTexts.blockedHeading(s.blocked.length),
      s.blocked,
      (b) => digestTexts.blockedItem(b.unit.name, itemLabel(b.item), b.item.note),
      LIST_SECTIONS.blocked,
      digestTexts.omittedItems,
    ),
    list(
      digestTexts.waitingHeading(s.waiting.length),
      s.waiting,
      (w) => digestTexts.waitingItem(w.unit.name, itemLabel(w.item), w.item.expectedBy!, w.item.note),
      LIST_SECTIONS.waiting,
      digestTexts.omittedItems,
    ),
    list(
      digestTexts.noContactHeading(s.noContact.length),
      s.noContact,
      (u) => u.name,
      LIST_SECTIONS.noContact,
      digestTexts.omittedUnits,
    ),
    changeList(s),
  ];
  // Nothing waited for: no heading either.
  if (s.waiting.length === 0) lists[2]!.blocks = [];
  // A short no-contact list reads better as one line of names.
  const noContact = lists[3]!;
  if (s.noContact.length > 0 && noContact.omitted === 0) {
    noContact.blocks = [section(digestTexts.noContactHeading(s.noContact.length)), section(s.noContact.map((u) => u.name).join("、"))];
  }
  if (s.noContact.length > 0) noContact.blocks.push(context(digestTexts.noContactHint));

  const truncated = lists.some((l) => l.omitted > 0);
  const blocks: KnownBlock[] = [
    header(options.preview ? digestTexts.previewHeader(s.now) : digestTexts.header(s.now)),
    section(headline),
    section([digestTexts.tasksHeading, ...taskLines].join("\n")),
    ...lists.flatMap((l) => l.blocks),
    context(truncated && !options.preview ? digestTexts.footerWithCsv : digestTexts.footer),
  ];
  if (blocks.length > MAX_BLOCKS) throw new Error(`digest has ${blocks.length} blocks`);
  const text = clip(digestTexts.fallback(s.unitsDone, s.unitCount, s.overdue.length, s.blocked.length));
  return { message: { text, blocks }, truncated };
}
