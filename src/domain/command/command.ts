import type { DomainMethod, ItemState, TaskKey } from "../tasks.ts";
import type { SetField } from "./vocabulary.ts";

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
  | { kind: "join"; unit: string };

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
]);

/** Commands about one unit: a contact of several, or a coordinator, names it. */
export const UNIT_COMMANDS: ReadonlySet<Command["kind"]> = new Set(["status", "report", "set", "form"]);
