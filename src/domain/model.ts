// Plain records the domain works with; repositories map the store to these.
import type { DomainMethod, ItemState, TaskKey, UnitGroup } from "./tasks.ts";

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
