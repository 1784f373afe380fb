import type { webApi } from "@slack/bolt";

/** A Slack user's real name, or their id when Slack cannot tell. */
export async function slackUserName(client: webApi.WebClient, userId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.real_name || info.user?.name || userId;
  } catch {
    return userId;
  }
}
