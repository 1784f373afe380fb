// One terminal session: who is acting, the bot's clock, the buttons last shown, and what each
// terminal command does. Everything the bot does in the stand-in is printed as it arrives.
import { formatDateTime } from "../../src/domain/model/calendar.ts";
import { buildStatusRows, formatStatusRows } from "../../src/export/status-export.ts";
import { BOM } from "../../src/export/csv.ts";
import { runBatch } from "../../src/cli/batch-command.ts";
import { sandboxMessages as sm } from "./sandbox-messages.ts";
import { renderView, type SlackStandin, type StandinUser, type StoredMessage } from "../slack-standin/index.ts";
import { readSnapshot } from "../../src/store/campaign-repository.ts";
import type { Db } from "../../src/store/open-store.ts";
import { ButtonBoard, type ShownMessage } from "./button-board.ts";
import { planDueRuns, type JobName } from "./due-jobs.ts";
import type { SandboxClock } from "./sandbox-clock.ts";
import type { SandboxJobs } from "./sandbox-jobs.ts";
import { MessageFeed, type FeedEvent } from "./message-feed.ts";
import { escapeMentions, mentionedUserIds } from "./mentions.ts";
import { COMMAND_CHANNEL, DIGEST_CHANNEL, SandboxPeople, TERMINAL_USER } from "./sandbox-people.ts";
import { SlackActor, type Delivery } from "./slack-actor.ts";
import type { TerminalCommand } from "./terminal-commands.ts";

export interface SessionDeps {
  slack: SlackStandin;
  db: Db;
  actor: SlackActor;
  people: SandboxPeople;
  clock: SandboxClock;
  jobs: SandboxJobs;
  /** Changes the simulated internet (a line of tools/fake-internet/world-commands.ts); absent without one. */
  world?: (line: string) => Promise<{ ok: boolean; text: string }>;
  /** Resolves when the bot has finished what the requests so far set off. */
  botIdle(): Promise<void>;
  out(lines: string[]): void;
  width?: number;
}

export type Outcome = "ok" | "failed" | "quit";

const SHOW_LAST = 5;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export class SandboxSession {
  private user: StandinUser = TERMINAL_USER;
  private readonly board: ButtonBoard;
  private readonly feed: MessageFeed;

  constructor(private readonly deps: SessionDeps) {
    this.board = new ButtonBoard(() => ({
      width: Math.max(40, (deps.width ?? 80) - 2),
      userName: (id) => deps.people.name(id),
      channelName: (id) => deps.slack.channels().find((c) => c.id === id)?.name,
    }));
    this.feed = new MessageFeed(deps.slack, (event) => this.print(this.describe(event)));
  }

  /** The name shown in the prompt and the transcript. */
  get who(): string {
    return this.user.realName ?? this.user.name;
  }

  close(): void {
    this.feed.stop();
  }

  /**
   * Waits until the bot has done what the last command set off (a reply by response_url after a
   * "正在处理" ack, a modal, messages), so its output lands before the next command.
   */
  settle(): Promise<void> {
    return this.deps.botIdle();
  }

  async execute(command: TerminalCommand): Promise<Outcome> {
    this.board.startOutput();
    switch (command.kind) {
      case "nothing":
        return "ok";
      case "invalid":
        this.print([command.message]);
        return "failed";
      case "help":
        this.print(sm.help());
        return "ok";
      case "quit":
        return "quit";
      case "slash":
        return this.slash(command.text);
      case "as":
        return this.actAs(command.who);
      case "users":
        this.print(await this.deps.people.listing(this.user.id));
        return "ok";
      case "dm":
        return this.showDm(command.who);
      case "channel":
        return this.showChannel(command.which);
      case "click":
        return this.click(command.n);
      case "now":
        return this.moveClock(command.at);
      case "remind":
        return this.runJob("reminders", this.deps.clock.now());
      case "digest":
        return this.runJob("digest", this.deps.clock.now());
      case "export":
        return this.export(command.format);
      case "batch":
        return this.batch(command.args);
      case "verify":
        return this.verify();
      case "world": {
        if (!this.deps.world) {
          this.print([sm.noWorld]);
          return "failed";
        }
        const result = await this.deps.world(command.line);
        this.print(result.text.split("\n").map(sm.world));
        return result.ok ? "ok" : "failed";
      }
    }
  }

  /**
   * A /shutdown command as the current user, with no output: for setting the sandbox up. What
   * the bot sends meanwhile (the sample contacts' welcome DMs) is not printed; `:dm` shows it.
   */
  async slashQuietly(user: StandinUser, text: string): Promise<string> {
    this.muted = true;
    try {
      const { result } = await this.deps.actor.slash(user, text, COMMAND_CHANNEL);
      await this.settle();
      return isObject(result.body) ? String(result.body.text ?? "") : String(result.body);
    } finally {
      this.muted = false;
    }
  }

  private muted = false;

  private print(lines: string[]): void {
    if (lines.length > 0 && !this.muted) this.deps.out(lines);
  }

  private async slash(typed: string): Promise<Outcome> {
    const users = this.deps.people.users();
    const text = escapeMentions(typed, users);
    for (const id of mentionedUserIds(text)) this.deps.people.ensure(id);
    const delivery = await this.deps.actor.slash(this.user, text, COMMAND_CHANNEL);
    const shown = this.showReply(delivery, COMMAND_CHANNEL.id);
    await this.settle();
    return shown ? "ok" : "failed";
  }

  private async click(n: number): Promise<Outcome> {
    const pressed = this.board.get(n);
    if (!pressed) {
      this.print([this.board.size === 0 ? sm.noButtons : sm.noSuchButton(n, this.board.size)]);
      return "failed";
    }
    this.print([sm.clicking(pressed.button.text, pressed.button.action_id)]);
    const channelName = this.deps.slack.channels().find((c) => c.id === pressed.shown.channelId)?.name;
    const mark = this.feed.mark();
    const delivery = await this.deps.actor.click(this.user, pressed, channelName);
    if (delivery.result.status === 404) {
      this.print([sm.httpFailure(404, ""), sm.clickUnhandled]);
      return "failed";
    }
    const shown = this.showReply(delivery, pressed.shown.channelId, true);
    await this.settle();
    if (this.feed.mark() === mark) this.print([sm.noResponse]);
    return shown ? "ok" : "failed";
  }

  /** The bot's HTTP answer: an error, an empty ack, or a message only the sender sees. */
  private showReply(delivery: Delivery, channelId: string, emptyIsFine = false): boolean {
    const { status, body } = delivery.result;
    if (status < 200 || status >= 300) {
      this.print([sm.httpFailure(status, typeof body === "string" ? body.slice(0, 200) : JSON.stringify(body).slice(0, 200))]);
      return false;
    }
    if (!isObject(body) || (body.text === undefined && body.blocks === undefined)) {
      if (!emptyIsFine) this.print([sm.emptyAck]);
      return true;
    }
    this.print([sm.ephemeralReply, ...this.board.show(this.shownFrom(body, channelId, true))]);
    return true;
  }

  private async actAs(word: string): Promise<Outcome> {
    const resolved = await this.deps.people.resolve(word);
    if (!resolved.ok) {
      this.print([resolved.message]);
      return "failed";
    }
    this.user = resolved.user;
    const lines = [sm.actingAs(this.deps.people.label(resolved.user.id))];
    if (resolved.created) lines.unshift(sm.newUser(resolved.user.id));
    this.print(lines);
    return "ok";
  }

  private async showDm(word: string | undefined): Promise<Outcome> {
    let user = this.user;
    if (word !== undefined) {
      const resolved = await this.deps.people.resolve(word);
      if (!resolved.ok) {
        this.print([resolved.message]);
        return "failed";
      }
      user = resolved.user;
    }
    const label = this.deps.people.label(user.id);
    const messages = this.deps.slack.dmMessages(user.id);
    this.showList(sm.dmTitle(label), messages, this.deps.slack.dmChannelOf(user.id));
    return "ok";
  }

  private showChannel(which: string | undefined): Outcome {
    const channels = this.deps.slack.channels();
    const word = (which ?? DIGEST_CHANNEL.id).replace(/^#/, "");
    const channel = channels.find((c) => c.id === word || c.name === word);
    if (!channel) {
      this.print([sm.unknownChannel(word, channels.map((c) => `#${c.name}`))]);
      return "failed";
    }
    this.showList(`#${channel.name}`, this.deps.slack.messages(channel.id), channel.id);
    return "ok";
  }

  private showList(title: string, messages: StoredMessage[], channelId: string): void {
    if (messages.length === 0) {
      this.print([sm.nothingYet(title)]);
      return;
    }
    const last = messages.slice(-SHOW_LAST);
    const lines = [title, ...(messages.length > last.length ? [sm.showingLast(last.length, messages.length)] : [])];
    for (const m of last) {
      lines.push(`  ─ ${formatTs(m.ts)}${m.edited ? "（已编辑）" : ""}`);
      lines.push(...this.board.show({ message: m, channelId, isEphemeral: false }));
    }
    this.print(lines);
  }

  /** Moves the clock, running each pass that falls due on the way as of its own time. */
  private async moveClock(to: Date): Promise<Outcome> {
    const from = this.deps.clock.now();
    const config = this.deps.jobs.deps.config;
    const plan = planDueRuns({ reminders: config.REMINDER_CRON, digest: config.DIGEST_CRON }, config.QUIET_HOURS, from, to);
    const lines = [sm.clockMoved(formatDateTime(from), formatDateTime(to))];
    if (to < from) lines.push(sm.clockBackwards);
    if (plan.jumped) lines.push(sm.jumped(Math.floor((to.getTime() - from.getTime()) / 86_400_000)));
    if (to > from && plan.runs.length === 0) lines.push(sm.noJobsDue);
    this.print(lines);
    let outcome: Outcome = "ok";
    for (const run of plan.runs) {
      this.deps.clock.set(run.at);
      if ((await this.runJob(run.job, run.at)) === "failed") outcome = "failed";
    }
    this.deps.clock.set(to);
    return outcome;
  }

  private async runJob(job: JobName, at: Date): Promise<Outcome> {
    this.print([sm.jobRunning(formatDateTime(at), job)]);
    const summary = await this.deps.jobs.run(job, at);
    await this.settle();
    this.print([`  ${summary.line}`]);
    return summary.ok ? "ok" : "failed";
  }

  /** `npm run batch -- …` on the sandbox's store, at the sandbox's time. */
  private async batch(args: string[]): Promise<Outcome> {
    const lines: string[] = [];
    const write = (t: string) => lines.push(...t.replace(/\n$/, "").split("\n"));
    const code = await runBatch({ db: this.deps.db, now: this.deps.clock.now(), actor: "cli:sandbox", out: write, err: write }, args);
    this.print(lines);
    return code === 0 ? "ok" : "failed";
  }

  private async verify(): Promise<Outcome> {
    const at = this.deps.clock.now();
    this.print([sm.verifyRunning(formatDateTime(at))]);
    const summary = await this.deps.jobs.verify(at);
    await this.settle();
    this.print(summary.lines.map((l) => `  ${l}`));
    return summary.ok ? "ok" : "failed";
  }

  private async export(format: "csv" | "json"): Promise<Outcome> {
    const text = formatStatusRows(buildStatusRows(await readSnapshot(this.deps.db)), format);
    this.print(text.replace(BOM, "").replace(/\r?\n$/, "").split(/\r?\n/));
    return "ok";
  }

  private shownFrom(body: Json, channelId: string, isEphemeral: boolean, ts?: string): ShownMessage {
    return {
      message: {
        ts: ts ?? slackTs(this.deps.clock.now()),
        text: typeof body.text === "string" ? body.text : "",
        user: this.deps.slack.botUserId,
        bot_id: this.deps.slack.botId,
        ...(Array.isArray(body.blocks) && { blocks: body.blocks as Json[] }),
      },
      channelId,
      isEphemeral,
    };
  }

  private where(channelId: string, dmUser?: string): string {
    if (dmUser) return this.deps.people.label(dmUser);
    const name = this.deps.slack.channels().find((c) => c.id === channelId)?.name;
    return name ? `#${name}` : channelId;
  }

  /** A line or two saying what happened, then the message as text. */
  private describe(event: FeedEvent): string[] {
    switch (event.kind) {
      case "posted": {
        const header = event.dmUser ? sm.dmArrived(this.deps.people.label(event.dmUser)) : sm.channelArrived(this.where(event.channelId));
        return [header, ...this.board.show({ message: event.message, channelId: event.channelId, isEphemeral: false })];
      }
      case "updated":
        return [
          sm.messageUpdated(this.where(event.channelId, event.dmUser)),
          ...this.board.show({ message: event.message, channelId: event.channelId, isEphemeral: false }),
        ];
      case "ephemeral":
        return [
          sm.ephemeralArrived(this.deps.people.label(event.user), this.where(event.channelId)),
          ...this.board.show(this.shownFrom(event.message, event.channelId, true)),
        ];
      case "failed":
        return [`✗ ${event.method}: ${event.error}`];
      case "view":
        return [sm.modalOpened, ...renderView(event.view, this.board.renderOptions()).lines.map((l) => `  ${l}`)];
      case "response":
        return this.describeResponse(event.post.id, event.post.body, event.post.status);
    }
  }

  private describeResponse(id: string, body: unknown, status: number): string[] {
    if (status !== 200 || !isObject(body)) return [sm.httpFailure(status, JSON.stringify(body).slice(0, 200))];
    const target = this.deps.actor.responseTarget(id) ?? { channelId: COMMAND_CHANNEL.id };
    const kinds = sm.responseKinds;
    if (body.delete_original === true) return [sm.responseUrlReply(kinds.delete)];
    const inChannel = body.response_type === "in_channel";
    const kind = body.replace_original === true ? kinds.replace : inChannel ? kinds.inChannel : kinds.ephemeral;
    // A replaced channel message keeps its ts, so its new buttons still point at it.
    const stored = body.replace_original === true && target.messageTs !== undefined;
    const shown = this.shownFrom(body, target.channelId, !inChannel && !stored, stored ? target.messageTs : undefined);
    return [sm.responseUrlReply(kind), ...this.board.show(shown)];
  }
}

/** A message ts for replies Slack shows without storing (ephemeral), shaped like Slack's. */
function slackTs(at: Date): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, "0")}`;
}

/** "06-13 09:00" from a Slack ts (seconds since the epoch), in Shanghai time. */
function formatTs(ts: string): string {
  return formatDateTime(new Date(Number(ts.split(".")[0]) * 1000)).slice(5);
}
