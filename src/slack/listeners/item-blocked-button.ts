// 遇到问题: asks for the reason in a modal; the submission records it.
import type { BlockAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { ITEM_ACTION } from "../blocks/item-buttons.ts";
import { reasonModal } from "../blocks/item-modals.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin, commandDeps } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";
import { loadItemForCaller } from "../../use-cases/report-item.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(ITEM_ACTION.blocked, async ({ ack, body, client, logger }) => {
    await ack();
    const { origin, blocks } = clickOrigin(body);
    const target = await loadItemForCaller(commandDeps(bot), body.user.id, origin.itemKey);
    if (target.kind === "refused") {
      return showItemResult({ client, bot, userId: body.user.id, origin, blocks, log: (e) => logger.error(e) }, target.result);
    }
    await client.views.open({ trigger_id: body.trigger_id, view: reasonModal(target.item, target.unitName, origin) });
  });
}
