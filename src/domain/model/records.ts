// Plain records the domain works with; repositories map the store to these.
import { compareTasks, type DomainMethod, type ItemState, type TaskKey, type UnitGroup } from "./tasks.ts";
import type { ItemVerificationView } from "./verification.ts";

export interface DomainRecord {
  id: number;
  name: string;
  isSubdomain: boolean;
}

export interface ContactRecord {
  id: number;
  slackUserId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
}

export interface UnitFacts {
  icpNumber: string | null;
  sponsorName: string | null;
  /** Access provider is the district telecom operator; null = unknown. */
  localTelecom: boolean | null;
  secondLevel: boolean | null;
  migrateData: boolean | null;
}

export interface UnitRecord extends UnitFacts {
  id: number;
  key: string;
  name: string;
  position: number;
  group: UnitGroup;
  governmentRoom: boolean;
  domains: DomainRecord[];
  contacts: ContactRecord[];
}

/** A batch of the campaign (第一批, 第二批…): its own items and deadlines. */
export interface BatchRecord {
  id: number;
  name: string;
  /** When its reminders ended; null while open. */
  closedAt: Date | null;
  createdAt: Date;
}

/** The batch every item and deadline made before batches existed belongs to. */
export const FIRST_BATCH_ID = 1;

export interface ItemRecord {
  id: number;
  key: string;
  unitId: number;
  batchId: number;
  task: TaskKey;
  /** The domain of a `domain` item, else null. */
  domain: string | null;
  isSubdomain: boolean;
  state: ItemState;
  method: DomainMethod | null;
  note: string | null;
  /** A waiting report's expected completion (end of that day); null when nobody is waited for. */
  expectedBy: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** site, unbind and domain items: what the probes found (absent or null while never probed). */
  verification?: ItemVerificationView | null;
  /**
   * An icp item of a unit with several filings: the 备案号 it cancels (null: not given yet).
   * Absent for a unit with one filing, whose item is just 备案注销.
   */
  filingNumber?: string | null;
}

export interface DeadlineRecord {
  id: number;
  key: string;
  batchId: number;
  title: string;
  opensAt: Date | null;
  dueAt: Date;
  tasks: TaskKey[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

export type AuditSource = "slash" | "button" | "modal" | "cli" | "system";

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  source: AuditSource;
  unitId: number | null;
  unitName: string | null;
  itemKey: string | null;
  field: string;
  subject: string | null;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
}

/** The deadline that covers a task (of the given batch; any batch's when none is given). */
export function deadlineForTask(deadlines: readonly DeadlineRecord[], task: TaskKey, batchId?: number): DeadlineRecord | undefined {
  return deadlines.find((d) => d.tasks.includes(task) && (batchId === undefined || d.batchId === batchId));
}

/** Open batches, the latest first: the order the overview, the digest and App Home show them in. */
export function openBatches(batches: readonly BatchRecord[]): BatchRecord[] {
  return batches.filter((b) => b.closedAt === null).sort((a, b) => b.id - a.id);
}

/**
 * Someone else is expected to finish it by a day still ahead (附件2 七): not chased, not
 * escalated before then. After that day it counts as any other unfinished item.
 */
export function isWaiting(item: Pick<ItemRecord, "state" | "expectedBy">, now: Date): boolean {
  return item.state === "doing" && item.expectedBy !== null && item.expectedBy.getTime() >= now.getTime();
}

export interface ItemChange {
  item: ItemRecord;
  state: ItemState;
  method: DomainMethod | null;
  note: string | null;
  expectedBy: Date | null;
  warnings: string[];
}

/** Items in checklist order: task order, then domain order. */
export function sortItems(items: ItemRecord[], domainOrder: Map<string, number> = new Map()): ItemRecord[] {
  return items.sort(
    (a, b) =>
      a.unitId - b.unitId ||
      a.batchId - b.batchId ||
      compareTasks(a.task, b.task) ||
      (domainOrder.get(a.domain ?? "") ?? 0) - (domainOrder.get(b.domain ?? "") ?? 0) ||
      a.id - b.id,
  );
}

/** Everything a pure planner, digest or export needs, read in one snapshot. */
export interface CampaignSnapshot {
  units: UnitRecord[];
  items: ItemRecord[];
  deadlines: DeadlineRecord[];
  batches: BatchRecord[];
  /** The units' ICP filings; absent where a caller has no use for them. */
  filings?: FilingRecord[];
}

/** One batch's part of the campaign: its units (those with items in it), items and deadlines. */
export function batchSnapshot(snapshot: CampaignSnapshot, batchId: number): CampaignSnapshot {
  const items = snapshot.items.filter((i) => i.batchId === batchId);
  const unitIds = new Set(items.map((i) => i.unitId));
  return {
    units: snapshot.units.filter((u) => unitIds.has(u.id)),
    items,
    deadlines: snapshot.deadlines.filter((d) => d.batchId === batchId),
    batches: snapshot.batches.filter((b) => b.id === batchId),
    ...(snapshot.filings && { filings: filingsOf(snapshot.filings, items) }),
  };
}

/** The filings whose icp items are among `items`. */
function filingsOf(filings: readonly FilingRecord[], items: readonly ItemRecord[]): FilingRecord[] {
  const ids = new Set(items.map((i) => i.id));
  return filings.filter((f) => ids.has(f.itemId));
}

/** One ICP filing (备案) of a unit and where its cancellation stands (src/domain/icp-path.ts). */
export interface FilingRecord {
  id: number;
  unitId: number;
  /** 1 for the unit's first filing ("jtda/icp"); 2 and on for "jtda/icp/2". */
  ordinal: number;
  itemId: number;
  itemKey: string;
  /** Normalised 备案号, or null until someone gives it. */
  number: string | null;
  domains: string[];
  /** This filing's 主办单位名称; null = the unit's. */
  sponsorName: string | null;
  /** 备案注销原因 written instead of the campaign's, or null. */
  reason: string | null;
  /** As stored: pending | delivered | received | filed | done (center), todo | doing | done (own). */
  step: string;
  stepAt: Date | null;
  stepBy: string | null;
}
