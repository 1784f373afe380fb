// 完成: applied at once, except a domain item, which first asks how the domain was taken down.
import type { BlockAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { ITEM_ACTION } from "../blocks/item-buttons.ts";
import { domainMethodModal } from "../blocks/item-modals.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin, commandDeps } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";
import { loadItemForCaller, reportItemByKey } from "../../use-cases/report-item.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(ITEM_ACTION.done, async ({ ack, body, client, logger }) => {
    await ack();
    const { origin, blocks } = clickOrigin(body);
    const feedback = { client, bot, userId: body.user.id, origin, blocks, log: (e: unknown) => logger.error(e) };
    const target = await loadItemForCaller(commandDeps(bot), body.user.id, origin.itemKey);
    if (target.kind === "refused") return showItemResult(feedback, target.result);
    if (target.item.task === "domain") {
      await client.views.open({ trigger_id: body.trigger_id, view: domainMethodModal(target.item, target.unitName, origin) });
      return;
    }
    const result = await reportItemByKey(commandDeps(bot), {
      userId: body.user.id,
      itemKey: origin.itemKey,
      state: "done",
      now: bot.clock(),
      source: "button",
    });
    await showItemResult(feedback, result);
  });
}
