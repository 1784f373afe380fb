// Public shapes of the Slack stand-in: what tests and the sandbox terminal see.

/** A Block Kit block or element as JSON; checked at runtime, not by the compiler. */
export type BlockJson = Record<string, unknown>;

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface StandinChannel {
  id: string;
  name: string;
  /** A private channel: reading it needs groups:history instead of channels:history. */
  isPrivate?: boolean;
  /** Like #general: every person in the workspace is a member. Apps still have to be invited. */
  isGeneral?: boolean;
  /**
   * Who is in the channel from the start: people's ids, and the bot's user id when the bot was
   * invited. Slack refuses to let the bot post to or read a channel it is not in.
   */
  members?: string[];
}

/** Slack's posting limit for chat.postMessage: about one message per second per channel, short bursts tolerated. */
export interface ChannelRate {
  perSecond: number;
  burst: number;
}

export interface StandinOptions {
  /** 0 (default) = any free port on 127.0.0.1 */
  port?: number;
  /** default "xoxb-standin" */
  botToken?: string;
  botUserId?: string;
  teamId?: string;
  teamDomain?: string;
  /** Channels that exist from the start; default one: C0GENERAL "general", everyone in it but the bot. */
  channels?: StandinChannel[];
  /** Clock used for message ts, views, trigger ids and method rate limits; tests may freeze it. */
  now?: () => Date;
  /**
   * Milliseconds on the clock the posting limit per channel runs on; default the real elapsed
   * time: Slack's limit counts real seconds whatever day the workspace's clock says it is, so a
   * test that freezes `now` still sees the bucket refill as a paced sender waits.
   */
  rateClockMs?: () => number;
  /** Scopes of the bot token; default: the bot scopes of slack-app-manifest.json. */
  scopes?: string[];
  /**
   * chat.postMessage per channel; default Slack's (one a second, bursts of 3), false for none.
   * Beyond it the answer is 429 ratelimited with Retry-After.
   */
  channelRateLimit?: ChannelRate | false;
  /** How long a trigger_id can open a view; default Slack's 3 seconds. */
  triggerLifetimeMs?: number;
}

export interface StandinUser {
  id: string;
  name: string;
  realName?: string;
  tz?: string;
}

export interface RecordedCall {
  method: string;
  /** Body merged with query; JSON-string fields (blocks, view, metadata, …) decoded; token left out. */
  args: Record<string, unknown>;
  token: string | undefined;
  at: Date;
  /** The JSON sent back, the plain body of an injected HTTP failure, or null for a dropped socket. */
  response: Record<string, unknown> | string | null;
  status: number;
}

export interface StoredFileRef {
  id: string;
  name: string;
  title: string;
}

export interface StoredMessage {
  ts: string;
  channel: string;
  /** The bot user id, or the author of a message added with addMessage. */
  user: string;
  bot_id?: string;
  text: string;
  blocks?: BlockJson[];
  attachments?: BlockJson[];
  metadata?: MessageMetadata;
  thread_ts?: string;
  reply_count?: number;
  edited?: { user: string; ts: string };
  files?: StoredFileRef[];
}

export interface StoredEphemeral {
  message_ts: string;
  channel: string | undefined;
  /** Whom it was shown to; undefined when a response_url was created without a user. */
  user: string | undefined;
  text: string;
  blocks?: BlockJson[];
  thread_ts?: string;
  via: "chat.postEphemeral" | "response_url";
  at: Date;
}

export interface StoredView {
  id: string;
  type: "modal" | "home";
  /** The view as the Web API last answered it (id, hash, blocks with block_ids, …). */
  view: Record<string, unknown>;
  hash: string;
  /** Owner of a home tab (views.publish). */
  user_id?: string;
  trigger_id?: string;
  external_id?: string;
  root_view_id: string | null;
  previous_view_id: string | null;
  /** Last method that wrote it. */
  via: "views.open" | "views.push" | "views.update" | "views.publish";
}

export interface StoredFile {
  id: string;
  title: string;
  filename: string;
  content: Buffer;
  size: number;
  mimetype: string;
  channel_id?: string;
  initial_comment?: string;
  thread_ts?: string;
  /** ts of the message that shared it, when shared to a channel. */
  message_ts?: string;
}

export interface ResponseUrlPost {
  id: string;
  at: Date;
  /** The JSON body as posted (or the raw text when it was not JSON). */
  body: unknown;
  status: number;
  /** What the stand-in answered. */
  reply: Record<string, unknown> | string;
}

export interface ResponseUrlOptions {
  /** Who sees ephemeral replies. */
  userId?: string;
  /** Where in_channel replies go. */
  channelId?: string;
  /** The message the interaction came from, for replace_original / delete_original. */
  messageTs?: string;
}

export type Failure =
  | { kind: "ratelimited"; retryAfterSeconds: number }
  | { kind: "http"; status: number }
  | { kind: "error"; error: string }
  | { kind: "drop" }
  /**
   * The call takes effect, but its answer is lost: HTTP `status` (default 502) instead, a dropped
   * connection with 0, or (with `error`) Slack's `ok:false` answer such as internal_error.
   */
  | { kind: "lost"; status?: number; error?: string };

export interface SlackStandin {
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  close(): Promise<void>;

  addUser(u: StandinUser): void;
  users(): StandinUser[];
  addChannel(c: StandinChannel): void;
  channels(): StandinChannel[];
  /** As /invite: makes people, or the bot (by its botUserId), members of a channel. */
  invite(channel: string, ...userIds: string[]): void;
  /** As removing someone from a channel (or the bot leaving it). */
  remove(channel: string, userId: string): void;
  /** Members of a channel, the bot's user id among them when it was invited; for #general everyone. */
  members(channel: string): string[];
  /**
   * A trigger_id as Slack puts into a slash command or interaction it sends: it opens one view
   * (views.open / views.push), within the trigger lifetime (3 seconds). Ids it did not issue are refused.
   */
  newTriggerId(): string;
  /** A message by someone else (e.g. a user typing), so the bot can read or fail to edit it. */
  addMessage(channel: string, m: { user: string; text: string; blocks?: BlockJson[]; thread_ts?: string }): StoredMessage;

  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];

  messages(channel: string): StoredMessage[];
  dmChannelOf(userId: string): string;
  dmMessages(userId: string): StoredMessage[];
  ephemerals(userId?: string): StoredEphemeral[];
  views(): StoredView[];
  homeView(userId: string): StoredView | undefined;
  files(): StoredFile[];

  createResponseUrl(opts?: ResponseUrlOptions): { url: string; id: string };
  responses(id?: string): ResponseUrlPost[];

  /** method: a Web API method, "*" (any Web API method), "upload" (the upload URL) or "response_url". */
  failNext(method: string, failure: Failure, times?: number): void;
  /** method: a Web API method or "*" (all methods together). */
  setRateLimit(method: string, perMinute: number | null): void;
  /** Slack's per-channel posting limit (on by default); null turns it off. Kept across reset(). */
  setChannelRateLimit(rate: ChannelRate | null): void;
  reset(): void;
  onCall(listener: (c: RecordedCall) => void): () => void;
  /**
   * Runs when a Web API call has taken effect, before its answer is sent; the answer waits for
   * the promise the listener returns. For tests that act between Slack storing a message and
   * the caller hearing of it (e.g. a process killed at that moment).
   */
  beforeAnswer(listener: (c: RecordedCall) => void | Promise<void>): () => void;
  onResponse(listener: (p: ResponseUrlPost) => void): () => void;
}
