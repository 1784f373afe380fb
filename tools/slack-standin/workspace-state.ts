// The fake workspace: who exists, which channels exist, and everything the bot has written.
import { slackId, TsClock, compareTs } from "./slack-ids.ts";
import { TriggerIds } from "./trigger-ids.ts";
import type {
  BlockJson,
  ResponseUrlOptions,
  ResponseUrlPost,
  StandinChannel,
  StandinUser,
  StoredEphemeral,
  StoredFile,
  StoredMessage,
  StoredView,
} from "./types.ts";

export interface StandinIdentity {
  botToken: string;
  /** What the bot token was granted (see method-scopes.ts). */
  scopes: ReadonlySet<string>;
  botUserId: string;
  botId: string;
  botName: string;
  teamId: string;
  teamDomain: string;
  appId: string;
}

export interface ChannelRecord {
  id: string;
  name: string;
  isPrivate: boolean;
  /** Every person in the workspace is a member (apps are not until invited). */
  isGeneral: boolean;
  /** People, and the bot's user id once invited; unused for DMs (the bot and dmUser). */
  members: Set<string>;
  /** Set for DM channels: the human on the other side. */
  dmUser?: string;
}

export interface PendingUpload {
  id: string;
  filename: string;
  length: number;
  content?: Buffer;
}

export interface ResponseUrlRecord extends ResponseUrlOptions {
  id: string;
  uses: number;
}

export class WorkspaceState {
  readonly ts: TsClock;
  readonly users = new Map<string, StandinUser>();
  readonly channels = new Map<string, ChannelRecord>();
  private readonly dmByUser = new Map<string, string>();
  /** DMs opened since the last reset; ids stay stable across resets, "already open" does not. */
  private readonly openedDms = new Set<string>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly ephemerals: StoredEphemeral[] = [];
  readonly views = new Map<string, StoredView>();
  readonly triggers: TriggerIds;
  readonly uploads = new Map<string, PendingUpload>();
  readonly files: StoredFile[] = [];
  readonly responseUrls = new Map<string, ResponseUrlRecord>();
  readonly responses: ResponseUrlPost[] = [];

  constructor(
    readonly identity: StandinIdentity,
    readonly now: () => Date,
    triggerLifetimeMs: number,
  ) {
    this.ts = new TsClock(now);
    this.triggers = new TriggerIds(now, triggerLifetimeMs);
  }

  addUser(u: StandinUser): void {
    this.users.set(u.id, { ...u });
  }

  addChannel(c: StandinChannel): void {
    this.channels.set(c.id, {
      id: c.id,
      name: c.name,
      isPrivate: c.isPrivate === true,
      isGeneral: c.isGeneral === true,
      members: new Set(c.members ?? []),
    });
  }

  isMember(channelId: string, userId: string): boolean {
    const c = this.channels.get(channelId);
    if (!c) return false;
    if (c.dmUser) return userId === c.dmUser || userId === this.identity.botUserId;
    if (c.isGeneral && this.users.has(userId)) return true;
    return c.members.has(userId);
  }

  botIsMember(channelId: string): boolean {
    return this.isMember(channelId, this.identity.botUserId);
  }

  membersOf(channelId: string): string[] {
    const c = this.channels.get(channelId);
    if (!c) return [];
    if (c.dmUser) return [c.dmUser, this.identity.botUserId];
    const everyone = c.isGeneral ? [...this.users.keys()] : [];
    return [...new Set([...everyone, ...c.members])];
  }

  /** Accepts a channel id, "#name" / "name" of a known channel, or a user id (its DM), as chat.postMessage does. */
  resolveChannel(ref: string): ChannelRecord | undefined {
    const byId = this.channels.get(ref);
    if (byId) return byId;
    if (this.users.has(ref)) return this.channels.get(this.dmChannelOf(ref));
    const name = ref.startsWith("#") ? ref.slice(1) : ref;
    for (const c of this.channels.values()) if (!c.dmUser && c.name === name) return c;
    return undefined;
  }

  dmChannelOf(userId: string): string {
    let id = this.dmByUser.get(userId);
    if (!id) {
      id = slackId("D");
      this.dmByUser.set(userId, id);
      this.channels.set(id, { id, name: userId, isPrivate: true, isGeneral: false, members: new Set(), dmUser: userId });
    }
    this.openedDms.add(userId);
    return id;
  }

  hasDmWith(userId: string): boolean {
    return this.openedDms.has(userId);
  }

  messagesOf(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  postMessage(
    channel: string,
    m: Omit<StoredMessage, "ts" | "channel" | "user"> & { user?: string },
  ): StoredMessage {
    const stored: StoredMessage = { ...m, ts: this.ts.next(), channel, user: m.user ?? this.identity.botUserId };
    if (stored.thread_ts) {
      const parent = this.findMessage(channel, stored.thread_ts);
      if (parent) {
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.thread_ts ??= parent.ts;
      }
    }
    this.messagesOf(channel).push(stored);
    return stored;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => compareTs(m.ts, ts) === 0);
  }

  deleteMessage(channel: string, ts: string): boolean {
    const list = this.messages.get(channel);
    const i = list?.findIndex((m) => compareTs(m.ts, ts) === 0) ?? -1;
    if (!list || i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  addEphemeral(e: Omit<StoredEphemeral, "message_ts" | "at"> & { blocks?: BlockJson[] }): StoredEphemeral {
    const stored: StoredEphemeral = { ...e, message_ts: this.ts.next(), at: this.now() };
    this.ephemerals.push(stored);
    return stored;
  }

  /** Keeps users, channels, who is in them and DM ids; forgets what was written. */
  reset(): void {
    this.openedDms.clear();
    this.messages.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.triggers.clear();
    this.uploads.clear();
    this.files.length = 0;
    this.responses.length = 0;
    for (const r of this.responseUrls.values()) r.uses = 0;
  }
}
