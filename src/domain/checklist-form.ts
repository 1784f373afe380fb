// What the checklist form submits, and how each choice reads as a report.
import type { DomainMethod, ItemState } from "./model/tasks.ts";

/** A form choice: a state, and for a done domain how it was taken down. */
export type FormChoice = ItemState | "done_cancelled" | "done_dns";

export interface ChecklistFormInput {
  items: { key: string; choice: FormChoice; note: string | null }[];
  facts: { localTelecom: boolean | null; icpNumber: string | null; secondLevel: boolean | null; migrateData: boolean | null };
}

export function choiceToState(choice: FormChoice): { state: ItemState; method?: DomainMethod } {
  if (choice === "done_cancelled") return { state: "done", method: "cancelled" };
  if (choice === "done_dns") return { state: "done", method: "dns_removed" };
  return { state: choice };
}
