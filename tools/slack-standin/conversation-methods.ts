// conversations.open, conversations.history, conversations.replies.
import { bool, fail, int, invalidArguments, present, type ApiArgs, type ApiReply, type MethodHandler } from "./method-context.ts";
import { historyScopeFor, missingScope } from "./method-scopes.ts";
import { compareTs, isTs } from "./slack-ids.ts";
import { messageJson } from "./stored-blocks.ts";
import type { StoredMessage } from "./types.ts";
import type { ChannelRecord, WorkspaceState } from "./workspace-state.ts";

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
  // A DM takes im:write (conversations.open, "Scopes"); the others open other kinds of conversation.
  if (!state.identity.scopes.has("im:write")) return missingScope(["im:write"], state.identity.scopes);
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

/**
 * The conversation to read, or Slack's refusal: channel_not_found; missing_scope without the
 * history scope of its kind; not_in_channel when the bot is not in it ("The token used does not
 * have access to the proper channel. Only user tokens can access public channels they are not
 * in.", conversations.history "Errors").
 */
function readable(args: ApiArgs, state: WorkspaceState): ChannelRecord | ApiReply {
  const id = present(args.channel);
  const channel = id === undefined ? undefined : state.channels.get(id);
  if (!channel) return fail("channel_not_found");
  const scope = historyScopeFor(channel);
  if (!state.identity.scopes.has(scope)) return missingScope([scope], state.identity.scopes);
  if (!state.botIsMember(channel.id)) return fail("not_in_channel");
  return channel;
}

const isReplyTo = (v: ChannelRecord | ApiReply): v is ApiReply => "status" in v;

/** include_all_metadata=true (a form or JSON boolean): without it Slack leaves message metadata out. */
const asksForMetadata = (args: Record<string, unknown>) => args.include_all_metadata === true || args.include_all_metadata === "true" || args.include_all_metadata === "1";

const history: MethodHandler = (args, { state }) => {
  const channel = readable(args, state);
  if (isReplyTo(channel)) return channel;
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
      messages: page.messages.map((m) => messageJson(m, state, { metadata: asksForMetadata(args) })),
      has_more: page.hasMore,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      response_metadata: { next_cursor: page.nextCursor },
    },
  };
};

const replies: MethodHandler = (args, { state }) => {
  const channel = readable(args, state);
  if (isReplyTo(channel)) return channel;
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
      messages: page.messages.map((m) => messageJson(m, state, { metadata: asksForMetadata(args) })),
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
