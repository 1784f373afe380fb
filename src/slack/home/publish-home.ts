// Publishes App Home for the people whose view a change touched.
import type { WebClient } from "@slack/web-api";
import { findCaller } from "../../store/caller-repository.ts";
import { listDeadlines, readSnapshot } from "../../store/campaign-repository.ts";
import { loadUnitWithItems } from "../../store/unit-repository.ts";
import { listHomeAudience } from "../../store/home-repository.ts";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";

export async function publishHome(client: WebClient, bot: BotContext, userId: string): Promise<void> {
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
    deadlines: await listDeadlines(db),
    snapshot: caller.isCoordinator ? await readSnapshot(db) : undefined,
    now: bot.clock(),
  });
  await client.views.publish({ user_id: userId, view });
}

/** After a change to a unit: its contacts and every coordinator. Failures are logged, never thrown. */
export async function refreshHomes(client: WebClient, bot: BotContext, unitKey: string | null, log: (e: unknown) => void): Promise<void> {
  const users = await listHomeAudience(bot.store.db, unitKey, bot.config.COORDINATOR_USER_IDS);
  for (const userId of users) {
    try {
      await publishHome(client, bot, userId);
    } catch (error) {
      log(error);
    }
  }
}
