// Watches what the bot does in the stand-in: messages posted, updated, shown ephemerally, files
// shared, response_url replies. The session prints them as they arrive.
import type { RecordedCall, ResponseUrlPost, SlackStandin, StoredMessage } from "../slack-standin/index.ts";

export type FeedEvent =
  | { kind: "posted" | "updated"; channelId: string; dmUser?: string; message: StoredMessage }
  | { kind: "ephemeral"; channelId: string; user: string; message: Pick<StoredMessage, "text" | "blocks"> }
  | { kind: "response"; post: ResponseUrlPost }
  | { kind: "view"; view: Json }
  | { kind: "failed"; method: string; error: string };

/** Methods whose outcome a person in the workspace would see. */
const VISIBLE_METHODS = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral", "files.completeUploadExternal", "views.open", "views.push"]);

/** Calls nobody in the terminal sees the result of. */
const UNSEEN_METHODS = new Set(["views.publish"]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export class MessageFeed {
  private readonly dmUsers = new Map<string, string>();
  private readonly unsubscribe: Array<() => void>;
  private activity = 0;

  constructor(
    private readonly slack: SlackStandin,
    private readonly onEvent: (event: FeedEvent) => void,
  ) {
    this.unsubscribe = [slack.onCall((c) => this.onCall(c)), slack.onResponse((p) => this.onResponse(p))];
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
  }

  /** The user a DM channel belongs to, as learnt from the bot's own calls. */
  dmUserOf(channelId: string): string | undefined {
    return this.dmUsers.get(channelId);
  }

  /** How many things the bot has done so far, to tell whether a command made it do anything. */
  mark(): number {
    return this.activity;
  }

  private touch(): void {
    this.activity++;
  }

  private onCall(call: RecordedCall): void {
    // NOTE: App Home is refreshed in the background after every change and never shown here.
    if (!UNSEEN_METHODS.has(call.method)) this.touch();
    const response = isObject(call.response) ? call.response : undefined;
    this.learnDm(call, response);
    if (!VISIBLE_METHODS.has(call.method)) return;
    if (!response || response.ok !== true) {
      const error = response ? String(response.error ?? "error") : `HTTP ${call.status}`;
      this.onEvent({ kind: "failed", method: call.method, error });
      return;
    }
    const event = this.eventOf(call, response);
    if (event) this.onEvent(event);
  }

  private onResponse(post: ResponseUrlPost): void {
    this.touch();
    this.onEvent({ kind: "response", post });
  }

  private learnDm(call: RecordedCall, response: Json | undefined): void {
    if (!response || response.ok !== true) return;
    const users = str(call.args.users);
    const opened = isObject(response.channel) ? str(response.channel.id) : undefined;
    if (call.method === "conversations.open" && users && opened) this.dmUsers.set(opened, users);
    // chat.postMessage to a user id lands in the DM with them.
    const target = str(call.args.channel);
    const landed = str(response.channel);
    if (target && landed && /^[UW]/.test(target) && landed.startsWith("D")) this.dmUsers.set(landed, target);
  }

  private eventOf(call: RecordedCall, response: Json): FeedEvent | undefined {
    switch (call.method) {
      case "chat.postMessage":
      case "chat.update": {
        const channelId = str(response.channel);
        const ts = str(response.ts);
        const message = channelId && ts ? this.slack.messages(channelId).find((m) => m.ts === ts) : undefined;
        if (!channelId || !message) return undefined;
        const dmUser = this.dmUsers.get(channelId);
        return { kind: call.method === "chat.update" ? "updated" : "posted", channelId, message, ...(dmUser && { dmUser }) };
      }
      case "chat.postEphemeral": {
        const blocks = Array.isArray(call.args.blocks) ? (call.args.blocks as Json[]) : undefined;
        return {
          kind: "ephemeral",
          channelId: str(call.args.channel) ?? "",
          user: str(call.args.user) ?? "",
          message: { text: str(call.args.text) ?? "", ...(blocks && { blocks }) },
        };
      }
      case "views.open":
      case "views.push":
        return isObject(response.view) ? { kind: "view", view: response.view } : undefined;
      case "files.completeUploadExternal": {
        // The stand-in shares the file as a message in the channel; show that message.
        const channelId = str(call.args.channel_id) ?? str(call.args.channels)?.split(",")[0];
        const id = Array.isArray(response.files) && isObject(response.files[0]) ? str(response.files[0].id) : undefined;
        const message = channelId ? this.slack.messages(channelId).find((m) => m.files?.some((f) => f.id === id)) : undefined;
        if (!channelId || !message) return undefined;
        if (/^[UW]/.test(channelId)) this.dmUsers.set(message.channel, channelId);
        const dmUser = this.dmUsers.get(message.channel);
        return { kind: "posted", channelId: message.channel, message, ...(dmUser && { dmUser }) };
      }
      default:
        return undefined;
    }
  }
}
