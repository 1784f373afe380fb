// The messages a change calls for, sent after the reply through the delivery log, each once:
// a new contact's welcome, every contact with work under a moved deadline, the coordinators' 🎉.
// Delivery-log keys: welcome:<user>:<units>:<at>, deadline-moved:<deadline>:<at>:<user>, unit-done:<unit>.
import { createDeliveryContext, deliverAll, type DeliveryResult, type Outgoing } from "./deliver.ts";
import { newClaimOwner, type OutgoingDeps } from "./outgoing-deps.ts";
import { findKeyedMessage, postKeyedMessage } from "../slack/slack-sender.ts";
import { contactsWithWorkUnder } from "../domain/pending-work.ts";
import { groupBy } from "../lib/group-by.ts";
import { unitDoneMessages } from "./unit-done.ts";
import { buildDeadlineNotice, buildWelcomeMessage } from "../slack/blocks/notice-blocks.ts";
import type { SlackMessage } from "../slack/blocks/slack-message.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { type CampaignSnapshot } from "../domain/model/records.ts";
import type { FollowUp } from "../domain/follow-up.ts";

function keyed(key: string, kind: string, target: string, message: SlackMessage, now: Date): Outgoing {
  return {
    key,
    kind,
    target,
    payload: { asOf: now.toISOString(), ...message },
    send: (client) => postKeyedMessage(client, target, message, key),
    findEarlier: (client, since) => findKeyedMessage(client, target, key, since),
  };
}

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
  return [keyed(`welcome:${f.userId}:${f.unitKeys.join(",")}:${now.toISOString()}`, "welcome", f.userId, message, now)];
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
    return keyed(`deadline-moved:${deadline.key}:${now.toISOString()}:${userId}`, "deadline-moved", userId, message, now);
  });
}

/** The messages of these follow-ups, as of the store now. */
export function planFollowUps(snapshot: CampaignSnapshot, followUps: readonly FollowUp[], channel: string | undefined, now: Date): Outgoing[] {
  return followUps.flatMap((f) => {
    if (f.kind === "welcome") return welcomes(snapshot, f, now);
    if (f.kind === "deadline-moved") return deadlineNotices(snapshot, f, now);
    return unitDoneMessages(snapshot, [f.unitKey], channel, now);
  });
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

