// The DMs the stored verdicts call for, through the delivery log: a report the probes contradict
// (the evidence and what to do), a task they find done that nobody reported (a button to confirm).
import { formatQuietHours, isQuietTime } from "../domain/quiet-hours.ts";
import type { CampaignSnapshot, ItemRecord } from "../domain/model/records.ts";
import { isFinished } from "../domain/model/tasks.ts";
import { isVerifiedTask, type VerifiedTask } from "../domain/model/verification.ts";
import { confirmMessage, contradictedMessage } from "../slack/blocks/verification-blocks.ts";
import type { SlackMessage } from "../slack/blocks/slack-message.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { createDeliveryContext, deliverAll, keyedOutgoing, type DeliveryResult } from "./deliver.ts";
import { newClaimOwner, type OutgoingDeps } from "./outgoing-deps.ts";

export interface PlannedDm {
  key: string;
  kind: "verify-contradicted" | "verify-confirm";
  target: string;
  build(): SlackMessage;
}

/**
 * From the stored verdicts: a report contradicted → its contacts hear the evidence and what to
 * do; a task found done that nobody reported → they are asked to confirm. Keyed by the moment
 * the verdict changed, so each is sent once, and again only after it changed back and forth.
 */
export function planVerificationMessages(snapshot: CampaignSnapshot): PlannedDm[] {
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const planned: PlannedDm[] = [];
  for (const item of snapshot.items) {
    const v = item.verification;
    if (!isVerifiedTask(item.task) || !v || v.accepted || !v.changedAt) continue;
    const unit = units.get(item.unitId)!;
    const contradicted = v.verification === "contradicted" && item.state === "done";
    const unreported = v.verification === "confirmed" && !isFinished(item.state);
    if (!contradicted && !unreported) continue;
    const kind = contradicted ? "verify-contradicted" : "verify-confirm";
    for (const contact of unit.contacts) {
      if (!contact.slackUserId) continue;
      planned.push({
        key: `${kind}:${item.key}:${v.changedAt.toISOString()}:${contact.slackUserId}`,
        kind,
        target: contact.slackUserId,
        build: () => (contradicted ? contradictedMessage(unit.name, item) : confirmMessage(unit.name, item as ItemRecord & { task: VerifiedTask })),
      });
    }
  }
  return planned;
}

/** Sends what the verdicts call for; nothing in quiet hours (the next pass sends it then). */
export async function sendVerificationMessages(deps: OutgoingDeps, now: Date): Promise<DeliveryResult[]> {
  const planned = planVerificationMessages(await readSnapshot(deps.store.db));
  if (planned.length === 0) return [];
  if (isQuietTime(deps.config.QUIET_HOURS, now)) {
    deps.logger.info(`verification messages wait: quiet hours (${formatQuietHours(deps.config.QUIET_HOURS)})`);
    return [];
  }
  const ctx = createDeliveryContext({ ...deps, db: deps.store.db }, newClaimOwner(), deps.delivery);
  return deliverAll(
    ctx,
    planned.map((m) => keyedOutgoing(m, now)),
  );
}
