// The checklist form's submission: read with zod, problems shown next to their fields.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { applyChecklistForm } from "../../app/apply-checklist-form.ts";
import type { ChecklistFormInput } from "../../domain/checklist-form.ts";
import { BUTTON_REPLY } from "../../messages/button-messages.ts";
import { context, message, section } from "../blocks/block-kit.ts";
import { CHECKLIST_FORM_CALLBACK } from "../blocks/checklist-form.ts";
import type { BotContext } from "../bot-context.ts";
import { refreshHomes } from "../home/publish-home.ts";
import { scheduleFollowUps } from "./follow-up-sender.ts";

const Choice = z.enum(["todo", "doing", "done", "blocked", "na", "done_cancelled", "done_dns"]);
const TriState = z.enum(["yes", "no", "unknown"]).transform((v) => (v === "unknown" ? null : v === "yes"));
const Provider = z.enum(["local", "other", "unknown"]).transform((v) => (v === "unknown" ? null : v === "local"));
const MetadataSchema = z.object({ unitKey: z.string(), channel: z.string().optional() });

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

export function register(app: App, bot: BotContext): void {
  app.view(CHECKLIST_FORM_CALLBACK, async ({ ack, body, view, client, logger }) => {
    const metadata = MetadataSchema.parse(JSON.parse(view.private_metadata));
    const userId = body.user.id;
    const outcome = await applyChecklistForm(
      { db: bot.store.db, envCoordinators: bot.config.COORDINATOR_USER_IDS },
      { userId, unitKey: metadata.unitKey, form: readChecklistForm(view.state.values as StateValues), now: bot.clock() },
    );
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
    const reply = message([confirmation, ...outcome.notes].join("\n"), [section(`✅ ${confirmation}`), ...outcome.notes.map((n) => context(`ℹ️ ${n}`))]);
    try {
      if (!metadata.channel) throw new Error("no channel");
      await client.chat.postEphemeral({ channel: metadata.channel, user: userId, ...reply });
    } catch {
      await client.chat.postMessage({ channel: userId, ...reply });
    }
    if (outcome.changes > 0) await refreshHomes(client, bot, outcome.unitKey, (e) => logger.error(e));
    scheduleFollowUps(bot, outcome.followUps, (e) => logger.error(e));
  });
}
