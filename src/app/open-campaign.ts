// Every entry point (bot, CLIs, sandbox) opens the store this way: migrate, then seed when empty.
import type { Config } from "../config/env-schema.ts";
import { defaultCampaignYear } from "../domain/model/calendar.ts";
import { openStore, type OpenStoreOptions, type Store } from "../store/open-store.ts";
import { isStoreEmpty, readCampaignSeed, seedCampaign } from "../store/seed-repository.ts";

export function campaignYear(config: Pick<Config, "CAMPAIGN_YEAR">, now: Date): number {
  return config.CAMPAIGN_YEAR ?? defaultCampaignYear(now);
}

export async function openCampaign(
  config: Pick<Config, "DATABASE_URL" | "CAMPAIGN_YEAR">,
  now: Date,
  options: Pick<OpenStoreOptions, "busyTimeoutMs"> = {},
): Promise<Store> {
  const store = await openStore(config.DATABASE_URL, options);
  try {
    if (await isStoreEmpty(store.db)) {
      await seedCampaign(store.db, readCampaignSeed(), { year: campaignYear(config, now), now });
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
