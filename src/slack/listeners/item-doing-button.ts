// 进行中: applied at once.
import type { BlockAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { reportItemByKey } from "../../use-cases/report-item.ts";
import { ITEM_ACTION } from "../blocks/item-buttons.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin, commandDeps } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(ITEM_ACTION.doing, async ({ ack, body, client, logger }) => {
    await ack();
    const { origin, blocks } = clickOrigin(body);
    const result = await reportItemByKey(commandDeps(bot), {
      userId: body.user.id,
      itemKey: origin.itemKey,
      state: "doing",
      now: bot.clock(),
      source: "button",
    });
    await showItemResult({ client, bot, userId: body.user.id, origin, blocks, log: (e) => logger.error(e) }, result);
  });
}
