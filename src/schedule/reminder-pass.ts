// One reminder pass: plan (pure), then deliver through the delivery log. Cron and CLI run this.
import { performance } from "node:perf_hooks";
import { createDeliveryContext, deliverAll, keyedOutgoing, type DeliveryResult } from "./deliver.ts";
import { newClaimOwner, type OutgoingDeps, type PassOptions } from "./outgoing-deps.ts";
import { formatQuietHours, isQuietTime } from "../domain/quiet-hours.ts";
import { passTexts } from "../messages/reminder-messages.ts";
import { buildEscalationMessage, buildReminderMessage } from "../slack/blocks/reminder-blocks.ts";
import type { SlackMessage } from "../slack/blocks/slack-message.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { expirePending, findDeliveries } from "../store/delivery-repository.ts";
import { planReminders, type ReminderPlan } from "../domain/reminder-planner.ts";
import { unitDoneMessages } from "./unit-done.ts";
import { resendUnsentFollowUps } from "./follow-ups.ts";
import { providerQuestionMessage } from "../slack/blocks/provider-question-blocks.ts";
import { providerQuestionTexts } from "../messages/icp-filing-messages.ts";

export const REMINDER_KINDS = ["reminder", "escalation"] as const;

export interface PlannedMessage {
  key: string;
  kind: (typeof REMINDER_KINDS)[number] | "provider-question";
  target: string;
  /** Who gets it, for people reading a dry run or a log. */
  label: string;
  /**
   * Builds the message. NOTE: built when it is sent (or shown), never all at once: a large
   * campaign's messages held together cost gigabytes, and their garbage collection time grew
   * faster than the campaign.
   */
  build(): SlackMessage;
  /** The delivery log already has it as sent. */
  alreadySent: boolean;
}

export interface ReminderPassReport {
  day: string;
  plan: ReminderPlan;
  messages: PlannedMessage[];
  /** Nothing was sent: quiet hours. */
  quiet: boolean;
  /** Escalation planned but DIGEST_CHANNEL_ID is not set. */
  noChannel: boolean;
  results: DeliveryResult[];
  /** 🎉 lines of finished units that had not gone out yet (a unit finished from the CLI, a failed send). */
  announced: DeliveryResult[];
  /** Welcomes and deadline notices a failed send had left unsent, sent now. */
  followedUp: DeliveryResult[];
}

/** The Shanghai day inside a key "kind:YYYY-MM-DD:…". */
function dayOfKey(key: string): string {
  return key.split(":")[1] ?? "";
}

/** The messages of a plan; the escalation only when there is a channel (or `channelId` is a placeholder). */
export function planMessages(plan: ReminderPlan, channelId: string | undefined): Omit<PlannedMessage, "alreadySent">[] {
  // The provider question goes first: it comes before the unit's first ICP reminder.
  const questions: Omit<PlannedMessage, "alreadySent">[] = plan.providerQuestions.map((q) => ({
    key: q.key,
    kind: "provider-question",
    target: q.userId,
    label: providerQuestionTexts.dmTo(q.unit.name, q.userId),
    build: () => providerQuestionMessage(q.unit),
  }));
  const messages: Omit<PlannedMessage, "alreadySent">[] = questions;
  messages.push(...plan.reminders.map((r) => ({
    key: r.key,
    kind: "reminder" as const,
    target: r.userId,
    label: passTexts.dmTo(r.contactName, r.userId),
    build: () => buildReminderMessage(r, plan.now),
  })));
  const escalation = plan.escalation;
  if (escalation && channelId) {
    messages.push({
      key: escalation.key,
      kind: "escalation",
      target: channelId,
      label: passTexts.channelTo(channelId),
      build: () => buildEscalationMessage(escalation, plan.now),
    });
  }
  return messages;
}


export async function runReminderPass(deps: OutgoingDeps, now: Date, options: PassOptions = {}): Promise<ReminderPassReport> {
  const db = deps.store.db;
  const snapshot = await readSnapshot(db);
  const plan = planReminders(snapshot, now);
  const channelId = deps.config.DIGEST_CHANNEL_ID;
  const known = await findDeliveries(db, [...plan.providerQuestions.map((q) => q.key), ...plan.reminders.map((r) => r.key), ...(plan.escalation ? [plan.escalation.key] : [])]);
  // A dry run shows the escalation even without a channel, so the gap is seen before going live.
  const shownChannel = channelId ?? (options.dryRun ? passTexts.unsetChannel : undefined);
  const messages = planMessages(plan, shownChannel).map((m) => ({ ...m, alreadySent: known.get(m.key)?.status === "sent" }));
  const quiet = isQuietTime(deps.config.QUIET_HOURS, now);
  const report: ReminderPassReport = { day: plan.day, plan, messages, quiet, noChannel: Boolean(plan.escalation && !channelId), results: [], announced: [], followedUp: [] };
  if (options.dryRun) return report;
  if (report.noChannel) deps.logger.warn(passTexts.noChannel);
  if (quiet) {
    deps.logger.info(passTexts.quiet(formatQuietHours(deps.config.QUIET_HOURS)));
    return report;
  }

  // Yesterday's unsent reminders would be out of date: today's pass plans afresh.
  await expirePending(db, REMINDER_KINDS, (key) => dayOfKey(key) < plan.day);
  const started = performance.now();
  const stillAllowed = () =>
    !options.signal?.aborted && !isQuietTime(deps.config.QUIET_HOURS, new Date(now.getTime() + performance.now() - started));
  const ctx = createDeliveryContext({ ...deps, db }, newClaimOwner(), deps.delivery, stillAllowed);
  report.results = await deliverAll(
    ctx,
    messages.map((m) => keyedOutgoing(m, now)),
  );
  report.announced = await deliverAll(ctx, unitDoneMessages(snapshot, "all", channelId, now));
  report.followedUp = await resendUnsentFollowUps(ctx, db);
  const count = (o: DeliveryResult["outcome"]) => report.results.filter((r) => r.outcome === o).length;
  deps.logger.info(
    `reminder pass ${plan.day}: ${messages.length} planned, ${count("sent")} sent, ${count("already-sent")} already sent, ` +
      `${count("failed") + count("not-attempted")} left pending, ${count("elsewhere")} in another process, ` +
      `${count("undeliverable")} refused by Slack for good`,
  );
  return report;
}
