// chat.postMessage, chat.update, chat.postEphemeral, chat.getPermalink.
import { isReply, readMessageContent, withWarnings } from "./message-content.ts";
import { fail, invalidArguments, present, ratelimited, type MethodHandler } from "./method-context.ts";
import { isTs, permalinkPart } from "./slack-ids.ts";
import { messageJson, withGeneratedIds } from "./stored-blocks.ts";
import type { ChannelRecord, WorkspaceState } from "./workspace-state.ts";

/**
 * The bot posts only where it is a member (chat.postMessage, "Errors": not_in_channel, "Cannot
 * post user messages to a channel they are not in"), unless chat:write.public lets it into
 * public channels (https://docs.slack.dev/reference/scopes/chat.write.public).
 */
function mayPostIn(state: WorkspaceState, channel: ChannelRecord): boolean {
  if (state.botIsMember(channel.id)) return true;
  return !channel.isPrivate && !channel.dmUser && state.identity.scopes.has("chat:write.public");
}

const postMessage: MethodHandler = (args, { state, channelRate }) => {
  const ref = present(args.channel);
  const channel = ref === undefined ? undefined : state.resolveChannel(ref);
  if (!channel) return fail("channel_not_found");
  if (!mayPostIn(state, channel)) return fail("not_in_channel");
  const content = readMessageContent(args);
  if (isReply(content)) return content;
  const retryAfter = channelRate.take(channel.id);
  if (retryAfter !== undefined) return ratelimited(retryAfter);
  const threadTs = present(args.thread_ts);
  const stored = state.postMessage(channel.id, {
    text: content.text ?? "",
    bot_id: state.identity.botId,
    ...(content.blocks && { blocks: withGeneratedIds(content.blocks) }),
    ...(content.attachments && { attachments: content.attachments }),
    ...(content.metadata && { metadata: content.metadata }),
    ...(threadTs && { thread_ts: threadTs }),
  });
  return {
    status: 200,
    body: withWarnings({ ok: true, channel: channel.id, ts: stored.ts, message: messageJson(stored, state) }, content.warnings),
  };
};

const update: MethodHandler = (args, { state }) => {
  const ref = present(args.channel);
  const channel = ref === undefined ? undefined : state.resolveChannel(ref);
  if (!channel) return fail("channel_not_found");
  const ts = present(args.ts);
  if (ts === undefined) return invalidArguments(["missing required field: ts"]);
  const message = isTs(ts) ? state.findMessage(channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  if (message.user !== state.identity.botUserId) return fail("cant_update_message");
  const content = readMessageContent(args, false);
  if (isReply(content)) return content;
  if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) {
    return fail("no_text");
  }
  // Slack keeps what the update leaves out; an empty blocks array removes the blocks.
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) {
    if (content.blocks.length === 0) delete message.blocks;
    else message.blocks = withGeneratedIds(content.blocks);
  }
  if (content.attachments !== undefined) message.attachments = content.attachments;
  if (content.metadata !== undefined) message.metadata = content.metadata;
  message.edited = { user: state.identity.botUserId, ts: state.ts.next() };
  return {
    status: 200,
    body: withWarnings({ ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message, state) }, content.warnings),
  };
};

const postEphemeral: MethodHandler = (args, { state }) => {
  const ref = present(args.channel);
  const channel = ref === undefined ? undefined : state.resolveChannel(ref);
  if (!channel) return fail("channel_not_found");
  // chat.postEphemeral, "Errors": not_in_channel for the bot, user_not_in_channel, "Intended
  // recipient is not in the specified channel".
  if (!state.botIsMember(channel.id)) return fail("not_in_channel");
  const user = present(args.user);
  if (user === undefined || !state.users.has(user)) return fail("user_not_found");
  if (!state.isMember(channel.id, user)) return fail("user_not_in_channel");
  const content = readMessageContent(args);
  if (isReply(content)) return content;
  const threadTs = present(args.thread_ts);
  const stored = state.addEphemeral({
    channel: channel.id,
    user,
    text: content.text ?? "",
    ...(content.blocks && { blocks: withGeneratedIds(content.blocks) }),
    ...(threadTs && { thread_ts: threadTs }),
    via: "chat.postEphemeral",
  });
  return { status: 200, body: { ok: true, message_ts: stored.message_ts } };
};

const getPermalink: MethodHandler = (args, { state }) => {
  const ref = present(args.channel);
  const channel = ref === undefined ? undefined : state.resolveChannel(ref);
  if (!channel) return fail("channel_not_found");
  const ts = present(args.message_ts);
  const message = ts !== undefined && isTs(ts) ? state.findMessage(channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  let permalink = `https://${state.identity.teamDomain}.slack.com/archives/${channel.id}/${permalinkPart(message.ts)}`;
  if (message.thread_ts && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${channel.id}`;
  }
  return { status: 200, body: { ok: true, channel: channel.id, permalink } };
};

export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.update": update,
  "chat.postEphemeral": postEphemeral,
  "chat.getPermalink": getPermalink,
};
