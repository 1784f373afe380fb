// Follow-up messages of a change (welcome, moved deadline, 🎉) go out after the reply.
import type { FollowUp } from "../../app/command-result.ts";
import { sendFollowUps } from "../../app/follow-ups.ts";
import type { BotContext } from "../bot-context.ts";

export function scheduleFollowUps(bot: BotContext, followUps: readonly FollowUp[] | undefined, log: (error: unknown) => void): void {
  const outgoing = bot.outgoing;
  if (!outgoing || !followUps || followUps.length === 0) return;
  const now = bot.clock();
  // NOTE: read through the command reader: the follow-up goes out right after the reply.
  const send = () => sendFollowUps(outgoing, followUps, now, () => bot.store.reader.snapshot());
  if (bot.background) bot.background.later(send, log);
  else setImmediate(() => void send().catch(log));
}
