// 已受理 / 已提交管局 / 完成 in `/shutdown forms`: a coordinator records the center's step of a filing.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { FILING_STEP_ACTION, readFilingStepValue } from "../blocks/filing-list-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin, commandDeps } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";
import { reportItemByKey } from "../../use-cases/report-item.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(new RegExp(`^${FILING_STEP_ACTION}:`), async ({ ack, body, client, logger }) => {
    await ack();
    const action = body.actions[0] as ButtonAction;
    const target = readFilingStepValue(action.value ?? "");
    if (!target) return;
    const { origin } = clickOrigin(body);
    const feedback = { client, bot, userId: body.user.id, origin: { ...origin, itemKey: target.itemKey }, log: (e: unknown) => logger.error(e) };
    const result = await reportItemByKey(commandDeps(bot), {
      userId: body.user.id,
      itemKey: target.itemKey,
      state: "doing",
      step: target.step,
      now: bot.clock(),
      source: "button",
    });
    await showItemResult(feedback, result);
  });
}
