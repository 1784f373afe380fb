// /shutdown: ack inside Slack's 3 seconds with the reply when it is ready, else follow up by response_url.
import type { App } from "@slack/bolt";
import type { CommandResult } from "../../app/command-result.ts";
import { runCommand, type CommandDeps } from "../../app/run-command.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { renderCommandResult } from "../blocks/command-reply-blocks.ts";
import { message, section, type SlackMessage } from "../blocks/block-kit.ts";
import type { BotContext } from "../bot-context.ts";

/** Replies still being worked on after this long are acked first and sent by response_url. */
const ACK_BUDGET_MS = 2_000;

export function register(app: App, bot: BotContext): void {
  app.command("/shutdown", async ({ command, ack, respond, client, logger }) => {
    const requestKey = `slash:${command.trigger_id || `${command.user_id}:${command.text}`}`;
    const replay = bot.store.reader.handledReply(requestKey);
    if (replay) {
      await ack({ response_type: "ephemeral", ...(JSON.parse(replay) as SlackMessage) });
      return;
    }
    const deps: CommandDeps = {
      db: bot.store.db,
      reader: bot.store.reader,
      envCoordinators: bot.config.COORDINATOR_USER_IDS,
      userName: async (userId) => {
        try {
          const info = await client.users.info({ user: userId });
          return info.user?.real_name || info.user?.name || userId;
        } catch {
          return userId;
        }
      },
    };
    const replyOf = (result: CommandResult) => JSON.stringify(renderCommandResult(result));
    // NOTE: whatever goes wrong, the person gets a reply they can read, never Slack's bare error.
    const work = runCommand(deps, { userId: command.user_id, text: command.text, now: bot.clock(), source: "slash", requestKey, replyOf }).then(
      renderCommandResult,
      (error: unknown) => {
        logger.error("/shutdown failed", error);
        return message(rm.failed, [section(`⚠️ ${rm.failed}`)]);
      },
    );
    const inTime = await Promise.race([work, delay(ACK_BUDGET_MS)]);
    if (inTime) {
      await ack({ response_type: "ephemeral", ...inTime });
      return;
    }
    await ack({ response_type: "ephemeral", text: rm.working });
    try {
      await respond({ response_type: "ephemeral", replace_original: true, ...(await work) });
    } catch (error) {
      logger.error("/shutdown reply by response_url failed", error);
    }
  });
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
