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

export interface ItemRecord {
  id: number;
  key: string;
  unitId: number;
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
}

export interface DeadlineRecord {
  id: number;
  key: string;
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

/** The deadline that covers a task. */
export function deadlineForTask(deadlines: readonly DeadlineRecord[], task: TaskKey): DeadlineRecord | undefined {
  return deadlines.find((d) => d.tasks.includes(task));
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
}
