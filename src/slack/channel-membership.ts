// Whether the bot can post in and read the coordinators' channel: a one-message history read,
// which needs no scope beyond those the bot has and fails with not_in_channel when it is not a member.
import type { WebClient } from "@slack/web-api";
import { classifySlackError } from "./slack-errors.ts";

export type ChannelState = "member" | "not_member" | "not_found" | "unreachable" | "unset";

export interface ChannelCheck {
  id: string | null;
  state: ChannelState;
  checkedAt: Date;
  /** Slack's error code when the check failed. */
  error?: string;
}

export async function checkChannelMembership(client: WebClient, channelId: string | undefined, now: Date): Promise<ChannelCheck> {
  if (!channelId) return { id: null, state: "unset", checkedAt: now };
  try {
    await client.conversations.history({ channel: channelId, limit: 1 });
    return { id: channelId, state: "member", checkedAt: now };
  } catch (error) {
    const failure = classifySlackError(error);
    const state: ChannelState =
      failure.code === "not_in_channel" ? "not_member" : failure.code === "channel_not_found" ? "not_found" : "unreachable";
    return { id: channelId, state, checkedAt: now, error: failure.code };
  }
}
