// A campaign of any size, shaped like the real one: the 38 units of 附件3 repeated, a mix of
// states, most units with one contact, some with two, some with none, some contacts shared.
import { seedInstant } from "../src/domain/model/calendar.ts";
import { FIRST_BATCH_ID, type CampaignSnapshot, type ContactRecord, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../src/domain/model/records.ts";
import { itemKey, TASKS_NEVER_NA, UNIT_TASKS, type ItemState, type TaskKey } from "../src/domain/model/tasks.ts";
import type { AuditSince } from "../src/domain/digest-summary.ts";
import { readCampaignSeed } from "../src/store/seed-repository.ts";

export const CAMPAIGN_YEAR = 2027;
/** Transition overdue, shutdown window open and due tomorrow: nearly every unit has reminders. */
export const PLAN_AT = new Date("2027-06-22T10:00:00+08:00");

const STATES: ItemState[] = ["todo", "todo", "todo", "doing", "doing", "blocked", "done", "done", "done", "na"];

export function syntheticCampaign(unitCount: number): CampaignSnapshot {
  const seed = readCampaignSeed();
  const deadlines: DeadlineRecord[] = seed.deadlines.map((d, i) => ({
    id: i + 1,
    key: d.key,
    batchId: FIRST_BATCH_ID,
    title: d.title,
    opensAt: d.opens ? seedInstant(CAMPAIGN_YEAR, d.opens) : null,
    dueAt: seedInstant(CAMPAIGN_YEAR, d.due),
    tasks: d.tasks,
    updatedAt: null,
    updatedBy: null,
  }));
  const units: UnitRecord[] = [];
  const items: ItemRecord[] = [];
  let contactId = 0;
  let shared: ContactRecord | undefined;
  for (let n = 0; n < unitCount; n++) {
    const model = seed.units[n % seed.units.length]!;
    const key = `${model.key}-${n}`;
    const domains = model.domains.map((d, k) => ({ id: units.length * 3 + k + 1, name: `${n}.${d.name}`, isSubdomain: d.isSubdomain }));
    const contacts: ContactRecord[] = [];
    if (n % 10 !== 9) {
      const own = { id: ++contactId, slackUserId: `U${String(contactId).padStart(8, "0")}`, name: `联系人${contactId}`, phone: null, email: null };
      contacts.push(own);
      if (n % 20 === 0) contacts.push({ ...own, id: ++contactId, slackUserId: `U${String(contactId).padStart(8, "0")}`, name: `联系人${contactId}` });
      // Every seventh unit shares its contact with the next one: a person serving two units.
      if (shared) contacts.push(shared);
      shared = n % 7 === 0 ? own : undefined;
    }
    const unit: UnitRecord = {
      id: n + 1,
      key,
      name: `${model.name}${n}`,
      position: n + 1,
      group: model.group,
      governmentRoom: model.governmentRoom,
      icpNumber: null,
      sponsorName: null,
      localTelecom: n % 3 === 0 ? true : n % 3 === 1 ? false : null,
      secondLevel: null,
      migrateData: null,
      domains,
      contacts,
    };
    units.push(unit);
    const tasks: { task: TaskKey; domain: (typeof domains)[number] | null }[] = [
      ...UNIT_TASKS.map((task) => ({ task, domain: null })),
      ...domains.map((domain) => ({ task: "domain" as const, domain })),
    ];
    for (const [k, { task, domain }] of tasks.entries()) {
      let state = STATES[(n * 7 + k * 3) % STATES.length]!;
      if (state === "na" && TASKS_NEVER_NA.includes(task)) state = "todo";
      items.push({
        id: items.length + 1,
        key: itemKey(key, task, domain?.name),
        unitId: unit.id,
        batchId: FIRST_BATCH_ID,
        task,
        domain: domain?.name ?? null,
        isSubdomain: domain?.isSubdomain ?? false,
        state,
        method: state === "done" && task === "domain" ? (domain?.isSubdomain ? "dns_removed" : "cancelled") : null,
        note: state === "blocked" ? `等待电信回复 ${n}` : null,
        expectedBy: null,
        updatedAt: state === "todo" ? null : new Date(PLAN_AT.getTime() - ((n * 37) % 86_400) * 1000),
        updatedBy: state === "todo" ? null : (contacts[0]?.slackUserId ?? "cli:admin"),
      });
    }
  }
  return { units, items, deadlines, batches: [{ id: FIRST_BATCH_ID, name: "第一批", closedAt: null, createdAt: new Date("2027-05-01T00:00:00+08:00") }] };
}

/** One state change per unit since yesterday's digest: what the digest lists. */
export function syntheticAuditSince(snapshot: CampaignSnapshot): AuditSince {
  const since = new Date(PLAN_AT.getTime() - 86_400_000);
  const byId = new Map(snapshot.units.map((u) => [u.id, u]));
  const seen = new Set<number>();
  const entries = snapshot.items
    .filter((i) => i.updatedAt !== null && i.updatedAt > since && !seen.has(i.unitId) && seen.add(i.unitId))
    .map((i, k) => ({
      id: k + 1,
      at: i.updatedAt!,
      actor: i.updatedBy!,
      source: "slash" as const,
      unitId: i.unitId,
      unitName: byId.get(i.unitId)!.name,
      itemKey: i.key,
      field: "state",
      subject: null,
      fromValue: "todo",
      toValue: i.state,
      note: i.note,
    }));
  return { since, entries };
}
