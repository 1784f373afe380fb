// After a click or a modal: show the item's new state where the click came from, refresh App Home.
import type { webApi } from "@slack/bolt";
import type { CommandResult } from "../../use-cases/command-result.ts";
import { renderCommandResult } from "../blocks/command-reply-blocks.ts";
import { section, type KnownBlock } from "../blocks/block-kit.ts";
import { message, type SlackMessage } from "../blocks/slack-message.ts";
import { replaceItemInBlocks } from "../blocks/item-buttons.ts";
import type { ClickOrigin } from "../blocks/item-modals.ts";
import type { BotContext } from "../bot-context.ts";
import { publishHome, refreshHomes } from "../home/publish-home.ts";
import { tellPrivately } from "./tell-privately.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";

type WebClient = webApi.WebClient;

export interface FeedbackContext {
  client: WebClient;
  bot: BotContext;
  userId: string;
  origin: ClickOrigin;
  /** The message's blocks when the payload carried them. */
  blocks?: KnownBlock[];
  /**
   * The message clicked in, redrawn after a change that is not an item's to patch in it (a
   * filing's step in `/shutdown forms`), with `reply` on top: its buttons stay those of now.
   */
  redraw?: (reply: SlackMessage) => Promise<SlackMessage>;
  log: (error: unknown) => void;
}

/** Posts to a response_url the way Bolt's respond() does. */
export async function postToResponseUrl(url: string, body: object): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

async function tell(ctx: FeedbackContext, reply: SlackMessage): Promise<void> {
  const { origin } = ctx;
  if (origin.responseUrl) {
    await postToResponseUrl(origin.responseUrl, { response_type: "ephemeral", replace_original: false, ...reply });
  } else {
    await tellPrivately(ctx.client, origin.channel, ctx.userId, reply);
  }
}

/** The message clicked in, replaced by `reply`; told privately when there is none to replace. */
async function replaceOrigin(ctx: FeedbackContext, reply: SlackMessage): Promise<void> {
  const { origin } = ctx;
  if (origin.ephemeral && origin.responseUrl) {
    await postToResponseUrl(origin.responseUrl, { response_type: "ephemeral", replace_original: true, ...reply });
  } else if (origin.channel && origin.ts) {
    await ctx.client.chat.update({ channel: origin.channel, ts: origin.ts, text: reply.text, blocks: reply.blocks });
  } else {
    await tell(ctx, reply);
  }
}

/** A message's blocks as Slack keeps them, read back by its channel and ts. */
export async function messageBlocks(client: WebClient, channel: string, ts: string): Promise<KnownBlock[] | undefined> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const message = history.messages?.find((m) => m.ts === ts);
  return message?.blocks as KnownBlock[] | undefined;
}

async function currentBlocks(ctx: FeedbackContext): Promise<KnownBlock[] | undefined> {
  if (ctx.blocks) return ctx.blocks;
  if (!ctx.origin.channel || !ctx.origin.ts) return undefined;
  return messageBlocks(ctx.client, ctx.origin.channel, ctx.origin.ts);
}

export async function showItemResult(ctx: FeedbackContext, result: CommandResult): Promise<void> {
  if (result.kind !== "reported") {
    const rendered = renderCommandResult(result);
    // A change other than an item's (a filing's step) redraws the list it was made in.
    if (result.kind === "done" && ctx.redraw && !ctx.origin.home) await replaceOrigin(ctx, await ctx.redraw(rendered));
    else await tell(ctx, rendered);
    // NOTE: a step that finished the unit announces it, and App Home shows it, as after a report.
    if (result.kind === "done" && result.unitKey) await refreshHomes(ctx.client, ctx.bot, result.unitKey, ctx.log);
    scheduleFollowUps(ctx.bot, result.followUps, ctx.log);
    return;
  }
  const { origin } = ctx;
  const rendered = renderCommandResult(result);
  if (origin.home) {
    await publishHome(ctx.client, ctx.bot, ctx.userId);
  } else if (origin.ephemeral && origin.responseUrl) {
    await replaceOrigin(ctx, rendered);
  } else if (origin.channel && origin.ts) {
    const blocks = await currentBlocks(ctx);
    const patched = blocks && replaceItemInBlocks(blocks, result.item, { userId: ctx.userId, at: result.now });
    if (patched) {
      const text = rendered.text;
      await ctx.client.chat.update({ channel: origin.channel, ts: origin.ts, text, blocks: patched });
    } else {
      await tell(ctx, rendered);
    }
  } else {
    await tell(ctx, rendered);
  }
  if (result.warnings.length > 0 && !origin.ephemeral) {
    const text = result.warnings.join("\n");
    await tell(ctx, message(text, [section(`⚠️ ${text}`)]));
  }
  await refreshHomes(ctx.client, ctx.bot, result.unit.key, ctx.log);
  scheduleFollowUps(ctx.bot, result.followUps, ctx.log);
}
