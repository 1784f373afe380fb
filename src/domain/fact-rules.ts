// A unit's facts decide some of its items: no second-level-domain systems means no IP备案, no data
// to migrate means no 数据备份/迁移. The system changes such an item only while nobody has
// reported it by hand; a person's report is kept, and the reply says so.
import { factNote } from "../messages/fact-messages.ts";
import type { ItemRecord, UnitFacts } from "./model.ts";
import type { ItemChange } from "./report-rules.ts";
import type { TaskKey } from "./tasks.ts";

/** Who the audit trail names for a change the system made. */
export const SYSTEM_ACTOR = "system";

export type DrivingFact = "secondLevel" | "migrateData";

/** Which fact decides which task: when the fact is false, the task is not needed. */
export const FACT_RULES: readonly { fact: DrivingFact; task: TaskKey }[] = [
  { fact: "secondLevel", task: "ipicp" },
  { fact: "migrateData", task: "backup" },
];

export type FactReason = { fact: DrivingFact; value: boolean | null };

/** An item a person reported that the fact now contradicts: left as it is, and said. */
export interface KeptByHand {
  item: ItemRecord;
  reason: FactReason;
  /** What the fact would have made of it. */
  wanted: "na" | "todo";
}

export interface FactOutcome {
  changes: (ItemChange & { reason: FactReason })[];
  kept: KeptByHand[];
}

const byHand = (item: ItemRecord) => item.updatedBy !== null && item.updatedBy !== SYSTEM_ACTOR;

/** What the unit's facts make of its items now. Pure: the caller applies the changes as the system. */
export function decideFactChanges(facts: UnitFacts, items: readonly ItemRecord[]): FactOutcome {
  const outcome: FactOutcome = { changes: [], kept: [] };
  for (const rule of FACT_RULES) {
    const value = facts[rule.fact];
    const reason: FactReason = { fact: rule.fact, value };
    for (const item of items.filter((i) => i.task === rule.task)) {
      if (value === false && item.state !== "na") {
        if (byHand(item)) outcome.kept.push({ item, reason, wanted: "na" });
        else outcome.changes.push({ item, state: "na", method: null, note: factNote(rule.fact), expectedBy: null, warnings: [], reason });
      } else if (value !== false && item.state === "na") {
        if (!byHand(item)) outcome.changes.push({ item, state: "todo", method: null, note: null, expectedBy: null, warnings: [], reason });
        else if (value === true) outcome.kept.push({ item, reason, wanted: "todo" });
      }
    }
  }
  return outcome;
}
