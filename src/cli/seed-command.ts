import { campaignYear } from "../app/open-campaign.ts";
import { readCampaignSeed, seedCampaign } from "../store/seed-repository.ts";
import type { CliCommand } from "./cli-context.ts";

/** npm run seed: adds whatever of the seed is missing; never overwrites. */
export const seedCommand: CliCommand = async (ctx) => {
  const added = await seedCampaign(ctx.store.db, readCampaignSeed(), {
    year: campaignYear(ctx.config, ctx.now),
    now: ctx.now,
    actor: ctx.actor,
    source: "cli",
  });
  const total = added.units + added.domains + added.items + added.deadlines;
  ctx.err(
    total === 0
      ? "种子数据已齐全，没有新增。 / Seed already complete: nothing added."
      : `已新增 / added: ${added.units} 个单位, ${added.domains} 个域名, ${added.items} 个事项, ${added.deadlines} 个截止时间`,
  );
  return 0;
};
