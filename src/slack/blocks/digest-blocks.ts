// Block Kit of the coordinators' digest: a pure function of its summary, within Slack's limits.
import { summarizeCampaign, type AuditSince, type DigestSummary, type UndeliveredMessage } from "../../domain/digest-summary.ts";
import type { CampaignData } from "../../domain/reminder-planner.ts";
import { undeliveredLine, undeliveredTexts } from "../../messages/undelivered-messages.ts";
import { calendarDaysUntil, formatDueShort } from "../../domain/model/calendar.ts";
import { groupBy } from "../../lib/group-by.ts";
import { actorName } from "../../messages/audit-messages.ts";
import {
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
import { context, header, section, type KnownBlock } from "./block-kit.ts";
import { message, type SlackMessage } from "./slack-message.ts";
import { listOfRows, roomFor, roomLeft, shareRoom, type TextList } from "./message-budget.ts";
import { waitingUntil } from "../../messages/item-messages.ts";
import { verificationDigestTexts } from "../../messages/verification-messages.ts";

function mentions(ids: readonly (string | null)[]): Mrkdwn {
  const list = ids.filter((id): id is string => Boolean(id)).map(mention);
  return list.length > 0 ? joinMd(list, " ") : md`${digestTexts.noSlackContact}`;
}

const stateWords = (state: string) => STATE_LABELS[state as keyof typeof STATE_LABELS] ?? state;

/** The net changes, one entry per unit. */
function changeList(s: DigestSummary): TextList {
  if (s.changes.length === 0) return { heading: digestTexts.noChanges(s.since), count: 0, entry: () => "", more: listTexts.moreUnits };
  const byUnit = [...groupBy(s.changes, (c) => c.unitName).values()];
  return {
    heading: digestTexts.changesHeading(byUnit.length, s.changes.length, s.since),
    count: byUnit.length,
    entry: (i) => {
      const changes = byUnit[i]!;
      return digestTexts.unitChanges(
        changes[0]!.unitName,
        changes.map((c) => digestTexts.change(c.itemLabel, stateWords(c.from), c.expectedBy ? waitingUntil(c.expectedBy) : stateWords(c.to))),
        [...new Set(changes.flatMap((c) => c.actors))].map((a) => actorName(a, s.names)),
      );
    },
    more: listTexts.moreUnits,
  };
}

/** A deadline's line; an upcoming one names its open units (past ones are in the overdue list). */
function deadlineList(s: DigestSummary, d: DigestSummary["deadlines"][number]): TextList {
  const title = d.batchName ? digestTexts.batchDeadlineTitle(d.batchName, deadlineTitle(d.deadline)) : deadlineTitle(d.deadline);
  if (d.pendingUnits === 0) return { heading: digestTexts.deadlineAllDone(title, d.deadline.dueAt), count: 0, entry: () => "", more: listTexts.moreUnits };
  const named = d.deadline.dueAt.getTime() >= s.now.getTime() ? d.openUnits : [];
  return {
    heading: digestTexts.deadlineLine(title, daysLeftText(calendarDaysUntil(d.deadline.dueAt, s.now)), d.deadline.dueAt, d.pendingUnits, named.length > 0),
    count: named.length,
    entry: (i) => named[i]!,
    more: listTexts.moreUnits,
    separator: "、",
    afterHeading: "",
  };
}

export function buildDigestMessage(s: DigestSummary, options: { preview?: boolean } = {}): { message: SlackMessage; truncated: boolean } {
  const taskTables = s.tasks.map(({ batchName, counts }) => {
    const lines = counts.map((t) => {
      const fraction = t.total === 0 ? 1 : (t.done + t.na) / t.total;
      return digestTexts.taskLine(TASK_LABELS[t.task], progressBar(fraction), Math.round(fraction * 100), t);
    });
    return section([batchName ? digestTexts.batchTasksHeading(batchName) : digestTexts.tasksHeading, ...lines].join("\n"));
  });

  const deadlines = s.deadlines.map((d) => deadlineList(s, d));
  const overdue: TextList = {
    heading: digestTexts.overdueHeading(s.overdue.length),
    count: s.overdue.length,
    entry: (i) => {
      const o = s.overdue[i]!;
      return digestTexts.overdueUnit(o.unit.name, o.items.map(itemLabel).join("、"), mentions(o.contacts.map((c) => c.slackUserId)));
    },
    more: listTexts.moreUnits,
  };
  const blocked: TextList = {
    heading: digestTexts.blockedHeading(s.blocked.length),
    count: s.blocked.length,
    entry: (i) => digestTexts.blockedItem(s.blocked[i]!.unit.name, itemLabel(s.blocked[i]!.item), s.blocked[i]!.item.note),
    more: listTexts.moreItems,
  };
  // Nothing waited for: no heading either.
  const waiting = listOfRows(s.waiting, {
    heading: digestTexts.waitingHeading(s.waiting.length),
    entry: (w) => digestTexts.waitingItem(w.unit.name, itemLabel(w.item), w.item.expectedBy!, w.item.note),
    more: listTexts.moreItems,
  });
  const noContact: TextList = {
    // A list of names reads as one line.
    heading: digestTexts.noContactHeading(s.noContact.length),
    count: s.noContact.length,
    entry: (i) => s.noContact[i]!.name,
    more: listTexts.moreUnits,
    separator: "、",
  };
  const undelivered = listOfRows(s.undelivered, {
    heading: undeliveredTexts.heading(s.undelivered.length),
    entry: undeliveredLine,
    more: undeliveredTexts.omitted,
  });
  const queue: TextList = {
    heading: digestTexts.queueHeading(s.filings.queue.length),
    count: s.filings.queue.length,
    entry: (i) => {
      const q = s.filings.queue[i]!;
      return digestTexts.queueItem(q.unit.name, q.filing.number, q.step, q.since ? formatDueShort(q.since) : null);
    },
    more: listTexts.moreItems,
  };
  const contradicted = listOfRows(s.contradicted, {
    heading: verificationDigestTexts.contradictedHeading(s.contradicted.length),
    entry: ({ unit, item }) => {
      const line = verificationDigestTexts.contradictedItem(unit.name, itemLabel(item), item.verification?.summary ?? null);
      return md`${line}${verificationDigestTexts.contacts}${mentions(unit.contacts.map((c) => c.slackUserId))}`;
    },
    more: listTexts.moreItems,
  });
  const changes = changeList(s);
  const lists = [...deadlines, overdue, ...(contradicted ? [contradicted] : []), blocked, queue, ...(waiting ? [waiting] : []), noContact, changes, ...(undelivered ? [undelivered] : [])];

  const head: KnownBlock[] = [header(options.preview ? digestTexts.previewHeader(s.now) : digestTexts.header(s.now)), section(digestTexts.unitsDone(s.unitsDone, s.unitCount))];
  const filings = section(digestTexts.filingsLine(s.filings.center, s.filings.own, s.filings.unknown));
  const hint = s.noContact.length > 0 ? [context(digestTexts.noContactHint)] : [];
  // NOTE: the footer is sized for its longer wording, so choosing it after the cut cannot overflow.
  const footers = [digestTexts.footer, digestTexts.footerWithCsv];
  const widest = footers.reduce((a, b) => (a.length >= b.length ? a : b));
  const offline = s.verificationOffline ? [section(verificationDigestTexts.offline(s.verificationOffline))] : [];
  const room = roomLeft(roomFor("message"), [...head, ...taskTables, filings, ...hint, ...offline, context(widest)]);
  const fitted = shareRoom(room, lists);
  const truncated = fitted.some((l) => l.omitted > 0);
  const blocksOf = (list: TextList | undefined) => (list ? fitted[lists.indexOf(list)]!.blocks : []);
  const blocks: KnownBlock[] = [
    ...head,
    ...deadlines.flatMap(blocksOf),
    ...taskTables,
    filings,
    ...blocksOf(overdue),
    ...offline,
    ...blocksOf(contradicted),
    ...blocksOf(blocked),
    ...blocksOf(queue),
    ...blocksOf(waiting),
    ...blocksOf(noContact),
    ...hint,
    ...blocksOf(changes),
    ...blocksOf(undelivered),
    context(truncated && !options.preview ? digestTexts.footerWithCsv : digestTexts.footer),
  ];
  const text = digestTexts.fallback(s.unitsDone, s.unitCount, s.overdue.length, s.blocked.length);
  return { message: message(text, blocks), truncated };
}

export interface Digest {
  summary: DigestSummary;
  message: SlackMessage;
  /** A list was cut: the full table goes along as a CSV file. */
  truncated: boolean;
}

/** The digest of the campaign as of `now`: its summary and its message. */
export function buildDigest(
  snapshot: CampaignData,
  auditSince: AuditSince,
  now: Date,
  options: { preview?: boolean; undelivered?: readonly UndeliveredMessage[]; verificationOffline?: Date | null } = {},
): Digest {
  const summary = summarizeCampaign(snapshot, auditSince, now, options.undelivered, options.verificationOffline ?? null);
  const { message, truncated } = buildDigestMessage(summary, options);
  return { summary, message, truncated };
}
