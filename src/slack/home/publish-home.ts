// Publishes App Home for the people whose view a change touched.
import type { webApi } from "@slack/bolt";
import type { DeadlineRecord } from "../../domain/model.ts";
import { findCaller } from "../../store/caller-repository.ts";
import { listDeadlines, readSnapshot, type CampaignSnapshot } from "../../store/campaign-repository.ts";
import { listHomeAudience } from "../../store/home-repository.ts";
import { loadUnitWithItems } from "../../store/unit-repository.ts";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";

type WebClient = webApi.WebClient;

/** What every home of one refresh shares, read once however many people it goes to. */
interface SharedReads {
  deadlines(): Promise<DeadlineRecord[]>;
  snapshot(): Promise<CampaignSnapshot>;
}

function sharedReads(bot: BotContext): SharedReads {
  let deadlines: Promise<DeadlineRecord[]> | undefined;
  let snapshot: Promise<CampaignSnapshot> | undefined;
  return {
    deadlines: () => (deadlines ??= listDeadlines(bot.store.db)),
    snapshot: () => (snapshot ??= readSnapshot(bot.store.db)),
  };
}

export async function publishHome(client: WebClient, bot: BotContext, userId: string, shared = sharedReads(bot)): Promise<void> {
  const db = bot.store.db;
  const caller = await findCaller(db, userId, bot.config.COORDINATOR_USER_IDS);
  const units = [];
  for (const u of caller.units) {
    const loaded = await loadUnitWithItems(db, u.key);
    if (loaded) units.push(loaded);
  }
  const view = homeView({
    isCoordinator: caller.isCoordinator,
    units,
    deadlines: await shared.deadlines(),
    snapshot: caller.isCoordinator ? await shared.snapshot() : undefined,
    now: bot.clock(),
  });
  await client.views.publish({ user_id: userId, view });
}

/** After a change to a unit: its contacts and every coordinator. Failures are logged, never thrown. */
export async function refreshHomes(client: WebClient, bot: BotContext, unitKey: string | null, log: (e: unknown) => void): Promise<void> {
  const users = await listHomeAudience(bot.store.db, unitKey, bot.config.COORDINATOR_USER_IDS);
  const shared = sharedReads(bot);
  for (const userId of users) {
    try {
      await publishHome(client, bot, userId, shared);
    } catch (error) {
      log(error);
    }
  }
}
