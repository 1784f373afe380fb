import type { DomainMethod, ItemState, TaskKey } from "../tasks.ts";
import type { SetField } from "./vocabulary.ts";

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
    }
  | { kind: "set"; unit?: string; field: SetField; value: string }
  | { kind: "assign" | "unassign"; unit: string; userId: string }
  | { kind: "overview" }
  | { kind: "unit"; unit: string }
  | { kind: "deadlines" }
  | { kind: "deadline"; key: string; at: Date }
  | { kind: "coordinator"; action: "add" | "remove"; userId: string }
  | { kind: "digest"; preview: boolean }
  | { kind: "export" }
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
