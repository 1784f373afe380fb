// 打开清单 on a unit's block (a contact of several units): opens that unit's checklist form.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { ErrorCode } from "../../domain/error-codes.ts";
import { BUTTON_REPLY } from "../../messages/button-messages.ts";
import { checklistFormView } from "../blocks/checklist-form.ts";
import { UNIT_ACTION } from "../blocks/unit-summary-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { clickOrigin } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";

export function register(app: Listeners, bot: BotContext): void {
  app.action<BlockAction>(UNIT_ACTION.openChecklist, async ({ ack, body, client, logger }) => {
    await ack();
    const unitKey = (body.actions[0] as ButtonAction).value ?? "";
    const reader = bot.store.reader;
    const [caller, loaded] = await Promise.all([reader.caller(body.user.id, bot.config.COORDINATOR_USER_IDS), reader.unitWithItems(unitKey)]);
    if (!loaded || !(caller.isCoordinator || caller.units.some((u) => u.key === unitKey))) {
      const { origin, blocks } = clickOrigin(body);
      const refusal = { kind: "error" as const, code: ErrorCode.NotYourUnit, message: BUTTON_REPLY.notAllowedHere };
      return showItemResult({ client, bot, userId: body.user.id, origin, blocks, log: (e) => logger.error(e) }, refusal);
    }
    const channel = body.channel?.id ?? body.container?.channel_id;
    // NOTE: a message that can be updated (not ephemeral, not App Home) gets its unit line redone on save.
    const ts = body.container?.type === "message" && !body.container.is_ephemeral ? (body.message?.ts ?? body.container.message_ts) : undefined;
    const metadata = { unitKey, ...(channel && { channel }), ...(ts && { ts }) };
    await client.views.open({ trigger_id: body.trigger_id, view: checklistFormView(loaded.unit, loaded.items, metadata) });
  });
}
