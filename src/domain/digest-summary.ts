// What the coordinators' digest says (its summary; src/slack/blocks/digest-blocks.ts makes the message): a pure function of the campaign, the audit trail and `now`.
import { deadlineForTask, isWaiting, openBatches, type AuditRecord, type ContactRecord, type DeadlineRecord, type FilingRecord, type ItemRecord, type UnitRecord } from "./model/records.ts";
import { chasedByUnit, filingStepOf } from "./icp-filing-step.ts";
import { CENTER_STEPS, type CenterStep } from "./model/icp-steps.ts";
import { isFinished, ITEM_STATES, TASK_KEYS, type ItemState, type TaskKey } from "./model/tasks.ts";
import { groupBy } from "../lib/group-by.ts";
import { itemLabel } from "../messages/digest-messages.ts";
import type { CampaignData } from "./reminder-planner.ts";

export type TaskCounts = { task: TaskKey; total: number } & Record<ItemState, number>;

export interface OverdueUnit {
  unit: UnitRecord;
  /** Unfinished items under deadlines already past. */
  items: ItemRecord[];
  contacts: ContactRecord[];
}

/**
 * An item's net change since the last digest: its state then and now, and who changed it. A
 * flip-flop (done → todo → done) is no change at all.
 */
export interface StateChange {
  /** The last change's time. */
  at: Date;
  unitName: string;
  itemKey: string;
  itemLabel: string;
  from: string;
  to: string;
  /** Everyone who changed it in between, in order, each once. */
  actors: string[];
  /** The item is now waited for: until this day. */
  expectedBy: Date | null;
}

export interface DigestSummary {
  now: Date;
  unitCount: number;
  /** Units with every item done or not applicable. */
  unitsDone: number;
  /** Each deadline with the units that still have unfinished items under it (附件3 order). */
  deadlines: { deadline: DeadlineRecord; pendingUnits: number; openUnits: string[]; batchName: string | null }[];
  /** Each task's counts: one table while one batch is open, else one per open batch (the latest first), named. */
  tasks: { batchName: string | null; counts: TaskCounts[] }[];
  overdue: OverdueUnit[];
  blocked: { unit: UnitRecord; item: ItemRecord }[];
  /** Items someone else is expected to finish by a day still ahead (附件2 七). */
  waiting: { unit: UnitRecord; item: ItemRecord }[];
  /** People's names by Slack user id, for the change list. */
  names: Record<string, string>;
  /** Unfinished units nobody can be reminded for (no contact with a Slack id). */
  noContact: UnitRecord[];
  /** Since the last digest, or null for the first one. */
  since: Date | null;
  changes: StateChange[];
  /** Messages Slack refused for good since the last digest: coordinators must hear of them. */
  undelivered: UndeliveredMessage[];
  filings: FilingSummary;
  /** Reported done, but the probes say otherwise (核查不符), in 附件3 order. */
  contradicted: { unit: UnitRecord; item: ItemRecord }[];
  /** The last verification pass reached no resolver or registry (核查无法访问外网): its time. */
  verificationOffline: Date | null;
}

/** ICP filings by step: the center's path, the units' own, and the center's queue of forms in hand. */
export interface FilingSummary {
  center: Record<CenterStep, number>;
  own: { open: number; done: number };
  /** Units that have not said whether the district telecom operator is their provider. */
  unknown: number;
  /** Forms handed in (to confirm) or received (to file with the authority), oldest first. */
  queue: { unit: UnitRecord; filing: FilingRecord; step: "delivered" | "received"; since: Date | null }[];
}

export interface UndeliveredMessage {
  key: string;
  kind: string;
  target: string;
  /** Slack's error code. */
  error: string;
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

/**
 * The open batches' part of the campaign: a closed batch's units and items are left out of the
 * digest (its reminders have ended); all of it while no batch is closed.
 */
function openPart(data: CampaignData): CampaignData {
  const closed = new Set(data.batches.filter((b) => b.closedAt !== null).map((b) => b.id));
  if (closed.size === 0) return data;
  const items = data.items.filter((i) => !closed.has(i.batchId));
  const unitIds = new Set(items.map((i) => i.unitId));
  return { ...data, units: data.units.filter((u) => unitIds.has(u.id)), items, deadlines: data.deadlines.filter((d) => !closed.has(d.batchId)) };
}

export function summarizeCampaign(
  all: CampaignData,
  audit: AuditSince,
  now: Date,
  undelivered: readonly UndeliveredMessage[] = [],
  verificationOffline: Date | null = null,
): DigestSummary {
  const data = openPart(all);
  const units = [...data.units].sort((a, b) => a.position - b.position);
  const itemsByUnit = groupBy(data.items, (i) => i.unitId);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // An audited item is looked up among its unit's items: a map of every item by key costs more
  // than the rest of the digest.
  const itemOf = (e: AuditRecord) => (itemsByUnit.get(e.unitId ?? -1) ?? []).find((i) => i.key === e.itemKey);
  // NOTE: a closed batch is reminded of no more: its items are not overdue, its deadlines not listed.
  const open = openBatches(data.batches);
  const openIds = new Set(open.map((b) => b.id));
  const liveDeadlines = data.deadlines.filter((d) => openIds.has(d.batchId) || !data.batches.some((b) => b.id === d.batchId));
  const chased = chasedByUnit(data.filings, units);
  const isOverdue = (i: ItemRecord) => {
    const d = deadlineForTask(liveDeadlines, i.task, i.batchId);
    return d !== undefined && chased(i) && d.dueAt.getTime() < now.getTime() && !isFinished(i.state) && !isWaiting(i, now);
  };

  // The latest open batch first, each batch's deadlines by due time; a batch is named when there are several.
  const batchRank = new Map(open.map((b, n) => [b.id, n]));
  const batchName = new Map(open.length > 1 ? open.map((b) => [b.id, b.name]) : []);
  const deadlines = [...liveDeadlines].sort(
    (a, b) => (batchRank.get(a.batchId) ?? 0) - (batchRank.get(b.batchId) ?? 0) || a.dueAt.getTime() - b.dueAt.getTime(),
  );
  const pendingUnits = deadlines.map(() => 0);
  const openUnits: string[][] = deadlines.map(() => []);
  const overdue: OverdueUnit[] = [];
  const blocked: DigestSummary["blocked"] = [];
  const waiting: DigestSummary["waiting"] = [];
  const names: Record<string, string> = {};
  const noContact: UnitRecord[] = [];
  let unitsDone = 0;
  // NOTE: one pass over the units and their items for everything the digest counts.
  for (const unit of units) {
    const items = itemsByUnit.get(unit.id) ?? [];
    for (const c of unit.contacts) if (c.slackUserId) names[c.slackUserId] ??= c.name;
    deadlines.forEach((d, k) => {
      if (!items.some((i) => !isFinished(i.state) && i.batchId === d.batchId && d.tasks.includes(i.task))) return;
      pendingUnits[k]!++;
      openUnits[k]!.push(unit.name);
    });
    const finished = items.every((i) => isFinished(i.state));
    if (finished) unitsDone++;
    const late = items.filter(isOverdue);
    const contacts = unit.contacts.filter((c) => c.slackUserId);
    if (late.length > 0) overdue.push({ unit, items: late, contacts });
    for (const item of items) {
      if (item.state === "blocked") blocked.push({ unit, item });
      if (isWaiting(item, now)) waiting.push({ unit, item });
    }
    if (!finished && contacts.length === 0) noContact.push(unit);
  }

  // Net per item: its state before the first change and after the last, in 附件3 order.
  const byItem = new Map<string, AuditRecord[]>();
  for (const e of audit.entries) {
    if (e.field !== "state" || !e.itemKey) continue;
    const list = byItem.get(e.itemKey) ?? [];
    list.push(e);
    byItem.set(e.itemKey, list);
  }
  const changes: (StateChange & { position: number })[] = [];
  for (const [key, entries] of byItem) {
    const first = entries[0]!;
    const last = entries.at(-1)!;
    if ((first.fromValue ?? "") === (last.toValue ?? "")) continue;
    const item = itemOf(last);
    const unit = item ? unitById.get(item.unitId) : undefined;
    changes.push({
      at: last.at,
      unitName: last.unitName ?? unit?.name ?? "",
      itemKey: key,
      itemLabel: item ? itemLabel(item) : key,
      from: first.fromValue ?? "",
      to: last.toValue ?? "",
      actors: [...new Set(entries.map((e) => e.actor))],
      expectedBy: item && item.state === last.toValue && isWaiting(item, now) ? item.expectedBy : null,
      position: unit?.position ?? Number.MAX_SAFE_INTEGER,
    });
  }
  changes.sort((a, b) => a.position - b.position || a.at.getTime() - b.at.getTime());

  return {
    now,
    unitCount: units.length,
    unitsDone,
    deadlines: deadlines.map((deadline, k) => ({ deadline, pendingUnits: pendingUnits[k]!, openUnits: openUnits[k]!, batchName: batchName.get(deadline.batchId) ?? null })),
    // NOTE: a later batch's units would pull an earlier batch's progress down: one table each.
    tasks:
      open.length > 1
        ? open.map((b) => ({ batchName: b.name, counts: countTasks(data.items.filter((i) => i.batchId === b.id)) }))
        : [{ batchName: null, counts: countTasks(data.items) }],
    overdue,
    blocked,
    waiting,
    names,
    noContact,
    since: audit.since,
    changes: changes.map(({ position: _, ...c }) => c),
    undelivered: [...undelivered],
    filings: summarizeFilings(data, units),
    contradicted: units.flatMap((unit) =>
      (itemsByUnit.get(unit.id) ?? [])
        .filter((item) => item.state === "done" && item.verification?.verification === "contradicted" && !item.verification.accepted)
        .map((item) => ({ unit, item })),
    ),
    verificationOffline,
  };
}

/** Filings per step of the center's path and of the units' own; the center's queue, oldest first. */
function summarizeFilings(data: CampaignData, units: readonly UnitRecord[]): FilingSummary {
  const steps = Object.fromEntries(CENTER_STEPS.map((s) => [s, 0])) as Record<CenterStep, number>;
  const summary: FilingSummary = { center: steps, own: { open: 0, done: 0 }, unknown: 0, queue: [] };
  const unitById = new Map(units.map((u) => [u.id, u]));
  const itemById = new Map(data.items.map((i) => [i.id, i]));
  for (const filing of data.filings ?? []) {
    const unit = unitById.get(filing.unitId);
    const item = itemById.get(filing.itemId);
    if (!unit || !item || item.state === "na") continue;
    const step = filingStepOf(unit.localTelecom, filing.step, item.state);
    if (step.route === "unknown") summary.unknown++;
    else if (step.route === "self") summary.own[step.step === "done" ? "done" : "open"]++;
    else {
      steps[step.step]++;
      if (step.step === "delivered" || step.step === "received") summary.queue.push({ unit, filing, step: step.step, since: filing.stepAt });
    }
  }
  summary.queue.sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0) || a.unit.position - b.unit.position);
  return summary;
}

