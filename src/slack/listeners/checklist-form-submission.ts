// The checklist form's submission: read with zod, problems shown next to their fields.
import type { webApi } from "@slack/bolt";
import type { Listeners } from "../listener-router.ts";
import { z } from "zod";
import { applyChecklistForm } from "../../use-cases/apply-checklist-form.ts";
import type { ChecklistFormInput } from "../../domain/checklist-form.ts";
import { BUTTON_REPLY } from "../../messages/button-messages.ts";
import { context, section } from "../blocks/block-kit.ts";
import { message } from "../blocks/slack-message.ts";
import { CHECKLIST_FORM_CALLBACK } from "../blocks/checklist-form.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { resultMessages } from "../../messages/result-messages.ts";
import { isStoreBusy, isStoreFault } from "../../store/transaction.ts";
import { MODAL_STORE_WAIT_MS } from "./item-modal-submissions.ts";
import { fits, roomFor } from "../blocks/message-budget.ts";
import { refreshPendingCount } from "../blocks/pending-count.ts";
import { pendingGroups, replaceUnitInBlocks, unitSummaryBlock } from "../blocks/unit-summary-blocks.ts";
import { messageBlocks } from "./item-feedback.ts";
import { tellPrivately } from "./tell-privately.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";
import { joinMd, md } from "../../messages/mrkdwn.ts";

const Choice = z.enum(["todo", "doing", "done", "blocked", "na", "done_cancelled", "done_dns"]);
const TriState = z.enum(["yes", "no", "unknown"]).transform((v) => (v === "unknown" ? null : v === "yes"));
const Provider = z.enum(["local", "other", "unknown"]).transform((v) => (v === "unknown" ? null : v === "local"));
const MetadataSchema = z.object({ unitKey: z.string(), channel: z.string().optional(), ts: z.string().optional() });

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

const text = (values: StateValues, blockId: string) => (values[blockId]?.value?.value ?? "").trim() || null;
const selected = (values: StateValues, blockId: string) => values[blockId]?.value?.selected_option?.value;

export function readChecklistForm(values: StateValues): ChecklistFormInput {
  const items = Object.keys(values)
    .filter((id) => id.startsWith("state:"))
    .map((id) => {
      const key = id.slice("state:".length);
      return { key, choice: Choice.parse(selected(values, id)), note: text(values, `note:${key}`) };
    });
  return {
    items,
    facts: {
      localTelecom: Provider.parse(selected(values, "provider") ?? "unknown"),
      icpNumber: text(values, "icp"),
      secondLevel: TriState.parse(selected(values, "secondlevel") ?? "unknown"),
      migrateData: TriState.parse(selected(values, "migrate") ?? "unknown"),
    },
  };
}

const FACT_BLOCK: Record<string, string> = { icpNumber: "icp", localTelecom: "provider", secondLevel: "secondlevel", migrateData: "migrate" };

export function register(app: Listeners, bot: BotContext): void {
  app.view(CHECKLIST_FORM_CALLBACK, async ({ ack, body, view, client, logger }) => {
    const metadata = MetadataSchema.parse(JSON.parse(view.private_metadata));
    const userId = body.user.id;
    const outcome = await applyChecklistForm(
      { db: bot.store.db, envCoordinators: bot.config.COORDINATOR_USER_IDS },
      { userId, unitKey: metadata.unitKey, form: readChecklistForm(view.state.values as StateValues), now: bot.clock(), storeWaitMs: MODAL_STORE_WAIT_MS },
    ).catch((error: unknown) => {
      if (!isStoreBusy(error) && !isStoreFault(error)) throw error;
      return { kind: "refused" as const, message: isStoreBusy(error) ? resultMessages.storeBusy : resultMessages.storeFault };
    });
    if (outcome.kind === "invalid") {
      const errors = Object.fromEntries(
        outcome.errors.map((e) => [e.part === "fact" ? FACT_BLOCK[e.field]! : `${e.part}:${e.field}`, e.message]),
      );
      await ack({ response_action: "errors", errors });
      return;
    }
    if (outcome.kind === "refused") {
      const first = view.blocks.find((b) => b.type === "input")?.block_id ?? "provider";
      await ack({ response_action: "errors", errors: { [first]: outcome.message } });
      return;
    }
    await ack();
    const confirmation = BUTTON_REPLY.formSaved(outcome.unitName, outcome.changes);
    const reply = message(joinMd([confirmation, ...outcome.notes], "\n"), [section(`✅ ${confirmation}`), ...outcome.notes.map((n) => context(md`ℹ️ ${n}`))]);
    await tellPrivately(client, metadata.channel, userId, reply);
    scheduleFollowUps(bot, outcome.followUps, (e) => logger.error(e));
    if (outcome.changes === 0) return;
    if (metadata.channel && metadata.ts) {
      try {
        await redoUnitLine(client, bot, metadata.channel, metadata.ts, outcome.unitKey);
      } catch (error) {
        logger.error("updating the unit's line after the form failed", error);
      }
    }
    await refreshHomes(client, bot, outcome.unitKey, (e) => logger.error(e));
  });
}

/** The message the form was opened from (a reminder) shows the unit's new count, and its total. */
async function redoUnitLine(client: webApi.WebClient, bot: BotContext, channel: string, ts: string, unitKey: string): Promise<void> {
  const blocks = await messageBlocks(client, channel, ts);
  const loaded = await bot.store.reader.unitWithItems(unitKey);
  if (!blocks || !loaded) return;
  const line = unitSummaryBlock(loaded.unit, pendingGroups(loaded.items, await bot.store.reader.deadlines()), bot.clock(), { hint: true });
  const replaced = replaceUnitInBlocks(blocks, line, unitKey);
  if (!replaced) return;
  const updated = refreshPendingCount(replaced);
  if (!fits(updated, roomFor("message"))) return;
  await client.chat.update({ channel, ts, blocks: updated });
}
