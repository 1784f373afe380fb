// 批准 / 拒绝 on a join request: coordinators only; the requester hears the outcome by DM.
import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { decideJoinRequest } from "../../use-cases/join-unit.ts";
import { section } from "../blocks/block-kit.ts";
import { message } from "../blocks/slack-message.ts";
import { JOIN_ACTION, joinDecidedMessage } from "../blocks/join-blocks.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";
import type { FollowUp } from "../../domain/follow-up.ts";
import { slackUserName } from "./slack-user-name.ts";
import { tellPrivately } from "./tell-privately.ts";

export function register(app: Listeners, bot: BotContext): void {
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
      const followUp: FollowUp = approve
        ? { kind: "welcome", userId: request.userId, unitKeys: [request.unitKey] }
        : { kind: "join-rejected", userId: request.userId, unitName: request.unitName, requestId: request.id };
      scheduleFollowUps(bot, [followUp], (e) => logger.error(e));
      await refreshHomes(client, bot, request.unitKey, (e) => logger.error(e));
    });
  }
}
