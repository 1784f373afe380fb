// Seeding adds only what is missing: reported states, contacts and moved deadlines stay.
import fs from "node:fs";
import { seedInstant } from "../domain/model/calendar.ts";
import { CampaignSeedSchema, type CampaignSeed } from "../domain/campaign-seed.ts";
import { itemKey, UNIT_TASKS, type TaskKey } from "../domain/model/tasks.ts";
import type { Db } from "./store-handle.ts";
import { inTransaction } from "./transaction.ts";
import { createFirstFilings } from "./icp-filing-repository.ts";
import { projectPath } from "../lib/project-root.ts";

export const DEFAULT_SEED_FILE = projectPath("prisma", "seed", "campaign.json");

export function readCampaignSeed(file = DEFAULT_SEED_FILE): CampaignSeed {
  return CampaignSeedSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export interface SeedResult {
  units: number;
  domains: number;
  items: number;
  deadlines: number;
}

export async function seedCampaign(
  db: Db,
  seed: CampaignSeed,
  options: { year: number; now: Date; actor?: string; source?: "cli" | "system" },
): Promise<SeedResult> {
  // NOTE: two seeds at once (two CLIs, or a CLI and the bot starting) meet on the write lock; the
  // second waits, runs again whole and then finds everything there. Not interactive, so it may wait long.
  return inTransaction(db, async (tx) => {
    // NOTE: what is there is read first, and what is missing is written a table at a time, in the
    // order one unit after another would give it (the same ids): a dozen statements, not 600.
    const units = new Map((await tx.unit.findMany({ select: { id: true, key: true, icpNumber: true, localTelecom: true } })).map((u) => [u.key, u]));
    const newUnits = seed.units
      .map((u, index) => ({ u, index }))
      .filter(({ u }) => !units.has(u.key))
      .map(({ u, index }) => ({ key: u.key, name: u.name, position: index + 1, group: u.group, governmentRoom: u.governmentRoom, createdAt: options.now }));
    if (newUnits.length > 0) {
      for (const u of await tx.unit.createManyAndReturn({ data: newUnits, select: { id: true, key: true, icpNumber: true, localTelecom: true } })) units.set(u.key, u);
    }
    const unitOf = (key: string) => units.get(key)!;

    const domains = new Map((await tx.domain.findMany({ select: { id: true, name: true, position: true, isSubdomain: true } })).map((d) => [d.name, d]));
    const newDomains = new Map<string, { unitId: number; name: string; isSubdomain: boolean; position: number }>();
    for (const u of seed.units) {
      for (const [position, d] of u.domains.entries()) {
        const name = d.name.toLowerCase();
        if (!domains.has(name) && !newDomains.has(name)) newDomains.set(name, { unitId: unitOf(u.key).id, name, isSubdomain: d.isSubdomain, position: position + 1 });
      }
    }
    const createdDomains =
      newDomains.size === 0 ? [] : await tx.domain.createManyAndReturn({ data: [...newDomains.values()], select: { id: true, name: true, position: true, isSubdomain: true } });
    for (const d of createdDomains) domains.set(d.name, d);

    const existingItems = new Set((await tx.checklistItem.findMany({ select: { key: true } })).map((i) => i.key));
    const newItems: { key: string; unitId: number; task: TaskKey; domainId?: number }[] = [];
    for (const u of seed.units) {
      const unitId = unitOf(u.key).id;
      for (const task of UNIT_TASKS) {
        const key = itemKey(u.key, task);
        if (!existingItems.has(key)) newItems.push({ key, unitId, task });
      }
      for (const d of u.domains) {
        const name = d.name.toLowerCase();
        const key = itemKey(u.key, "domain", name);
        if (!existingItems.has(key)) newItems.push({ key, unitId, task: "domain", domainId: domains.get(name)!.id });
        existingItems.add(key);
      }
    }
    const createdItems = newItems.length === 0 ? [] : await tx.checklistItem.createManyAndReturn({ data: newItems, select: { id: true, key: true, task: true } });

    // A new icp item is the unit's first ICP filing, covering its own domains (older stores got theirs from the migration).
    const icpItems = new Map(createdItems.filter((i) => i.task === "icp").map((i) => [i.key, i.id]));
    const firstFilings = seed.units.flatMap((u) => {
      const itemId = icpItems.get(itemKey(u.key, "icp"));
      if (itemId === undefined) return [];
      const own = u.domains.map((d) => domains.get(d.name.toLowerCase())!).filter((d, i, all) => !d.isSubdomain && all.indexOf(d) === i);
      return [{ unit: unitOf(u.key), itemId, domains: own }];
    });
    await createFirstFilings(tx, firstFilings, options.now);

    const added: SeedResult = { units: newUnits.length, domains: createdDomains.length, items: createdItems.length, deadlines: 0 };
    const deadlines = new Set((await tx.deadline.findMany({ select: { key: true } })).map((d) => d.key));
    const newDeadlines = seed.deadlines
      .filter((d) => !deadlines.has(d.key))
      .map((d) => ({
        key: d.key,
        title: d.title,
        opensAt: d.opens ? seedInstant(options.year, d.opens) : null,
        dueAt: seedInstant(options.year, d.due),
        tasks: d.tasks.join(","),
      }));
    if (newDeadlines.length > 0) added.deadlines = (await tx.deadline.createMany({ data: newDeadlines })).count;
    const total = added.units + added.domains + added.items + added.deadlines;
    if (total > 0) {
      await tx.auditEntry.create({
        data: {
          at: options.now,
          actor: options.actor ?? "system",
          source: options.source ?? "system",
          field: "seed",
          subject: seed.source,
          toValue: `units+${added.units} domains+${added.domains} items+${added.items} deadlines+${added.deadlines}`,
          note: `campaign year ${options.year}`,
        },
      });
    }
    return added;
  }, SEED_STORE_WAIT_MS);
}

/** How long a seed waits for another process's write lock. */
export const SEED_STORE_WAIT_MS = 60_000;

export async function isStoreEmpty(db: Db): Promise<boolean> {
  return (await db.unit.count()) === 0;
}
