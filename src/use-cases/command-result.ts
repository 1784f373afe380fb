// What a /shutdown command produced, for the reply blocks to show.
import type { AuditRecord, BatchRecord, CampaignSnapshot, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import type { ItemState } from "../domain/model/tasks.ts";
import type { FilingStep } from "../domain/model/icp-steps.ts";
import type { MrkdwnLike } from "../messages/mrkdwn.ts";
import type { ErrorCode } from "../domain/error-codes.ts";
import type { FollowUp } from "../domain/follow-up.ts";
import type { VerificationRunReport } from "../verification/run-report.ts";

/** One ICP filing in the coordinators' list. */
export interface FilingRow {
  unitKey: string;
  unitName: string;
  itemKey: string;
  number: string | null;
  domains: readonly string[];
  step: FilingStep;
  stepAt: Date | null;
  stepBy: string | null;
}

export type CommandResult = (
  | { kind: "help"; isCoordinator: boolean; registered: boolean; units: string[]; year: number }
  /** `prefix`: what goes before the commands shown, for them to work as shown ("区统计局 " or ""). */
  | { kind: "status"; unit: UnitRecord; items: ItemRecord[]; deadlines: DeadlineRecord[]; now: Date; prefix: string }
  /** `status` from a contact of several units: every one of them, compactly. */
  | { kind: "status-many"; units: { unit: UnitRecord; items: ItemRecord[] }[]; deadlines: DeadlineRecord[]; now: Date }
  | {
      kind: "reported";
      unit: UnitRecord;
      item: ItemRecord;
      from: ItemState;
      warnings: string[];
      items: ItemRecord[];
      deadlines: DeadlineRecord[];
      now: Date;
      prefix: string;
    }
  | { kind: "overview"; snapshot: CampaignSnapshot; now: Date }
  | {
      kind: "unit-detail";
      unit: UnitRecord;
      items: ItemRecord[];
      deadlines: DeadlineRecord[];
      audit: AuditRecord[];
      /** People's names by Slack user id, for the audit trail. */
      names: Record<string, string>;
      now: Date;
    }
  | { kind: "deadlines"; deadlines: DeadlineRecord[]; batches: BatchRecord[]; now: Date }
  /** The checklist form is to be opened for this unit. */
  | { kind: "form"; unit: UnitRecord; items: ItemRecord[] }
  /** A change other than an item report; `unitKey` names the unit it touched, if one. */
  | { kind: "done"; text: MrkdwnLike; unitKey?: string; notes?: MrkdwnLike[] }
  /** A message composed elsewhere (the digest preview), shown as it is. */
  | { kind: "prebuilt"; message: { text: string; blocks: unknown[] } }
  | { kind: "unchanged"; text: MrkdwnLike; notes?: MrkdwnLike[] }
  | { kind: "error"; code: ErrorCode; message: string; hint?: string }
  | { kind: "not-registered"; userId: string }
  /** `forms`: every unit's ICP filings with the step of their cancellation. */
  | { kind: "filings"; rows: FilingRow[]; now: Date }
  /** `verify`: the probes' findings; `scope` names what was probed. */
  | { kind: "verification"; report: VerificationRunReport; scope: string }
) & { followUps?: FollowUp[] };
