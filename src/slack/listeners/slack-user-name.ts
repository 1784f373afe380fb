import type { webApi } from "@slack/bolt";
import { NAME_MAX_LENGTH } from "../../domain/text-limits.ts";
import { clipPlain } from "../../messages/mrkdwn.ts";

/** A Slack user's real name (as long as a name may be), or their id when Slack cannot tell. */
export async function slackUserName(client: webApi.WebClient, userId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    return clipPlain(info.user?.real_name || info.user?.name || userId, NAME_MAX_LENGTH);
  } catch {
    return userId;
  }
}
