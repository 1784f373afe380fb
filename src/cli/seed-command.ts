import { campaignYear } from "../app/open-campaign.ts";
import { readCampaignSeed, seedCampaign } from "../store/seed-repository.ts";
import type { CliCommand } from "./cli-context.ts";
import { cliTexts } from "../messages/cli-messages.ts";

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
      ? cliTexts.seedComplete
      : cliTexts.seedAdded(added),
  );
  return 0;
};
