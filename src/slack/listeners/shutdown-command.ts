// /shutdown: ack inside Slack's 3 seconds with the reply when it is ready, else follow up by response_url.
import type { Listeners } from "../listener-router.ts";
import type { CommandResult } from "../../use-cases/command-result.ts";
import { runCommand, type CommandDeps } from "../../use-cases/run-command.ts";
import { resultMessages as rm } from "../../messages/result-messages.ts";
import { renderCommandResult } from "../blocks/command-reply-blocks.ts";
import { section } from "../blocks/block-kit.ts";
import { message, type SlackMessage } from "../blocks/slack-message.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { checklistFormView } from "../blocks/checklist-form.ts";
import { joinRequestMessage } from "../blocks/join-blocks.ts";
import { typedText } from "../slash-text.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";
import { slackUserName } from "./slack-user-name.ts";

/** Replies still being worked on after this long are acked first and sent by response_url. */
const ACK_BUDGET_MS = 2_000;
/** A reply still not ready after this long is given up on, so that nobody is left with 正在处理. */
const REPLY_DEADLINE_MS = 25_000;

export function register(app: Listeners, bot: BotContext): void {
  app.command("/shutdown", async ({ command, ack, respond, client, logger }) => {
    const requestKey = `slash:${command.trigger_id || `${command.user_id}:${command.text}`}`;
    // One reader for the look and the command: PostgreSQL's versions come with the look (oneVersion).
    const reader = bot.store.reader.oneVersion();
    const replay = await reader.handledReply(requestKey);
    if (replay) {
      await ack({ response_type: "ephemeral", ...(JSON.parse(replay) as SlackMessage) });
      return;
    }
    const digestChannel = bot.config.DIGEST_CHANNEL_ID;
    const deps: CommandDeps = {
      db: bot.store.db,
      reader,
      envCoordinators: bot.config.COORDINATOR_USER_IDS,
      userName: (userId) => slackUserName(client, userId),
      outbox: bot.outbox,
      verifier: bot.verifier,
      notifyJoinRequest: digestChannel
        ? async (request) => {
            const posted = await client.chat.postMessage({ channel: digestChannel, ...joinRequestMessage(request) });
            return { channel: posted.channel!, ts: posted.ts! };
          }
        : undefined,
    };
    // NOTE: rendered once: the reply kept with the request's claim is the one the ack sends.
    const rendered = new WeakMap<CommandResult, SlackMessage>();
    const render = (result: CommandResult) => {
      let reply = rendered.get(result);
      if (!reply) rendered.set(result, (reply = renderCommandResult(result)));
      return reply;
    };
    const replyOf = (result: CommandResult) => JSON.stringify(render(result));
    // NOTE: decoded once, here: everything after sees (and stores) what the person typed.
    const text = typedText(command.text);
    let storeWait = () => {};
    const storeBusy = new Promise<undefined>((resolve) => (storeWait = () => resolve(undefined)));
    const input = { userId: command.user_id, text, now: bot.clock(), source: "slash" as const, requestKey, replyOf, onStoreBusy: storeWait };
    // NOTE: whatever goes wrong, the person gets a reply they can read, never Slack's bare error.
    // NOTE: when the store is not free at once (another process writing), ack 正在处理 now and
    // reply by response_url, so the ack never waits for the store.
    const work = runCommand(deps, input).then(
      async (result) => {
        if (result.kind === "form") {
          const metadata = { unitKey: result.unit.key, channel: command.channel_id };
          await client.views.open({ trigger_id: command.trigger_id, view: checklistFormView(result.unit, result.items, metadata) });
        }
        const touched = result.kind === "reported" ? result.unit.key : result.kind === "done" ? (result.unitKey ?? null) : undefined;
        // NOTE: App Home refreshes (rounds start on a later turn) and follow-up messages go after the ack, never delaying the reply.
        if (touched !== undefined) void refreshHomes(client, bot, touched, (e) => logger.error(e));
        scheduleFollowUps(bot, result.followUps, (e) => logger.error(e));
        return render(result);
      },
    ).catch((error: unknown) => {
      logger.error("/shutdown failed", error);
      return message(rm.failed, [section(`⚠️ ${rm.failed}`)]);
    });
    const inTime = await Promise.race([work, delay(ACK_BUDGET_MS), storeBusy]);
    if (inTime) {
      await ack({ response_type: "ephemeral", ...inTime });
      return;
    }
    await ack({ response_type: "ephemeral", text: rm.working });
    let reply = await Promise.race([work, delay(REPLY_DEADLINE_MS)]);
    if (!reply) {
      logger.error(`/shutdown from ${command.user_id}: no reply after ${REPLY_DEADLINE_MS} ms; told the person it may not be saved`);
      reply = message(rm.timedOut, [section(`⚠️ ${rm.timedOut}`)]);
    }
    const send = () => respond({ response_type: "ephemeral", replace_original: true, ...reply });
    try {
      await send().catch((error: unknown) => {
        // NOTE: a kept-alive connection the server closed just then: the post never arrived. Once
        // more on a fresh connection; replace_original makes a second arrival harmless.
        if (!isConnectionReset(error)) throw error;
        return send();
      });
    } catch (error) {
      logger.error("/shutdown reply by response_url failed", error);
    }
  });
}

function isConnectionReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE";
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
