// Default identity of the fake workspace, shared by the server and the "act as Slack" helpers
// so a slash command's team and app ids match what auth.test reports.
export const DEFAULT_BOT_TOKEN = "xoxb-standin";
export const DEFAULT_BOT_USER_ID = "U0STANDINBOT";
export const STANDIN_BOT_ID = "B0STANDINBOT";
export const STANDIN_BOT_NAME = "standin-bot";
export const DEFAULT_TEAM_ID = "T0STANDIN";
export const DEFAULT_TEAM_DOMAIN = "standin";
export const STANDIN_APP_ID = "A0STANDINAPP";
/** #general: everyone in the workspace is in it; the bot only once invited, as on Slack. */
export const DEFAULT_CHANNELS = [{ id: "C0GENERAL", name: "general", isGeneral: true }];
