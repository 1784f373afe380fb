// A reply only one person should see: ephemeral in the channel they acted in, or by DM when
// Slack will not show it there (the bot is not in that channel, or they are not).
import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "../blocks/slack-message.ts";

type WebClient = webApi.WebClient;

/** Slack's answers meaning "not in this channel"; a DM still reaches the person. */
const NOT_SHOWN_THERE = new Set(["not_in_channel", "user_not_in_channel", "channel_not_found", "is_archived"]);

function notShownThere(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" && NOT_SHOWN_THERE.has(code);
}

export async function tellPrivately(client: WebClient, channel: string | undefined, userId: string, reply: SlackMessage): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user: userId, ...reply });
      return;
    } catch (error) {
      if (!notShownThere(error)) throw error;
    }
  }
  await client.chat.postMessage({ channel: userId, ...reply });
}
