// Posting the digest: once a day on the cron (keyed in the delivery log), or whenever asked.
import { randomUUID } from "node:crypto";
import { shanghaiDay } from "../domain/model/calendar.ts";
import { DomainError } from "../domain/errors.ts";
import { createDeliveryContext, deliverOne, keyedMessage, type DeliveryResult, type Outgoing } from "./deliver.ts";
import { newClaimOwner, type OutgoingDeps, type PassOptions } from "./outgoing-deps.ts";
import { formatQuietHours, isQuietTime } from "../domain/quiet-hours.ts";
import { uploadFile, type Sent } from "../slack/slack-sender.ts";
import { buildStatusRows, formatStatusRows } from "../export/status-export.ts";
import { buildStatusWorkbook } from "../export/status-workbook.ts";
import { digestTexts } from "../messages/digest-messages.ts";
import { message, type SlackMessage } from "../slack/blocks/slack-message.ts";
import { listAudit } from "../store/audit-repository.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { type CampaignSnapshot } from "../domain/model/records.ts";
import { findDelivery, lastSent, listUndeliverable } from "../store/delivery-repository.ts";
import { listCoordinators } from "../store/caller-repository.ts";
import { lastPasses } from "../store/verification-repository.ts";
import { undeliveredLine, undeliveredTexts } from "../messages/undelivered-messages.ts";
import { joinMd } from "../messages/mrkdwn.ts";
import { section } from "../slack/blocks/block-kit.ts";
import type { Db } from "../store/open-store.ts";
import { buildDigest, type Digest } from "../slack/blocks/digest-blocks.ts";
import { ErrorCode } from "../domain/error-codes.ts";
import { resultMessages } from "../messages/result-messages.ts";

/** Kinds of posted digests: "since the last digest" counts both. */
export const DIGEST_KINDS = ["digest", "digest-now"] as const;

export function digestKey(day: string): string {
  return `digest:${day}`;
}

/** The moment a posted digest spoke of (its payload's asOf), else when it was sent. */
function asOfOf(payload: string, sentAt: Date | null): Date | null {
  try {
    const asOf = (JSON.parse(payload) as { asOf?: string }).asOf;
    if (asOf) return new Date(asOf);
  } catch {
    // an unreadable payload falls back to sentAt
  }
  return sentAt;
}

/** The digest as of `now`, with the changes since the last posted one. */
export async function composeDigest(db: Db, now: Date, options: { preview?: boolean } = {}): Promise<{ digest: Digest; snapshot: CampaignSnapshot }> {
  const snapshot = await readSnapshot(db);
  const last = await lastSent(db, DIGEST_KINDS);
  const since = last ? asOfOf(last.payload, last.sentAt) : null;
  const entries = await listAudit(db, { since: since ?? undefined, until: now });
  const undelivered = (await listUndeliverable(db, since)).map((d) => ({ key: d.key, kind: d.kind, target: d.target, error: d.lastError ?? "unknown_error" }));
  const lastPass = (await lastPasses(db)).last;
  const verificationOffline = lastPass?.offline ? lastPass.at : null;
  return { digest: buildDigest(snapshot, { since, entries }, now, { ...options, undelivered, verificationOffline }), snapshot };
}

function statusCsv(snapshot: CampaignSnapshot): string {
  return formatStatusRows(buildStatusRows(snapshot), "csv");
}

function fileOutgoing(key: string, kind: string, target: string, file: { content: string | Buffer; format: "csv" | "xlsx" }, day: string, threadTs?: string): Outgoing {
  const filename = digestTexts.fileName(day, file.format);
  return {
    key,
    kind,
    target,
    payload: { filename, bytes: Buffer.byteLength(file.content), threadTs },
    send: (client) =>
      uploadFile(client, target, {
        filename,
        title: digestTexts.fileTitle(day),
        content: file.content,
        comment: file.format === "xlsx" ? digestTexts.xlsxComment : digestTexts.csvComment,
        threadTs,
      }),
  };
}

export interface DigestReport {
  day: string;
  digest: Digest | null;
  /** Today's scheduled digest had been posted before: nothing posted now. */
  alreadySent: boolean;
  quiet: boolean;
  noChannel: boolean;
  results: DeliveryResult[];
}

/** The scheduled digest: posted once a day, across restarts and processes. */
export async function runDigest(deps: OutgoingDeps, now: Date, options: PassOptions = {}): Promise<DigestReport> {
  const db = deps.store.db;
  const day = shanghaiDay(now);
  const channel = deps.config.DIGEST_CHANNEL_ID;
  const report: DigestReport = { day, digest: null, alreadySent: false, quiet: false, noChannel: !channel, results: [] };
  if (!channel && !options.dryRun) {
    deps.logger.warn(digestTexts.noChannel);
    return report;
  }
  const key = digestKey(day);
  const earlier = await findDelivery(db, key);
  report.alreadySent = earlier?.status === "sent";
  const { digest, snapshot } = await composeDigest(db, now);
  report.digest = digest;
  if (options.dryRun || !channel) return report;
  if (isQuietTime(deps.config.QUIET_HOURS, now)) {
    report.quiet = true;
    deps.logger.info(digestTexts.quiet(formatQuietHours(deps.config.QUIET_HOURS)));
    return report;
  }
  const ctx = createDeliveryContext({ ...deps, db }, newClaimOwner(), deps.delivery, () => !options.signal?.aborted);
  let posted: Sent | null = earlier?.status === "sent" && earlier.ts ? { channel: earlier.channel ?? channel, ts: earlier.ts } : null;
  if (!posted) {
    const result = await deliverOne(ctx, keyedMessage(key, "digest", channel, digest.message, now));
    report.results.push(result);
    posted = result.sent ?? null;
    if (result.outcome === "undeliverable") report.results.push(...(await tellCoordinatorsDigestFailed(deps, ctx, { key, day, channel, error: result.error ?? "", digest, now })));
  }
  if (posted && digest.truncated) {
    report.results.push(await deliverOne(ctx, fileOutgoing(`${key}:csv`, "digest-file", channel, { content: statusCsv(snapshot), format: "csv" }, day, posted.ts)));
  }
  return report;
}

/**
 * The digest itself was refused for good (the bot is not in the channel…): each coordinator gets a
 * DM saying so, with what else could not be sent. Keyed per digest and coordinator: sent once.
 */
async function tellCoordinatorsDigestFailed(
  deps: OutgoingDeps,
  ctx: ReturnType<typeof createDeliveryContext>,
  failed: { key: string; day: string; channel: string; error: string; digest: Digest; now: Date },
): Promise<DeliveryResult[]> {
  const { fromEnvironment, addedAtRunTime } = await listCoordinators(deps.store.db, deps.config.COORDINATOR_USER_IDS ?? []);
  const others = failed.digest.summary.undelivered.filter((u) => u.key !== failed.key);
  const text = joinMd(
    [
      undeliveredTexts.digestFailed(failed.channel, failed.day, failed.error),
      ...(others.length > 0 ? [undeliveredTexts.alsoUndelivered, ...others.slice(0, 20).map(undeliveredLine), ...(others.length > 20 ? [undeliveredTexts.omitted(others.length - 20)] : [])] : []),
    ],
    "\n",
  );
  const notice = message(text, [section(text)]);
  const results: DeliveryResult[] = [];
  for (const userId of [...fromEnvironment, ...addedAtRunTime]) {
    const noticeKey = `notice:${failed.key}:${userId}`;
    results.push(await deliverOne(ctx, keyedMessage(noticeKey, "notice", userId, notice, failed.now)));
  }
  if (results.length === 0) deps.logger.error(`${failed.key} could not be posted (${failed.error}) and no coordinator is known to tell`);
  return results;
}

function requireChannel(deps: OutgoingDeps): string {
  const channel = deps.config.DIGEST_CHANNEL_ID;
  if (!channel) throw new DomainError(ErrorCode.NoDigestChannel, digestTexts.noChannel);
  return channel;
}

function failed(result: DeliveryResult): never {
  throw new DomainError(ErrorCode.SlackSendFailed, resultMessages.sendFailed(result.error ?? result.outcome));
}

/** `/shutdown digest`: posts a digest now, whatever was posted today. */
export async function postDigestNow(deps: OutgoingDeps, now: Date): Promise<{ channel: string; ts: string; digest: Digest }> {
  const channel = requireChannel(deps);
  const db = deps.store.db;
  const { digest, snapshot } = await composeDigest(db, now);
  const ctx = createDeliveryContext({ ...deps, db }, newClaimOwner(), deps.delivery);
  const key = `digest-now:${now.toISOString()}:${randomUUID().slice(0, 8)}`;
  const result = await deliverOne(ctx, keyedMessage(key, "digest-now", channel, digest.message, now));
  if (!result.sent) failed(result);
  if (digest.truncated) {
    await deliverOne(ctx, fileOutgoing(`${key}:csv`, "digest-file", channel, { content: statusCsv(snapshot), format: "csv" }, shanghaiDay(now), result.sent.ts));
  }
  return { ...result.sent, digest };
}

/** `/shutdown digest preview`: the digest's blocks for an ephemeral reply; nothing posted or recorded. */
export async function previewDigest(deps: Pick<OutgoingDeps, "store">, now: Date): Promise<SlackMessage> {
  const { digest } = await composeDigest(deps.store.db, now, { preview: true });
  return digest.message;
}

/**
 * `/shutdown export`: the status as a file in the user's DM — the Excel report (the same file as
 * `npm run export -- --format xlsx`), or the CSV (as `npm run export` prints it).
 */
export async function sendExportToUser(deps: OutgoingDeps, userId: string, now: Date, format: "xlsx" | "csv" = "xlsx"): Promise<{ channel: string; fileId: string }> {
  const db = deps.store.db;
  const snapshot = await readSnapshot(db);
  const ctx = createDeliveryContext({ ...deps, db }, newClaimOwner(), deps.delivery);
  const key = `export:${userId}:${now.toISOString()}:${randomUUID().slice(0, 8)}`;
  const content = format === "xlsx" ? await buildStatusWorkbook(snapshot, now) : statusCsv(snapshot);
  const result = await deliverOne(ctx, fileOutgoing(key, "export-file", userId, { content, format }, shanghaiDay(now)));
  if (!result.sent) failed(result);
  return { channel: result.sent.channel, fileId: result.sent.ts };
}

/** Files to a user's DM (the 附件4 forms), each claimed in the delivery log before it is uploaded. */
export async function sendFilesToUser(
  deps: OutgoingDeps,
  userId: string,
  files: readonly { filename: string; title: string; content: Buffer; comment?: string }[],
  now: Date,
  kind = "icp-form",
): Promise<void> {
  const db = deps.store.db;
  const ctx = createDeliveryContext({ ...deps, db }, newClaimOwner(), deps.delivery);
  const batch = `${kind}:${userId}:${now.toISOString()}:${randomUUID().slice(0, 8)}`;
  for (const [i, file] of files.entries()) {
    const outgoing: Outgoing = {
      key: `${batch}:${i + 1}`,
      kind,
      target: userId,
      payload: { filename: file.filename, bytes: file.content.byteLength },
      send: (client) => uploadFile(client, userId, file),
    };
    const result = await deliverOne(ctx, outgoing);
    if (!result.sent) failed(result);
  }
}
