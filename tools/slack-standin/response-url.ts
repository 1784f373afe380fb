// response_url: what Bolt's respond() posts to. Ephemeral replies are shown to the user,
// in_channel ones become channel messages, replace/delete_original act on the source message.
import { isReply, readMessageContent } from "./message-content.ts";
import { bool, present, str } from "./method-context.ts";
import { randomToken } from "./slack-ids.ts";
import { withGeneratedIds } from "./stored-blocks.ts";
import type { ResponseUrlOptions } from "./types.ts";
import type { WorkspaceState } from "./workspace-state.ts";

/** Slack allows five uses of one response_url. */
export const RESPONSE_URL_USES = 5;

export function createResponseUrl(state: WorkspaceState, baseUrl: string, opts: ResponseUrlOptions = {}): { url: string; id: string } {
  const id = randomToken(24);
  state.responseUrls.set(id, { ...opts, id, uses: 0 });
  return { url: `${baseUrl}/response/${id}`, id };
}

export interface ResponseOutcome {
  status: number;
  reply: Record<string, unknown>;
}

function parseBody(raw: Buffer, contentType: string): unknown {
  const text = raw.toString("utf8");
  if (contentType === "application/x-www-form-urlencoded") {
    const payload = new URLSearchParams(text).get("payload");
    if (payload !== null) return JSON.parse(payload);
  }
  return JSON.parse(text);
}

export function handleResponsePost(
  state: WorkspaceState,
  id: string,
  raw: Buffer,
  contentType: string,
): { outcome: ResponseOutcome; body: unknown } {
  let body: unknown;
  try {
    body = parseBody(raw, contentType);
  } catch {
    return { outcome: { status: 400, reply: { ok: false, error: "invalid_payload" } }, body: raw.toString("utf8") };
  }
  return { outcome: apply(state, id, body), body };
}

function apply(state: WorkspaceState, id: string, body: unknown): ResponseOutcome {
  const record = state.responseUrls.get(id);
  if (!record) return { status: 404, reply: { ok: false, error: "expired_url" } };
  if (record.uses >= RESPONSE_URL_USES) return { status: 404, reply: { ok: false, error: "used_url" } };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { status: 400, reply: { ok: false, error: "invalid_payload" } };
  }
  record.uses++;
  const args = body as Record<string, unknown>;
  const channel = record.channelId;

  if (bool(args.delete_original)) {
    if (channel && record.messageTs) state.deleteMessage(channel, record.messageTs);
    return { status: 200, reply: { ok: true } };
  }

  const content = readMessageContent(args);
  if (isReply(content)) return { status: content.status, reply: content.body };
  const text = content.text ?? "";
  const blocks = content.blocks && withGeneratedIds(content.blocks);
  const threadTs = present(args.thread_ts);

  if (bool(args.replace_original) && channel && record.messageTs) {
    const original = state.findMessage(channel, record.messageTs);
    if (original) {
      original.text = text;
      if (blocks) original.blocks = blocks;
      else delete original.blocks;
      original.edited = { user: state.identity.botUserId, ts: state.ts.next() };
      return { status: 200, reply: { ok: true } };
    }
  }

  if (str(args.response_type) === "in_channel") {
    const target = channel ? state.channels.get(channel) : undefined;
    if (!target) return { status: 404, reply: { ok: false, error: "channel_not_found" } };
    state.postMessage(target.id, {
      text,
      bot_id: state.identity.botId,
      ...(blocks && { blocks }),
      ...(content.metadata && { metadata: content.metadata }),
      ...(threadTs && { thread_ts: threadTs }),
    });
    return { status: 200, reply: { ok: true } };
  }

  state.addEphemeral({
    channel,
    user: record.userId,
    text,
    ...(blocks && { blocks }),
    ...(threadTs && { thread_ts: threadTs }),
    via: "response_url",
  });
  return { status: 200, reply: { ok: true } };
}
