// conversations.open, conversations.history, conversations.replies.
import { bool, fail, int, invalidArguments, present, type ApiArgs, type MethodHandler } from "./method-context.ts";
import { compareTs, isTs } from "./slack-ids.ts";
import { messageJson } from "./stored-blocks.ts";
import type { StoredMessage } from "./types.ts";
import type { WorkspaceState } from "./workspace-state.ts";

const open: MethodHandler = (args, { state }) => {
  const raw = present(args.users);
  if (raw === undefined) {
    const channelId = present(args.channel);
    const existing = channelId === undefined ? undefined : state.channels.get(channelId);
    if (existing?.dmUser) return { status: 200, body: { ok: true, no_op: true, already_open: true, channel: { id: existing.id } } };
    return channelId === undefined ? fail("users_list_not_supplied") : fail("channel_not_found");
  }
  const ids = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.length > 8) return fail("too_many_users");
  if (ids.length !== 1) return invalidArguments(["the stand-in opens a DM with exactly one user"]);
  const userId = ids[0] as string;
  if (!state.users.has(userId)) return fail("user_not_found");
  const alreadyOpen = state.hasDmWith(userId);
  const id = state.dmChannelOf(userId);
  const channel: Record<string, unknown> = bool(args.return_im)
    ? { id, created: Math.floor(state.now().getTime() / 1000), is_im: true, is_org_shared: false, user: userId, is_user_deleted: false, priority: 0 }
    : { id };
  return {
    status: 200,
    body: alreadyOpen ? { ok: true, no_op: true, already_open: true, channel } : { ok: true, channel },
  };
};

const CURSOR_PREFIX = "next_ts:";

function encodeCursor(ts: string): string {
  return Buffer.from(CURSOR_PREFIX + ts).toString("base64");
}

function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, "base64").toString("utf8");
  if (!decoded.startsWith(CURSOR_PREFIX)) return undefined;
  const ts = decoded.slice(CURSOR_PREFIX.length);
  return isTs(ts) ? ts : undefined;
}

interface Page {
  messages: StoredMessage[];
  hasMore: boolean;
  nextCursor: string;
}

/** Pages through `ordered` (already in answer order) the way Slack's cursors do. */
function paginate(ordered: StoredMessage[], args: ApiArgs, newestFirst: boolean): Page | "invalid_cursor" {
  const limit = Math.min(Math.max(int(args.limit) ?? 100, 1), 999);
  let list = ordered;
  const cursor = present(args.cursor);
  if (cursor !== undefined) {
    const from = decodeCursor(cursor);
    if (from === undefined) return "invalid_cursor";
    list = list.filter((m) => (newestFirst ? compareTs(m.ts, from) <= 0 : compareTs(m.ts, from) >= 0));
  }
  const page = list.slice(0, limit);
  const next = list[limit];
  return { messages: page, hasMore: next !== undefined, nextCursor: next ? encodeCursor(next.ts) : "" };
}

function inRange(m: StoredMessage, args: ApiArgs): boolean {
  const inclusive = bool(args.inclusive);
  const oldest = present(args.oldest);
  const latest = present(args.latest);
  if (oldest !== undefined && isTs(oldest)) {
    const c = compareTs(m.ts, oldest);
    if (c < 0 || (c === 0 && !inclusive)) return false;
  }
  if (latest !== undefined && isTs(latest)) {
    const c = compareTs(m.ts, latest);
    if (c > 0 || (c === 0 && !inclusive)) return false;
  }
  return true;
}

function channelOf(args: ApiArgs, state: WorkspaceState) {
  const id = present(args.channel);
  return id === undefined ? undefined : state.channels.get(id);
}

const history: MethodHandler = (args, { state }) => {
  const channel = channelOf(args, state);
  if (!channel) return fail("channel_not_found");
  // Thread replies stay in their thread; only parents and plain messages show here.
  const topLevel = state
    .messagesOf(channel.id)
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
    .filter((m) => inRange(m, args))
    .sort((a, b) => compareTs(b.ts, a.ts));
  const page = paginate(topLevel, args, true);
  if (page === "invalid_cursor") return fail("invalid_cursor");
  return {
    status: 200,
    body: {
      ok: true,
      messages: page.messages.map((m) => messageJson(m, state)),
      has_more: page.hasMore,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      response_metadata: { next_cursor: page.nextCursor },
    },
  };
};

const replies: MethodHandler = (args, { state }) => {
  const channel = channelOf(args, state);
  if (!channel) return fail("channel_not_found");
  const ts = present(args.ts);
  const parent = ts !== undefined && isTs(ts) ? state.findMessage(channel.id, ts) : undefined;
  if (!parent) return fail("thread_not_found");
  const thread = state
    .messagesOf(channel.id)
    .filter((m) => m === parent || m.thread_ts === parent.ts)
    .filter((m) => m === parent || inRange(m, args))
    .sort((a, b) => compareTs(a.ts, b.ts));
  const page = paginate(thread, args, false);
  if (page === "invalid_cursor") return fail("invalid_cursor");
  return {
    status: 200,
    body: {
      ok: true,
      messages: page.messages.map((m) => messageJson(m, state)),
      has_more: page.hasMore,
      response_metadata: { next_cursor: page.nextCursor },
    },
  };
};

export const conversationMethods: Record<string, MethodHandler> = {
  "conversations.open": open,
  "conversations.history": history,
  "conversations.replies": replies,
};
