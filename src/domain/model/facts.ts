// A unit's facts that decide its items, and what deciding them made of each item.
import type { ItemChange, ItemRecord } from "./records.ts";

export type DrivingFact = "secondLevel" | "migrateData";

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
