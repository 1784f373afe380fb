// Acts as Slack towards the bot: signed slash commands and button clicks to its HTTP endpoint,
// each with a response_url of the stand-in, exactly as Slack would deliver them.
import {
  buildMessageBlockActions,
  sendInteraction,
  sendSlashCommand,
  type SlackHttpResult,
  type SlackStandin,
  type StandinChannel,
  type StandinUser,
} from "../slack-standin/index.ts";
import type { PressableButton } from "./button-board.ts";

export interface Delivery {
  result: SlackHttpResult;
  responseUrlId: string;
  elapsedMs: number;
}

/** Where a response_url's replies belong: the channel, and the message a click came from. */
export interface ResponseTarget {
  channelId: string;
  messageTs?: string;
}

export class SlackActor {
  private readonly targets = new Map<string, ResponseTarget>();

  constructor(
    private readonly slack: SlackStandin,
    private readonly botUrl: string,
    private readonly signingSecret: string,
  ) {}

  responseTarget(responseUrlId: string): ResponseTarget | undefined {
    return this.targets.get(responseUrlId);
  }

  async slash(user: StandinUser, text: string, channel: StandinChannel): Promise<Delivery> {
    const responseUrl = this.responseUrl(user, { channelId: channel.id });
    return this.timed(responseUrl.id, () =>
      sendSlashCommand(this.botUrl, this.signingSecret, {
        command: "/shutdown",
        text,
        user_id: user.id,
        user_name: user.name,
        channel_id: channel.id,
        channel_name: channel.name,
        response_url: responseUrl.url,
        trigger_id: this.slack.newTriggerId(),
      }),
    );
  }

  async click(user: StandinUser, pressed: PressableButton, channelName?: string): Promise<Delivery> {
    const { button, shown } = pressed;
    // NOTE: an ephemeral message is not stored in the channel, so there is nothing to replace there.
    const responseUrl = this.responseUrl(user, {
      channelId: shown.channelId,
      ...(!shown.isEphemeral && { messageTs: shown.message.ts }),
    });
    const payload = buildMessageBlockActions({
      user: { id: user.id, name: user.name },
      button: {
        action_id: button.action_id,
        block_id: button.block_id,
        text: button.text,
        ...(button.value !== undefined && { value: button.value }),
        ...(button.url !== undefined && { url: button.url }),
      },
      message: shown.message,
      channel: { id: shown.channelId, ...(channelName !== undefined && { name: channelName }) },
      responseUrl: responseUrl.url,
      isEphemeral: shown.isEphemeral,
      triggerId: this.slack.newTriggerId(),
    });
    return this.timed(responseUrl.id, () => sendInteraction(this.botUrl, this.signingSecret, payload));
  }

  private responseUrl(user: StandinUser, target: ResponseTarget) {
    const created = this.slack.createResponseUrl({ userId: user.id, ...target });
    this.targets.set(created.id, target);
    return created;
  }

  private async timed(responseUrlId: string, send: () => Promise<SlackHttpResult>): Promise<Delivery> {
    const started = Date.now();
    const result = await send();
    return { result, responseUrlId, elapsedMs: Date.now() - started };
  }
}
