// /shutdown: ack inside Slack's 3 seconds with the reply when it is ready, else follow up by response_url.
import type { App } from "@slack/bolt";
import { runCommand, type CommandDeps } from "../../app/run-command.ts";
import { findHandledReply, saveHandledReply } from "../../store/request-repository.ts";
import { renderCommandResult } from "../blocks/command-reply-blocks.ts";
import type { SlackMessage } from "../blocks/block-kit.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { checklistFormView } from "../blocks/checklist-form.ts";
import { joinRequestMessage } from "../blocks/join-blocks.ts";
import { slackUserName } from "./slack-user-name.ts";

/** Replies still being worked on after this long are acked first and sent by response_url. */
const ACK_BUDGET_MS = 2_000;
const WORKING = "正在处理，请稍候…";

export function register(app: App, bot: BotContext): void {
  app.command("/shutdown", async ({ command, ack, respond, client, logger }) => {
    const requestKey = `slash:${command.trigger_id || `${command.user_id}:${command.text}`}`;
    const replay = await findHandledReply(bot.store.db, requestKey);
    if (replay) {
      await ack({ response_type: "ephemeral", ...(JSON.parse(replay) as SlackMessage) });
      return;
    }
    const digestChannel = bot.config.DIGEST_CHANNEL_ID;
    const deps: CommandDeps = {
      db: bot.store.db,
      envCoordinators: bot.config.COORDINATOR_USER_IDS,
      userName: (userId) => slackUserName(client, userId),
      outgoing: bot.outgoing,
      notifyJoinRequest: digestChannel
        ? async (request) => {
            const posted = await client.chat.postMessage({ channel: digestChannel, ...joinRequestMessage(request) });
            return { channel: posted.channel!, ts: posted.ts! };
          }
        : undefined,
    };
    const work = runCommand(deps, { userId: command.user_id, text: command.text, now: bot.clock(), source: "slash", requestKey })
      .then(async (result) => {
        if (result.kind === "form") {
          const metadata = { unitKey: result.unit.key, channel: command.channel_id };
          await client.views.open({ trigger_id: command.trigger_id, view: checklistFormView(result.unit, result.items, metadata) });
        }
        const reply = renderCommandResult(result);
        if (result.kind !== "error") await saveHandledReply(bot.store.db, requestKey, JSON.stringify(reply));
        const touched = result.kind === "reported" ? result.unit.key : result.kind === "done" ? (result.unitKey ?? null) : undefined;
        // NOTE: App Home refreshes after the ack, never delaying the reply.
        if (touched !== undefined) setImmediate(() => void refreshHomes(client, bot, touched, (e) => logger.error(e)));
        return reply;
      });
    const inTime = await Promise.race([work, delay(ACK_BUDGET_MS)]);
    if (inTime) {
      await ack({ response_type: "ephemeral", ...inTime });
      return;
    }
    await ack({ response_type: "ephemeral", text: WORKING });
    try {
      await respond({ response_type: "ephemeral", replace_original: true, ...(await work) });
    } catch (error) {
      logger.error("slash command failed after ack", error);
      await respond({ response_type: "ephemeral", replace_original: true, text: "处理失败，请稍后再试；若一直失败请联系协调员。" });
    }
  });
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
