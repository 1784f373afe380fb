// The 41 domains of the seed (prisma/seed/campaign.json) as their old sites looked: each on
// its own loopback address, with its title, ICP number (most of them) and registry entry.
import fs from "node:fs";
import { CampaignSeedSchema, type CampaignSeed } from "../../src/domain/campaign-seed.ts";
import { projectPath } from "../../src/lib/project-root.ts";
import type { FakeDomainInit } from "./world.ts";

export const SEED_FILE = projectPath("prisma", "seed", "campaign.json");

export function readCampaignSeed(file = SEED_FILE): CampaignSeed {
  return CampaignSeedSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** 档案局 → 金坛档案局; 区司法局 → 金坛区司法局; 薛埠镇 → 金坛区薛埠镇人民政府 */
export function siteTitle(unitName: string, group: string): string {
  if (group === "township" && unitName.endsWith("镇")) return `金坛区${unitName}人民政府`;
  return `金坛${unitName}`;
}

/** Addresses 127.0.0.10 … in seed order. */
export function seedDomains(seed: CampaignSeed = readCampaignSeed()): (FakeDomainInit & { unitKey: string; isSubdomain: boolean })[] {
  let n = 0;
  return seed.units.flatMap((unit, u) =>
    unit.domains.map((domain, k) => {
      const i = n++;
      const filing = String(5_010_000 + u * 37).padStart(8, "0");
      return {
        name: domain.name,
        unitKey: unit.key,
        isSubdomain: domain.isSubdomain,
        address: `127.0.0.${10 + i}`,
        title: siteTitle(unit.name, unit.group),
        // Every seventh site shows no ICP number in its footer; a unit's second domain is its filing's site 2.
        icpNumber: u % 7 === 3 ? null : `苏ICP备${filing}号-${k + 1}`,
        charset: i % 3 === 2 ? ("gbk" as const) : ("utf-8" as const),
        https: unit.governmentRoom,
        upgradeToHttps: false,
        providerVariant: i,
        sponsor: `常州市金坛区${unit.name.replace(/^区/, "")}`,
        // NOTE: a sub-domain lives in the city bureau's zone and has no registry entry of its own.
        registry: domain.isSubdomain ? ("gone" as const) : ("registered" as const),
      };
    }),
  );
}
