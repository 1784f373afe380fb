// 是，区电信接入 / 不是: the answer to 是否区电信接入？, recorded as `set provider local|other` would be.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { PROVIDER_ACTION } from "../blocks/provider-question-blocks.ts";
import { renderCommandResult } from "../blocks/command-reply-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { commandDeps } from "./click-context.ts";
import { postToResponseUrl } from "./item-feedback.ts";
import { tellPrivately } from "./tell-privately.ts";
import { runCommand } from "../../use-cases/run-command.ts";

export function register(app: Listeners, bot: BotContext): void {
  for (const [answer, actionId] of Object.entries(PROVIDER_ACTION)) {
    app.action<BlockAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const unitKey = (body.actions[0] as ButtonAction).value ?? "";
      const unit = await bot.store.reader.unit(unitKey);
      if (!unit) return;
      const deps = { ...commandDeps(bot), userName: async (id: string) => id };
      const result = await runCommand(deps, { userId: body.user.id, text: `${unit.name} set provider ${answer}`, now: bot.clock(), source: "button" });
      const reply = renderCommandResult(result);
      if (body.response_url) await postToResponseUrl(body.response_url, { response_type: "ephemeral", replace_original: false, ...reply });
      else await tellPrivately(client, body.channel?.id, body.user.id, reply);
    });
  }
}
