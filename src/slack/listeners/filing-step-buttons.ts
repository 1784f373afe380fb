// 已受理 / 已提交管局 / 完成 in `/shutdown forms`: a coordinator records the center's step of a
// filing, and the list is redrawn in place with it.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { FILING_STEP_ACTION, filingListMessage, readFilingStepValue } from "../blocks/filing-list-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin, commandDeps } from "./click-context.ts";
import { showItemResult, type FeedbackContext } from "./item-feedback.ts";
import { reportItemByKey } from "../../use-cases/report-item.ts";
import { listFilingRows } from "../../use-cases/commands/list-filings.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(new RegExp(`^${FILING_STEP_ACTION}:`), async ({ ack, body, client, logger }) => {
    await ack();
    const action = body.actions[0] as ButtonAction;
    const target = readFilingStepValue(action.value ?? "");
    if (!target) return;
    const { origin } = clickOrigin(body);
    const deps = commandDeps(bot);
    const now = bot.clock();
    const feedback: FeedbackContext = {
      client,
      bot,
      userId: body.user.id,
      origin: { ...origin, itemKey: target.itemKey },
      // NOTE: the list stays, with the step just recorded and the buttons still ahead.
      redraw: async (reply) => filingListMessage(await listFilingRows(deps), now, reply),
      log: (e: unknown) => logger.error(e),
    };
    const result = await reportItemByKey(deps, {
      userId: body.user.id,
      itemKey: target.itemKey,
      state: "doing",
      step: target.step,
      now,
      source: "button",
    });
    await showItemResult(feedback, result);
  });
}
