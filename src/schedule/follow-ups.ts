// The messages a change calls for, sent after the reply through the delivery log, each once:
// a new contact's welcome, every contact with work under a moved deadline, the coordinators' 🎉.
// Delivery-log keys: welcome:<user>:<units>:<at>, join-rejected:<request>, deadline-moved:<deadline>:<at>:<user>,
// unit-done:<unit>.
import { createDeliveryContext, deliverAll, type DeliveryContext, type DeliveryResult, keyedMessage, type Outgoing } from "./deliver.ts";
import { newClaimOwner, type OutgoingDeps } from "./outgoing-deps.ts";
import { findKeyedMessage, postKeyedMessage } from "../slack/slack-sender.ts";
import { contactsWithWorkUnder } from "../domain/pending-work.ts";
import { groupBy } from "../lib/group-by.ts";
import { unitDoneMessages } from "./unit-done.ts";
import { buildDeadlineNotice, buildWelcomeMessage } from "../slack/blocks/notice-blocks.ts";
import { joinRejectedMessage } from "../slack/blocks/join-blocks.ts";
import type { SlackMessage } from "../slack/blocks/slack-message.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { ensureDelivery, expireUnsentBefore, listUnsent, type DeliveryRecord } from "../store/delivery-repository.ts";
import type { Db } from "../store/open-store.ts";
import { type CampaignSnapshot } from "../domain/model/records.ts";
import type { FollowUp } from "../domain/follow-up.ts";

function welcomes(snapshot: CampaignSnapshot, f: Extract<FollowUp, { kind: "welcome" }>, now: Date): Outgoing[] {
  const units = snapshot.units.filter((u) => u.contacts.some((c) => c.slackUserId === f.userId)).sort((a, b) => a.position - b.position);
  if (!units.some((u) => f.unitKeys.includes(u.key))) return [];
  const contactName = units[0]!.contacts.find((c) => c.slackUserId === f.userId)!.name;
  // NOTE: the deadlines of the batches the new units are in (open ones), not every batch's.
  const newIds = new Set(units.filter((u) => f.unitKeys.includes(u.key)).map((u) => u.id));
  const closed = new Set(snapshot.batches.filter((b) => b.closedAt !== null).map((b) => b.id));
  const batchIds = new Set(snapshot.items.filter((i) => newIds.has(i.unitId) && !closed.has(i.batchId)).map((i) => i.batchId));
  const deadlines = snapshot.deadlines.filter((d) => batchIds.has(d.batchId));
  const message = buildWelcomeMessage({ contactName, units, newUnitKeys: f.unitKeys, deadlines: deadlines.length > 0 ? deadlines : snapshot.deadlines });
  return [keyedMessage(`welcome:${f.userId}:${f.unitKeys.join(",")}:${now.toISOString()}`, "welcome", f.userId, message, now)];
}

function deadlineNotices(snapshot: CampaignSnapshot, f: Extract<FollowUp, { kind: "deadline-moved" }>, now: Date): Outgoing[] {
  const deadline = snapshot.deadlines.find((d) => d.key === f.deadlineKey);
  if (!deadline) return [];
  const itemsByUnit = groupBy(snapshot.items, (i) => i.unitId);
  const unitCount = new Map<string, number>();
  for (const u of snapshot.units) for (const c of u.contacts) if (c.slackUserId) unitCount.set(c.slackUserId, (unitCount.get(c.slackUserId) ?? 0) + 1);
  return contactsWithWorkUnder(snapshot, deadline).map(({ contact, units }) => {
    const userId = contact.slackUserId!;
    const work = units.map((unit) => ({ unit, items: (itemsByUnit.get(unit.id) ?? []).filter((i) => i.batchId === deadline.batchId && deadline.tasks.includes(i.task)) }));
    const message = buildDeadlineNotice({ deadline, from: f.from, work, severalUnits: (unitCount.get(userId) ?? 1) > 1 });
    return keyedMessage(`deadline-moved:${deadline.key}:${now.toISOString()}:${userId}`, "deadline-moved", userId, message, now);
  });
}

/** Follow-ups sent as their change was made; the reminder pass sends again those still unsent. */
export const FOLLOW_UP_KINDS = ["welcome", "join-rejected", "deadline-moved"] as const;

/**
 * How long an unsent welcome or deadline notice is still worth sending: a notice days late would
 * tell of a deadline that may have moved again since; past it, expired (the reminders go on).
 */
export const FOLLOW_UP_RESEND_DAYS = 2;

/** A follow-up the delivery log holds as unsent, sent again as it was planned. */
function resent(record: DeliveryRecord): Outgoing {
  const { asOf: _asOf, ...message } = JSON.parse(record.payload) as SlackMessage & { asOf?: string };
  return {
    key: record.key,
    kind: record.kind,
    target: record.target,
    payload: JSON.parse(record.payload) as Record<string, unknown>,
    send: (client) => postKeyedMessage(client, record.target, message, record.key),
    findEarlier: (client, since) => findKeyedMessage(client, record.target, record.key, since),
  };
}

/**
 * Welcomes and deadline notices that a failed send left unsent (Slack down, the process stopped),
 * sent once now; those first planned more than FOLLOW_UP_RESEND_DAYS ago (on the delivery log's
 * real-time clock, which dated them) are expired instead.
 */
export async function resendUnsentFollowUps(ctx: DeliveryContext, db: Db): Promise<DeliveryResult[]> {
  const since = new Date(ctx.clock().getTime() - FOLLOW_UP_RESEND_DAYS * 86_400_000);
  await expireUnsentBefore(db, FOLLOW_UP_KINDS, since);
  const unsent = await listUnsent(db, FOLLOW_UP_KINDS, since);
  return unsent.length === 0 ? [] : deliverAll(ctx, unsent.map(resent));
}

/** The messages of these follow-ups, as of the store now. */
export function planFollowUps(snapshot: CampaignSnapshot, followUps: readonly FollowUp[], channel: string | undefined, now: Date): Outgoing[] {
  return followUps.flatMap((f) => {
    if (f.kind === "welcome") return welcomes(snapshot, f, now);
    if (f.kind === "join-rejected") return [keyedMessage(`join-rejected:${f.requestId}`, "join-rejected", f.userId, joinRejectedMessage(f.unitName), now)];
    if (f.kind === "deadline-moved") return deadlineNotices(snapshot, f, now);
    return unitDoneMessages(snapshot, [f.unitKey], channel, now);
  });
}

/**
 * Plans these follow-ups into the delivery log without sending them: a CLI without a Slack token
 * leaves them for the bot's next reminder pass (resendUnsentFollowUps), each still sent once.
 */
export async function queueFollowUps(deps: Pick<OutgoingDeps, "store" | "config" | "clock">, followUps: readonly FollowUp[], now: Date): Promise<number> {
  if (followUps.length === 0) return 0;
  const outgoing = planFollowUps(await readSnapshot(deps.store.db), followUps, deps.config.DIGEST_CHANNEL_ID, now);
  for (const o of outgoing) await ensureDelivery(deps.store.db, { key: o.key, kind: o.kind, target: o.target, payload: JSON.stringify(o.payload), now: deps.clock() });
  return outgoing.length;
}

/** The welcomes owed to contacts an import gave new units: one per person, naming all their new units. */
export function welcomesFor(newContacts: readonly { slackUserId: string; unitKey: string }[]): FollowUp[] {
  const byUser = groupBy(newContacts, (c) => c.slackUserId);
  return [...byUser].map(([userId, rows]) => ({ kind: "welcome", userId, unitKeys: rows.map((r) => r.unitKey) }));
}

/** `read` gives the campaign as it is now; by default through Prisma (the CLIs), the bot passes its reader. */
export async function sendFollowUps(
  deps: OutgoingDeps,
  followUps: readonly FollowUp[] | undefined,
  now: Date,
  read: () => CampaignSnapshot | Promise<CampaignSnapshot> = () => readSnapshot(deps.store.db),
): Promise<DeliveryResult[]> {
  if (!followUps || followUps.length === 0) return [];
  const snapshot = await read();
  const outgoing = planFollowUps(snapshot, followUps, deps.config.DIGEST_CHANNEL_ID, now);
  if (outgoing.length === 0) return [];
  const ctx = createDeliveryContext({ ...deps, db: deps.store.db }, newClaimOwner(), deps.delivery);
  return deliverAll(ctx, outgoing);
}

