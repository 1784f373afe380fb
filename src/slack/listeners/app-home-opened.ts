// App Home: published fresh each time someone opens it.
import type { Listeners } from "../listener-router.ts";
import type { BotContext } from "../bot-context.ts";
import { publishHome } from "../home/publish-home.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.event("app_home_opened", async ({ event, client, logger }) => {
    if (event.tab !== "home") return;
    try {
      await publishHome(client, bot, event.user);
    } catch (error) {
      logger.error("publishing App Home failed", error);
    }
  });
}
