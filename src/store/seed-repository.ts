// Seeding adds only what is missing: reported states, contacts and moved deadlines stay.
import fs from "node:fs";
import { seedInstant } from "../domain/model/calendar.ts";
import { CampaignSeedSchema, type CampaignSeed } from "../domain/campaign-seed.ts";
import { itemKey, UNIT_TASKS } from "../domain/model/tasks.ts";
import type { Db } from "./store-handle.ts";
import { inTransaction } from "./transaction.ts";
import { createFirstFiling } from "./icp-filing-repository.ts";
import { initialStoredStep } from "../domain/icp-filing-step.ts";
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
    const added: SeedResult = { units: 0, domains: 0, items: 0, deadlines: 0 };
    for (const [index, u] of seed.units.entries()) {
      let unit = await tx.unit.findUnique({ where: { key: u.key } });
      if (!unit) {
        unit = await tx.unit.create({
          data: {
            key: u.key,
            name: u.name,
            position: index + 1,
            group: u.group,
            governmentRoom: u.governmentRoom,
            createdAt: options.now,
          },
        });
        added.units++;
      }
      const existingItems = new Set(
        (await tx.checklistItem.findMany({ where: { unitId: unit.id }, select: { key: true } })).map((i) => i.key),
      );
      let icpItemId: number | null = null;
      for (const task of UNIT_TASKS) {
        const key = itemKey(u.key, task);
        if (existingItems.has(key)) continue;
        const created = await tx.checklistItem.create({ data: { key, unitId: unit.id, task } });
        if (task === "icp") icpItemId = created.id;
        added.items++;
      }
      const unitDomains: { id: number; position: number; isSubdomain: boolean }[] = [];
      for (const [position, d] of u.domains.entries()) {
        const name = d.name.toLowerCase();
        let domain = await tx.domain.findUnique({ where: { name } });
        if (!domain) {
          domain = await tx.domain.create({
            data: { unitId: unit.id, name, isSubdomain: d.isSubdomain, position: position + 1 },
          });
          added.domains++;
        }
        unitDomains.push(domain);
        const key = itemKey(u.key, "domain", name);
        if (existingItems.has(key)) continue;
        await tx.checklistItem.create({ data: { key, unitId: unit.id, task: "domain", domainId: domain.id } });
        added.items++;
      }
      // A new icp item is the unit's first ICP filing, covering its own domains (older stores got theirs from the migration).
      if (icpItemId !== null) await createFirstFiling(tx, unit, icpItemId, unitDomains.filter((d) => !d.isSubdomain), initialStoredStep(unit.localTelecom), options.now);
    }
    for (const d of seed.deadlines) {
      if (await tx.deadline.findUnique({ where: { key: d.key } })) continue;
      await tx.deadline.create({
        data: {
          key: d.key,
          title: d.title,
          opensAt: d.opens ? seedInstant(options.year, d.opens) : null,
          dueAt: seedInstant(options.year, d.due),
          tasks: d.tasks.join(","),
        },
      });
      added.deadlines++;
    }
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
