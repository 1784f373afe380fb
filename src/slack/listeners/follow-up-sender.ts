// Follow-up messages of a change (welcome, moved deadline, 🎉) go out after the reply.
import type { FollowUp } from "../../domain/follow-up.ts";
import type { BotContext } from "../bot-context.ts";

export function scheduleFollowUps(bot: BotContext, followUps: readonly FollowUp[] | undefined, log: (error: unknown) => void): void {
  const sendFollowUps = bot.sendFollowUps;
  if (!sendFollowUps || !followUps || followUps.length === 0) return;
  const now = bot.clock();
  const send = () => sendFollowUps(followUps, now);
  if (bot.background) bot.background.later(send, log);
  else setImmediate(() => void send().catch(log));
}
