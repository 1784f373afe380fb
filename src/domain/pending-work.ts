// Who still has work under a deadline: pure queries over the campaign's records.
import type { ContactRecord, DeadlineRecord, ItemRecord, UnitRecord } from "./model/records.ts";
import { isFinished } from "./model/tasks.ts";

export interface CampaignRecords {
  units: readonly UnitRecord[];
  items: readonly ItemRecord[];
}

/** Units with an unfinished item under the deadline, in 附件3 order. */
export function unitsOpenUnder(data: CampaignRecords, deadline: Pick<DeadlineRecord, "tasks" | "batchId">): UnitRecord[] {
  const open = new Set(data.items.filter((i) => !isFinished(i.state) && i.batchId === deadline.batchId && deadline.tasks.includes(i.task)).map((i) => i.unitId));
  return [...data.units].sort((a, b) => a.position - b.position).filter((u) => open.has(u.id));
}

/** Each contact with a Slack id who has unfinished work under the deadline, with those units. */
export function contactsWithWorkUnder(data: CampaignRecords, deadline: Pick<DeadlineRecord, "tasks" | "batchId">): { contact: ContactRecord; units: UnitRecord[] }[] {
  const byUser = new Map<string, { contact: ContactRecord; units: UnitRecord[] }>();
  for (const unit of unitsOpenUnder(data, deadline)) {
    for (const contact of unit.contacts) {
      if (!contact.slackUserId) continue;
      const entry = byUser.get(contact.slackUserId) ?? { contact, units: [] };
      entry.units.push(unit);
      byUser.set(contact.slackUserId, entry);
    }
  }
  return [...byUser.values()];
}
