// Block Kit of the coordinators' digest: a pure function of its summary, within Slack's limits.
import type { DigestSummary } from "../../digest/digest-builder.ts";
import { undeliveredLine, undeliveredTexts } from "../../messages/undelivered-messages.ts";
import { calendarDaysUntil } from "../../domain/calendar.ts";
import {
  actorText,
  daysLeftText,
  deadlineTitle,
  digestTexts,
  itemLabel,
  progressBar,
  STATE_LABELS,
  TASK_LABELS,
} from "../../messages/digest-messages.ts";
import { listTexts } from "../../messages/list-messages.ts";
import { joinMd, md, mention, type Mrkdwn } from "../../messages/mrkdwn.ts";
import { context, header, message, section, type KnownBlock, type SlackMessage } from "./block-kit.ts";
import { roomFor, roomLeft, shareRoom, type FittedList, type TextList } from "./message-budget.ts";

function mentions(ids: readonly (string | null)[]): Mrkdwn {
  const list = ids.filter((id): id is string => Boolean(id)).map(mention);
  return list.length > 0 ? joinMd(list, " ") : md`${digestTexts.noSlackContact}`;
}

export function buildDigestMessage(s: DigestSummary, options: { preview?: boolean } = {}): { message: SlackMessage; truncated: boolean } {
  const headline = [
    digestTexts.unitsDone(s.unitsDone, s.unitCount),
    ...s.deadlines.map((d) =>
      d.pendingUnits === 0
        ? digestTexts.deadlineAllDone(deadlineTitle(d.deadline), d.deadline.dueAt)
        : digestTexts.deadlineLine(deadlineTitle(d.deadline), daysLeftText(calendarDaysUntil(d.deadline.dueAt, s.now)), d.deadline.dueAt, d.pendingUnits),
    ),
  ].join("\n");
  const taskLines = s.tasks.map((t) => {
    const fraction = t.total === 0 ? 1 : (t.done + t.na) / t.total;
    return digestTexts.taskLine(TASK_LABELS[t.task], progressBar(fraction), Math.round(fraction * 100), t);
  });

  const lists: TextList[] = [
    {
      heading: digestTexts.overdueHeading(s.overdue.length),
      count: s.overdue.length,
      entry: (i) => {
        const o = s.overdue[i]!;
        return digestTexts.overdueUnit(o.unit.name, o.items.map(itemLabel).join("、"), mentions(o.contacts.map((c) => c.slackUserId)));
      },
      more: listTexts.moreUnits,
    },
    {
      heading: digestTexts.blockedHeading(s.blocked.length),
      count: s.blocked.length,
      entry: (i) => digestTexts.blockedItem(s.blocked[i]!.unit.name, itemLabel(s.blocked[i]!.item), s.blocked[i]!.item.note),
      more: listTexts.moreItems,
    },
    {
      // A list of names reads as one line.
      heading: digestTexts.noContactHeading(s.noContact.length),
      count: s.noContact.length,
      entry: (i) => s.noContact[i]!.name,
      more: listTexts.moreUnits,
      separator: "、",
    },
    s.changes.length === 0
      ? { heading: digestTexts.noChanges(s.since), count: 0, entry: () => "", more: listTexts.moreItems }
      : {
          heading: digestTexts.changesHeading(s.changes.length, s.since),
          count: s.changes.length,
          entry: (i) => {
            const c = s.changes[i]!;
            const label = (v: string) => STATE_LABELS[v as keyof typeof STATE_LABELS] ?? v;
            return digestTexts.change(c.at, c.unitName, c.itemLabel, label(c.from), label(c.to), actorText(c.actor));
          },
          more: listTexts.moreItems,
        },
  ];
  if (s.undelivered.length > 0) {
    lists.push({
      heading: undeliveredTexts.heading(s.undelivered.length),
      count: s.undelivered.length,
      entry: (i) => undeliveredLine(s.undelivered[i]!),
      more: undeliveredTexts.omitted,
    });
  }
  const head: KnownBlock[] = [
    header(options.preview ? digestTexts.previewHeader(s.now) : digestTexts.header(s.now)),
    section(headline),
    section([digestTexts.tasksHeading, ...taskLines].join("\n")),
  ];
  const hint = s.noContact.length > 0 ? [context(digestTexts.noContactHint)] : [];
  // NOTE: the footer is sized for its longer wording, so choosing it after the cut cannot overflow.
  const footers = [digestTexts.footer, digestTexts.footerWithCsv];
  const widest = footers.reduce((a, b) => (a.length >= b.length ? a : b));
  const room = roomLeft(roomFor("message"), [...head, ...hint, context(widest)]);
  const fitted = shareRoom(room, lists);
  const truncated = fitted.some((l) => l.omitted > 0);
  const [overdue, blocked, noContact, changes, undelivered] = fitted as [FittedList, FittedList, FittedList, FittedList, FittedList | undefined];
  const blocks: KnownBlock[] = [
    ...head,
    ...overdue.blocks,
    ...blocked.blocks,
    ...noContact.blocks,
    ...hint,
    ...changes.blocks,
    ...(undelivered?.blocks ?? []),
    context(truncated && !options.preview ? digestTexts.footerWithCsv : digestTexts.footer),
  ];
  const text = digestTexts.fallback(s.unitsDone, s.unitCount, s.overdue.length, s.blocked.length);
  return { message: message(text, blocks), truncated };
}
