// What every item button needs from Slack's block_actions payload.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { CommandDeps } from "../../use-cases/run-command.ts";
import type { KnownBlock } from "../blocks/block-kit.ts";
import type { ClickOrigin } from "../blocks/item-modals.ts";
import type { BotContext } from "../bot-context.ts";

export function clickOrigin(body: BlockAction): { origin: ClickOrigin; blocks?: KnownBlock[] } {
  const action = body.actions[0] as ButtonAction;
  const itemKey = action.value ?? "";
  if (body.container?.type === "view") return { origin: { itemKey, home: true } };
  return {
    origin: {
      itemKey,
      responseUrl: body.response_url,
      channel: body.channel?.id ?? body.container?.channel_id,
      ts: body.message?.ts ?? body.container?.message_ts,
      ephemeral: Boolean(body.container?.is_ephemeral),
    },
    blocks: body.message?.blocks as KnownBlock[] | undefined,
  };
}

export function commandDeps(bot: BotContext): Pick<CommandDeps, "db" | "reader" | "envCoordinators"> {
  return { db: bot.store.db, reader: bot.store.reader, envCoordinators: bot.config.COORDINATOR_USER_IDS };
}
