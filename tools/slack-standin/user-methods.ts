// auth.test and users.info.
import { fail, present, type MethodHandler } from "./method-context.ts";
import type { StandinUser } from "./types.ts";
import type { WorkspaceState } from "./workspace-state.ts";

export const DEFAULT_TZ = "Asia/Tokyo";

const authTest: MethodHandler = (_args, { state }) => {
  const id = state.identity;
  return {
    status: 200,
    body: {
      ok: true,
      url: `https://${id.teamDomain}.slack.com/`,
      team: id.teamDomain,
      user: id.botName,
      team_id: id.teamId,
      user_id: id.botUserId,
      bot_id: id.botId,
      is_enterprise_install: false,
    },
  };
};

function zonePart(tz: string, at: Date, style: "longOffset" | "long"): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: style }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
}

/** Seconds east of UTC, as Slack's tz_offset. */
function tzOffsetSeconds(tz: string, at: Date): number {
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(zonePart(tz, at, "longOffset"));
  if (!m) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60;
  return m[1] === "-" ? -seconds : seconds;
}

export function userJson(u: StandinUser, state: WorkspaceState): Record<string, unknown> {
  const tz = u.tz ?? DEFAULT_TZ;
  const realName = u.realName ?? u.name;
  const now = state.now();
  return {
    id: u.id,
    team_id: state.identity.teamId,
    name: u.name,
    deleted: false,
    real_name: realName,
    tz,
    tz_label: zonePart(tz, now, "long"),
    tz_offset: tzOffsetSeconds(tz, now),
    is_admin: false,
    is_owner: false,
    is_bot: false,
    is_app_user: false,
    updated: Math.floor(now.getTime() / 1000),
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: u.name,
      display_name_normalized: u.name,
      team: state.identity.teamId,
    },
  };
}

function botUserJson(state: WorkspaceState): Record<string, unknown> {
  const id = state.identity;
  return {
    id: id.botUserId,
    team_id: id.teamId,
    name: id.botName,
    deleted: false,
    real_name: id.botName,
    is_bot: true,
    is_app_user: false,
    updated: Math.floor(state.now().getTime() / 1000),
    profile: { real_name: id.botName, display_name: "", bot_id: id.botId, api_app_id: id.appId, team: id.teamId },
  };
}

const usersInfo: MethodHandler = (args, { state }) => {
  const id = present(args.user);
  if (id === state.identity.botUserId) return { status: 200, body: { ok: true, user: botUserJson(state) } };
  const user = id === undefined ? undefined : state.users.get(id);
  if (!user) return fail("user_not_found");
  return { status: 200, body: { ok: true, user: userJson(user, state) } };
};

export const userMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "users.info": usersInfo,
};
