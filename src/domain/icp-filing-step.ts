// A stored filing read as a step of its route (icp-path.ts), and a step written back as stored.
// The route follows the unit's provider answer; "blocked" lives on the filing's item (a problem
// reported on top of the step); while the provider is unknown, the item's own state is the step.
import { chasesUnit, moveToRoute, readFilingStep, routeForProvider } from "./icp-path.ts";
import type { FilingRecord, ItemRecord, UnitRecord } from "./model/records.ts";
import type { FilingStep, IcpRoute } from "./model/icp-steps.ts";
import { CENTER_STEPS, SELF_STEPS } from "./model/icp-steps.ts";
import type { ItemState } from "./model/tasks.ts";

/** What a filing starts at on a route. */
export function initialStoredStep(localTelecom: boolean | null): string {
  return localTelecom === true ? "pending" : "todo";
}

/** The route a stored step belongs to when it is not the unit's route now (the answer changed). */
function routeOfStored(stored: string): IcpRoute {
  return (CENTER_STEPS as readonly string[]).includes(stored) && stored !== "done" ? "center" : "self";
}

/** Where a filing stands, from the unit's answer, the filing's stored step and its item's state. */
export function filingStepOf(localTelecom: boolean | null, stored: string, itemState: ItemState): FilingStep {
  const route = routeForProvider(localTelecom);
  const blocked = itemState === "blocked";
  const read = readFilingStep(route, stored, blocked);
  if (read) return read;
  const previous = readFilingStep(routeOfStored(stored), stored, blocked) ?? { route: "self" as const, step: "todo" as const, blocked };
  return moveToRoute(previous, route);
}

/** The step as the filing keeps it; while the route is unknown, the item's state (todo, doing, done). */
export function storedStepOf(step: FilingStep, itemState: ItemState): string {
  if (step.route !== "unknown") return step.step;
  return (SELF_STEPS as readonly string[]).includes(itemState) ? itemState : "todo";
}

/** The filings by their item, and a test of whether an item is the unit's to move (reminders, overdue lists). */
export function chasedByUnit(filings: readonly FilingRecord[] | undefined, units: readonly Pick<UnitRecord, "id" | "localTelecom">[]): (item: ItemRecord) => boolean {
  if (!filings || filings.length === 0) return () => true;
  const filingOfItem = new Map(filings.map((f) => [f.itemId, f]));
  const provider = new Map(units.map((u) => [u.id, u.localTelecom]));
  return (item) => {
    const filing = item.task === "icp" ? filingOfItem.get(item.id) : undefined;
    return !filing || chasesUnit(filingStepOf(provider.get(item.unitId) ?? null, filing.step, item.state));
  };
}
