// Publishes App Home for the people whose view a change touched.
import type { webApi } from "@slack/bolt";
import { listHomeAudience } from "../../store/home-repository.ts";
import type { BotContext } from "../bot-context.ts";
import { homeView } from "./home-view.ts";

type WebClient = webApi.WebClient;

export async function publishHome(client: WebClient, bot: BotContext, userId: string): Promise<void> {
  // NOTE: through the reader, which keeps what it read until the next commit: every home of one
  // refresh shares one read of the campaign, and none of it costs Prisma calls that would take
  // the CPU from other people's acks.
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
