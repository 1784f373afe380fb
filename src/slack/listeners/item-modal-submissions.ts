// Submissions of the reason and domain-method modals opened by item buttons.
import type { Listeners } from "../listener-router.ts";
import { z } from "zod";
import { reportItemByKey } from "../../use-cases/report-item.ts";
import type { ItemState } from "../../domain/model/tasks.ts";
import { MODAL_TEXT } from "../../messages/button-messages.ts";
import { DOMAIN_METHOD_CALLBACK, REASON_CALLBACK, type ClickOrigin } from "../blocks/item-modals.ts";
import type { BotContext } from "../bot-context.ts";
import { commandDeps } from "./click-context.ts";
import { showItemResult } from "./item-feedback.ts";

const OriginSchema = z.object({
  itemKey: z.string(),
  responseUrl: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  ephemeral: z.boolean().optional(),
  home: z.boolean().optional(),
}) satisfies z.ZodType<ClickOrigin>;

/** A modal's submission is answered in the ack, within Slack's 3 s: a busy store is waited for less. */
export const MODAL_STORE_WAIT_MS = 1_500;

type ViewState = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function register(app: Listeners, bot: BotContext): void {
  app.view(REASON_CALLBACK, async ({ ack, body, view, client, logger }) => {
    const state = view.state.values as ViewState;
    const reason = (state.reason?.value?.value ?? "").trim();
    if (!reason) {
      await ack({ response_action: "errors", errors: { reason: MODAL_TEXT.reasonRequired } });
      return;
    }
    const { origin, result } = await apply(bot, body.user.id, view.private_metadata, "blocked", reason);
    if (result.kind === "error") {
      await ack({ response_action: "errors", errors: { reason: result.message } });
      return;
    }
    await ack();
    await showItemResult({ client, bot, userId: body.user.id, origin, log: (e) => logger.error(e) }, result);
  });

  app.view(DOMAIN_METHOD_CALLBACK, async ({ ack, body, view, client, logger }) => {
    const state = view.state.values as ViewState;
    const method = z.enum(["cancelled", "dns_removed"]).safeParse(state.method?.value?.selected_option?.value);
    if (!method.success) {
      await ack({ response_action: "errors", errors: { method: MODAL_TEXT.domainMethodLabel } });
      return;
    }
    const note = (state.note?.value?.value ?? "").trim() || undefined;
    const { origin, result } = await apply(bot, body.user.id, view.private_metadata, "done", note, method.data);
    if (result.kind === "error") {
      await ack({ response_action: "errors", errors: { method: result.message } });
      return;
    }
    await ack();
    await showItemResult({ client, bot, userId: body.user.id, origin, log: (e) => logger.error(e) }, result);
  });
}

async function apply(bot: BotContext, userId: string, metadata: string, state: ItemState, note?: string, method?: "cancelled" | "dns_removed") {
  const origin = OriginSchema.parse(JSON.parse(metadata));
  const result = await reportItemByKey(commandDeps(bot), { userId, itemKey: origin.itemKey, state, note, method, now: bot.clock(), source: "modal", storeWaitMs: MODAL_STORE_WAIT_MS });
  return { origin, result };
}
