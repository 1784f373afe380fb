// The Slack calls of outgoing messages. The client must not retry by itself (see createDeliveryClient):
// retries, backoff and Retry-After are ours, so a pass never hangs on the client's own schedule.
import { WebClient, type Logger, type WebAPICallResult } from "@slack/web-api";
import type { SlackMessage } from "../slack/blocks/block-kit.ts";

/** event_type of the metadata that carries a message's idempotency key. */
export const DELIVERY_EVENT_TYPE = "shutdown_delivery";

export interface Sent {
  channel: string;
  /** Message ts; for a file, the file id. */
  ts: string;
}

export function createDeliveryClient(
  token: string | undefined,
  apiUrl: string,
  options: { timeoutMs?: number; logger?: Logger } = {},
): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

function isUser(target: string): boolean {
  return /^[UW]/.test(target);
}

/** The channel to post in: a user's IM (opened, idempotently), or the channel itself. */
export async function channelFor(client: WebClient, target: string): Promise<string> {
  if (!isUser(target)) return target;
  const opened = await client.conversations.open({ users: target });
  const id = opened.channel?.id;
  if (!id) throw new Error(`conversations.open gave no channel for ${target}`);
  return id;
}

export async function postKeyedMessage(client: WebClient, target: string, message: SlackMessage, key: string): Promise<Sent> {
  const channel = await channelFor(client, target);
  const result = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
  });
  if (!result.ts) throw new Error("chat.postMessage answered without ts");
  return { channel: result.channel ?? channel, ts: result.ts };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * A message we may have sent (the process died after sending, before recording it): looks for
 * its key in the metadata of the channel's messages since `oldest`.
 */
export async function findKeyedMessage(client: WebClient, target: string, key: string, oldest: Date): Promise<Sent | null> {
  const channel = await channelFor(client, target);
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await client.conversations.history({
      channel,
      oldest: (oldest.getTime() / 1000).toFixed(6),
      include_all_metadata: true,
      limit: 200,
      cursor,
    });
    const messages = (result.messages ?? []) as HistoryMessage[];
    const hit = messages.find((m) => m.metadata?.event_type === DELIVERY_EVENT_TYPE && m.metadata.event_payload?.key === key);
    if (hit?.ts) return { channel, ts: hit.ts };
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return null;
  }
  return null;
}

export interface OutgoingFile {
  filename: string;
  title: string;
  /** Text is sent as UTF-8. */
  content: string | Buffer;
  comment?: string;
  threadTs?: string;
}

/** Slack's current upload flow: files.getUploadURLExternal, upload, files.completeUploadExternal. */
export async function uploadFile(client: WebClient, target: string, file: OutgoingFile): Promise<Sent> {
  const channel = await channelFor(client, target);
  const common = {
    file: typeof file.content === "string" ? Buffer.from(file.content, "utf8") : file.content,
    filename: file.filename,
    title: file.title,
    ...(file.comment ? { initial_comment: file.comment } : {}),
  };
  const result = file.threadTs
    ? await client.filesUploadV2({ ...common, channel_id: channel, thread_ts: file.threadTs })
    : await client.filesUploadV2({ ...common, channel_id: channel });
  const completed = result.files?.[0] as (WebAPICallResult & { files?: { id?: string }[] }) | undefined;
  return { channel, ts: completed?.files?.[0]?.id ?? "" };
}
