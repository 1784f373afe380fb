// What the coordinators' digest says: a pure function of the campaign, the audit trail and `now`.
import type { AuditRecord, ContactRecord, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model.ts";
import { deadlineForTask } from "../domain/model.ts";
import { isFinished, ITEM_STATES, TASK_KEYS, type ItemState, type TaskKey } from "../domain/tasks.ts";
import { groupBy } from "../lib/group-by.ts";
import { itemLabel } from "../messages/digest-messages.ts";
import type { CampaignData } from "../reminders/reminder-planner.ts";
import { buildDigestMessage } from "../slack/blocks/digest-blocks.ts";
import type { SlackMessage } from "../slack/blocks/block-kit.ts";

export type TaskCounts = { task: TaskKey; total: number } & Record<ItemState, number>;

export interface OverdueUnit {
  unit: UnitRecord;
  /** Unfinished items under deadlines already past. */
  items: ItemRecord[];
  contacts: ContactRecord[];
}

export interface StateChange {
  at: Date;
  unitName: string;
  itemKey: string;
  itemLabel: string;
  from: string;
  to: string;
  actor: string;
}

export interface DigestSummary {
  now: Date;
  unitCount: number;
  /** Units with every item done or not applicable. */
  unitsDone: number;
  /** Each deadline with how many units still have unfinished items under it. */
  deadlines: { deadline: DeadlineRecord; pendingUnits: number }[];
  tasks: TaskCounts[];
  overdue: OverdueUnit[];
  blocked: { unit: UnitRecord; item: ItemRecord }[];
  /** Unfinished units nobody can be reminded for (no contact with a Slack id). */
  noContact: UnitRecord[];
  /** Since the last digest, or null for the first one. */
  since: Date | null;
  changes: StateChange[];
  /** Messages Slack refused for good since the last digest: coordinators must hear of them. */
  undelivered: UndeliveredMessage[];
}

export interface UndeliveredMessage {
  key: string;
  kind: string;
  target: string;
  /** Slack's error code. */
  error: string;
}

export interface Digest {
  summary: DigestSummary;
  message: SlackMessage;
  /** A list was cut: the full table goes along as a CSV file. */
  truncated: boolean;
}

/** The audit trail since the last digest (`since` null when there was none). */
export interface AuditSince {
  since: Date | null;
  entries: readonly AuditRecord[];
}

/**
 * Counts per task and state in one pass over every item. NOTE: one pass, not one per task: with
 * a hundred thousand units the items no longer fit in the CPU's caches, and each pass over them
 * costs as much as the rest of the digest.
 */
function countTasks(items: readonly ItemRecord[]): TaskCounts[] {
  const counts = new Map(TASK_KEYS.map((task) => [task, { task, total: 0, ...(Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>) }]));
  for (const i of items) {
    const c = counts.get(i.task);
    if (!c) continue;
    c[i.state]++;
    c.total++;
  }
  return [...counts.values()];
}

export function summarizeCampaign(data: CampaignData, audit: AuditSince, now: Date, undelivered: readonly UndeliveredMessage[] = []): DigestSummary {
  const units = [...data.units].sort((a, b) => a.position - b.position);
  const itemsByUnit = groupBy(data.items, (i) => i.unitId);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // An audited item is looked up among its unit's items: a map of every item by key costs more
  // than the rest of the digest.
  const itemOf = (e: AuditRecord) => (itemsByUnit.get(e.unitId ?? -1) ?? []).find((i) => i.key === e.itemKey);
  const isOverdue = (i: ItemRecord) => {
    const d = deadlineForTask(data.deadlines, i.task);
    return d !== undefined && d.dueAt.getTime() < now.getTime() && !isFinished(i.state);
  };

  const deadlines = [...data.deadlines].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const pendingUnits = deadlines.map(() => 0);
  const overdue: OverdueUnit[] = [];
  const blocked: DigestSummary["blocked"] = [];
  const noContact: UnitRecord[] = [];
  let unitsDone = 0;
  // NOTE: one pass over the units and their items for everything the digest counts.
  for (const unit of units) {
    const items = itemsByUnit.get(unit.id) ?? [];
    deadlines.forEach((d, k) => {
      if (items.some((i) => !isFinished(i.state) && d.tasks.includes(i.task))) pendingUnits[k]!++;
    });
    const finished = items.every((i) => isFinished(i.state));
    if (finished) unitsDone++;
    const late = items.filter(isOverdue);
    const contacts = unit.contacts.filter((c) => c.slackUserId);
    if (late.length > 0) overdue.push({ unit, items: late, contacts });
    for (const item of items) if (item.state === "blocked") blocked.push({ unit, item });
    if (!finished && contacts.length === 0) noContact.push(unit);
  }

  const changes: StateChange[] = audit.entries
    .filter((e) => e.field === "state" && e.itemKey)
    .map((e) => {
      const item = itemOf(e);
      return {
        at: e.at,
        unitName: e.unitName ?? (item ? unitById.get(item.unitId)?.name : undefined) ?? "",
        itemKey: e.itemKey as string,
        itemLabel: item ? itemLabel(item) : (e.itemKey as string),
        from: e.fromValue ?? "",
        to: e.toValue ?? "",
        actor: e.actor,
      };
    });

  return {
    now,
    unitCount: units.length,
    unitsDone,
    deadlines: deadlines.map((deadline, k) => ({ deadline, pendingUnits: pendingUnits[k]! })),
    tasks: countTasks(data.items),
    overdue,
    blocked,
    noContact,
    since: audit.since,
    changes,
    undelivered: [...undelivered],
  };
}

export function buildDigest(
  snapshot: CampaignData,
  auditSince: AuditSince,
  now: Date,
  options: { preview?: boolean; undelivered?: readonly UndeliveredMessage[] } = {},
): Digest {
  const summary = summarizeCampaign(snapshot, auditSince, now, options.undelivered);
  const { message, truncated } = buildDigestMessage(summary, options);
  return { summary, message, truncated };
}
