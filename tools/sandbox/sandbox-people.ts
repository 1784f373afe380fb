// Who is in the sandbox's pretend workspace: the stand-in's users, kept in step with the store's
// contacts and coordinators, and found by id, handle, real name or the unit they serve.
import { closestMatch } from "../../src/domain/command/closest-match.ts";
import { UnitDirectory } from "../../src/domain/command/unit-directory.ts";
import { sandboxMessages as sm } from "./sandbox-messages.ts";
import { DEFAULT_BOT_USER_ID, displayWidth, type SlackStandin, type StandinChannel, type StandinUser } from "../slack-standin/index.ts";
import { listCoordinators } from "../../src/store/caller-repository.ts";
import { listUnits } from "../../src/store/campaign-repository.ts";
import type { Db } from "../../src/store/open-store.ts";
import { findUnitByKey, listUnitNames } from "../../src/store/unit-repository.ts";
import { findUserByName } from "./mentions.ts";

/** The person at the terminal: a coordinator (COORDINATOR_USER_IDS) from the start. */
export const TERMINAL_USER: StandinUser = { id: "U0COORD", name: "coordinator", realName: "协调员（你）" };

/** Contacts registered on a new store through `/shutdown assign`, so the audit trail shows it. */
export const SAMPLE_CONTACTS: ReadonlyArray<{ user: StandinUser; unitKey: string }> = [
  { user: { id: "U0WANGFANG", name: "wangfang", realName: "王芳" }, unitKey: "jtda" },
  { user: { id: "U0LIQIANG", name: "liqiang", realName: "李强" }, unitKey: "jtsf" },
  { user: { id: "U0CHENJING", name: "chenjing", realName: "陈静" }, unitKey: "xuebu" },
];

/** Where coordinators read the digest (DIGEST_CHANNEL_ID): you are in it, and the bot was invited. */
export const DIGEST_CHANNEL: StandinChannel = {
  id: "C0SANDBOX",
  name: "shutdown-coordinators",
  isPrivate: true,
  members: [DEFAULT_BOT_USER_ID, TERMINAL_USER.id],
};

/** Where slash commands are typed (everyone is in it, the bot is not); the replies are ephemeral. */
export const COMMAND_CHANNEL: StandinChannel = { id: "C0GENERAL", name: "general", isGeneral: true };

const SELF_WORDS = new Set(["me", "我", "你"]);

export type Resolved = { ok: true; user: StandinUser; created?: boolean } | { ok: false; message: string };

export class SandboxPeople {
  constructor(
    private readonly slack: SlackStandin,
    private readonly db: Db,
    private readonly envCoordinators: readonly string[],
  ) {}

  users(): StandinUser[] {
    return this.slack.users();
  }

  name(userId: string): string {
    const user = this.users().find((u) => u.id === userId);
    return user?.realName ?? user?.name ?? userId;
  }

  /** "王芳 (U0WANGFANG)" */
  label(userId: string): string {
    const name = this.name(userId);
    return name === userId ? userId : `${name} (${userId})`;
  }

  /** Makes sure a Slack user id exists in the workspace, as any real colleague would. */
  ensure(userId: string, realName?: string): boolean {
    if (this.users().some((u) => u.id === userId)) return false;
    this.slack.addUser({ id: userId, name: userId.toLowerCase(), ...(realName !== undefined && { realName }) });
    return true;
  }

  /** Contacts and coordinators a previous session left in the store become users again. */
  async loadFromStore(): Promise<void> {
    for (const unit of await listUnits(this.db)) {
      for (const c of unit.contacts) if (c.slackUserId) this.ensure(c.slackUserId, c.name);
    }
    const coordinators = await listCoordinators(this.db, this.envCoordinators);
    for (const id of coordinators.addedAtRunTime) this.ensure(id);
  }

  async resolve(word: string): Promise<Resolved> {
    const w = word.trim();
    if (SELF_WORDS.has(w.toLowerCase())) return { ok: true, user: TERMINAL_USER };
    const user = findUserByName(this.users(), w);
    if (user) return { ok: true, user };
    const id = w.replace(/^<?@/, "").replace(/(\|[^>]*)?>$/, "");
    if (/^[UW](?=[A-Z0-9]*\d)[A-Z0-9]{2,}$/.test(id)) {
      this.ensure(id);
      return { ok: true, user: this.users().find((u) => u.id === id)!, created: true };
    }
    const directory = new UnitDirectory(await listUnitNames(this.db));
    const unit = directory.find(w);
    if (unit) {
      const contact = (await findUnitByKey(this.db, unit.key))?.contacts.find((c) => c.slackUserId);
      if (!contact?.slackUserId) return { ok: false, message: sm.unitWithoutContact(unit.name) };
      this.ensure(contact.slackUserId, contact.name);
      return { ok: true, user: this.users().find((u) => u.id === contact.slackUserId)! };
    }
    const names = [...this.users().flatMap((u) => [u.name, u.realName ?? u.name]), ...directory.units.map((u) => u.name)];
    return { ok: false, message: sm.unknownWho(w, closestMatch(w, names)) };
  }

  /** One line per user: id, handle, name, coordinator or units; the current one starred. */
  async listing(currentId: string): Promise<string[]> {
    const unitsOf = new Map<string, string[]>();
    for (const unit of await listUnits(this.db)) {
      for (const c of unit.contacts) if (c.slackUserId) unitsOf.set(c.slackUserId, [...(unitsOf.get(c.slackUserId) ?? []), unit.name]);
    }
    const list = await listCoordinators(this.db, this.envCoordinators);
    const coordinators = new Set([...list.fromEnvironment, ...list.addedAtRunTime]);
    const rows = this.users()
      .filter((u) => u.id !== this.slack.botUserId)
      .map((u) => {
        const roles = [...(coordinators.has(u.id) ? [sm.coordinatorRole] : []), ...(unitsOf.get(u.id) ?? [])];
        return [u.id === currentId ? "*" : " ", u.id, u.name, u.realName ?? "", roles.join("、") || sm.noUnits];
      });
    const widths = [1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
    const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));
    return [sm.usersHeader, ...rows.map((r) => `${r[0]} ${pad(r[1]!, widths[0]!)}  ${pad(r[2]!, widths[1]!)}  ${pad(r[3]!, widths[2]!)}  ${r[4]}`)];
  }
}
