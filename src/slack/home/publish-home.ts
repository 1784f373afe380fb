// Publishes App Home for the people whose view a change touched.
import type { WebClient } from "@slack/web-api";
import { listHomeAudience } from "../../store/home-repository.ts";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";

export async function publishHome(client: WebClient, bot: BotContext, userId: string): Promise<void> {
  // NOTE: through the reader: a change refreshes several homes, and a coordinator's needs the
  // whole campaign; read through Prisma, that took the CPU from other people's acks.
  const reader = bot.store.reader;
  const caller = reader.caller(userId, bot.config.COORDINATOR_USER_IDS);
  const units = caller.units.flatMap((u) => reader.unitWithItems(u.key) ?? []);
  const view = homeView({
    isCoordinator: caller.isCoordinator,
    units,
    deadlines: reader.deadlines(),
    snapshot: caller.isCoordinator ? reader.snapshot() : undefined,
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
