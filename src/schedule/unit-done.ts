// 附件2 八: the coordinators' channel hears at once when a unit has finished everything — one
// line, once per unit, through the delivery log. A reminder pass sends any still owed.
import { keyedMessage, type Outgoing } from "./deliver.ts";
import { isFinished } from "../domain/model/tasks.ts";
import { groupBy } from "../lib/group-by.ts";
import { buildUnitDoneMessage } from "../slack/blocks/notice-blocks.ts";
import type { CampaignSnapshot } from "../domain/model/records.ts";

/** Delivery-log key of a unit's 🎉 line: once per unit, whatever happens after. */
export const unitDoneKey = (unitKey: string) => `unit-done:${unitKey}`;

/** The 🎉 line of each of these units that has finished everything, as of the snapshot. */
export function unitDoneMessages(snapshot: CampaignSnapshot, unitKeys: readonly string[] | "all", channel: string | undefined, now: Date): Outgoing[] {
  if (!channel) return [];
  const itemsByUnit = groupBy(snapshot.items, (i) => i.unitId);
  const finished = (id: number) => (itemsByUnit.get(id) ?? []).every((i) => isFinished(i.state));
  const done = snapshot.units.filter((u) => finished(u.id));
  // NOTE: decided on the store as it is when sending: an item reopened meanwhile means not done.
  return done
    .filter((u) => unitKeys === "all" || unitKeys.includes(u.key))
    .map((unit) => {
      return keyedMessage(unitDoneKey(unit.key), "unit-done", channel, buildUnitDoneMessage(unit, done.length, snapshot.units.length), now);
    });
}
