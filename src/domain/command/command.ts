import type { DomainMethod, ItemState, TaskKey } from "../model/tasks.ts";
import type { SetField } from "./vocabulary.ts";
import type { FilingRequest } from "../model/icp-steps.ts";

/** A calendar day as typed; the year is filled in against `now` when it was left out (「7月10日」). */
export interface TypedDay {
  year: number | null;
  month: number;
  day: number;
}

/** A /shutdown command, understood. `unit` is a unit key when the text named one. */
export type Command =
  | { kind: "help" }
  | { kind: "status"; unit?: string }
  | {
      kind: "report";
      unit?: string;
      state: ItemState;
      task: TaskKey;
      domain?: string;
      method?: DomainMethod;
      note?: string;
      /** A waiting report (附件2 七): in progress, expected to be finished on this day. */
      expected?: TypedDay;
    }
  | { kind: "set"; unit?: string; field: SetField; value: string }
  | { kind: "assign" | "unassign"; unit: string; userId: string }
  | { kind: "overview" }
  | { kind: "unit"; unit: string }
  | { kind: "deadlines" }
  | { kind: "deadline"; key: string; at: Date }
  | { kind: "coordinator"; action: "add" | "remove"; userId: string }
  | { kind: "digest"; preview: boolean }
  | { kind: "export"; format: "xlsx" | "csv" }
  | { kind: "form"; unit?: string }
  /** `已送达`, `icp 已受理 苏ICP备12345678号`: a step of an ICP filing's path. */
  | { kind: "icp-step"; unit?: string; step: FilingRequest; filing?: string; note?: string }
  /** `申请表`: the unit's 附件4 forms, pre-filled, to the caller's DM. */
  | { kind: "icp-form"; unit?: string }
  /** `forms` (申请表汇总): the filings on the center's path by step; `forms file`: the combined document. */
  | { kind: "forms"; file: boolean }
  | { kind: "join"; unit: string }
  /** Probes now: every domain, a unit's, or one domain. */
  | { kind: "verify"; unit?: string; domain?: string }
  /** A coordinator's judgement over the probes: the item counts as verified. */
  | { kind: "accept"; unit: string; task: TaskKey; domain?: string; reason: string };

/** Commands anyone may use, registered or not. */
export const OPEN_TO_ANYONE: ReadonlySet<Command["kind"]> = new Set(["help", "join"]);

/** Commands only coordinators may use. */
export const COORDINATOR_COMMANDS: ReadonlySet<Command["kind"]> = new Set([
  "assign",
  "unassign",
  "overview",
  "unit",
  "deadlines",
  "deadline",
  "coordinator",
  "digest",
  "export",
  "forms",
  "verify",
  "accept",
]);

/** Commands about one unit: a contact of several, or a coordinator, names it. */
export const UNIT_COMMANDS: ReadonlySet<Command["kind"]> = new Set(["status", "report", "set", "form", "icp-step", "icp-form"]);
