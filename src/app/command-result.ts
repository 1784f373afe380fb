// What a /shutdown command produced, for the reply blocks to show.
import type { CampaignSnapshot } from "../store/campaign-repository.ts";
import type { AuditRecord, DeadlineRecord, ItemRecord, UnitRecord } from "../domain/model.ts";
import type { ItemState } from "../domain/tasks.ts";
import type { MrkdwnLike } from "../messages/mrkdwn.ts";

export type CommandResult =
  | { kind: "help"; isCoordinator: boolean; registered: boolean }
  | { kind: "status"; unit: UnitRecord; items: ItemRecord[]; deadlines: DeadlineRecord[]; now: Date }
  /** `status` from a contact of several units: every one of them, compactly. */
  | { kind: "status-many"; units: { unit: UnitRecord; items: ItemRecord[] }[]; deadlines: DeadlineRecord[]; now: Date }
  | { kind: "reported"; unit: UnitRecord; item: ItemRecord; from: ItemState; warnings: string[]; items: ItemRecord[]; deadlines: DeadlineRecord[]; now: Date }
  | { kind: "overview"; snapshot: CampaignSnapshot; now: Date }
  | { kind: "unit-detail"; unit: UnitRecord; items: ItemRecord[]; deadlines: DeadlineRecord[]; audit: AuditRecord[]; now: Date }
  | { kind: "deadlines"; deadlines: DeadlineRecord[]; now: Date }
  /** The checklist form is to be opened for this unit. */
  | { kind: "form"; unit: UnitRecord; items: ItemRecord[] }
  /** A change other than an item report; `unitKey` names the unit it touched, if one. */
  | { kind: "done"; text: MrkdwnLike; unitKey?: string }
  /** A message composed elsewhere (the digest preview), shown as it is. */
  | { kind: "prebuilt"; message: { text: string; blocks: unknown[] } }
  | { kind: "unchanged"; text: MrkdwnLike }
  | { kind: "error"; code: string; message: string; hint?: string }
  | { kind: "not-registered"; userId: string };
