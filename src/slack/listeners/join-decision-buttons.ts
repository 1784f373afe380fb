// 批准 / 拒绝 on a join request: coordinators only; the requester hears the outcome by DM.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { decideJoinRequest } from "../../app/join-unit.ts";
import { joinMessages as jm } from "../../messages/join-messages.ts";
import { message, section } from "../blocks/block-kit.ts";
import { JOIN_ACTION, joinDecidedMessage } from "../blocks/join-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";
import { slackUserName } from "./slack-user-name.ts";
import { tellPrivately } from "./tell-privately.ts";

export function register(app: App, bot: BotContext): void {
  for (const approve of [true, false]) {
    app.action<BlockAction>(approve ? JOIN_ACTION.approve : JOIN_ACTION.reject, async ({ ack, body, client, logger }) => {
      await ack();
      const action = body.actions[0] as ButtonAction;
      const decision = await decideJoinRequest(
        { db: bot.store.db, envCoordinators: bot.config.COORDINATOR_USER_IDS },
        { userId: body.user.id, requestId: Number(action.value), approve, now: bot.clock(), userName: (id) => slackUserName(client, id) },
      );
      const channel = body.channel?.id ?? body.container?.channel_id;
      if (decision.kind === "refused") {
        // NOTE: a forwarded button can be pressed by someone outside the channel; they hear it by DM.
        await tellPrivately(client, channel, body.user.id, message(decision.message, [section(decision.message)]));
        return;
      }
      const { request } = decision;
      if (request.channel && request.ts) {
        await client.chat.update({ channel: request.channel, ts: request.ts, ...joinDecidedMessage(request.userId, request.unitName, approve, body.user.id) });
      }
      // An approved contact gets the same welcome as one registered with assign.
      if (approve) scheduleFollowUps(bot, [{ kind: "welcome", userId: request.userId, unitKeys: [request.unitKey] }], (e) => logger.error(e));
      else await client.chat.postMessage({ channel: request.userId, ...message(jm.rejectedDm(request.unitName), [section(jm.rejectedDm(request.unitName))]) });
      await refreshHomes(client, bot, request.unitKey, (e) => logger.error(e));
    });
  }
}
