// What a /shutdown use case is given: the store, the campaign as read, and what the bot can send.
// The composition root (src/app/start-bot.ts) wires it; tests build it with a real store.
import type { AuditSource } from "../domain/model/records.ts";
import type { CampaignReader } from "../store/campaign-reader.ts";
import type { Db } from "../store/open-store.ts";
import type { StoreBusyNotice } from "../store/transaction.ts";
import type { CommandResult } from "./command-result.ts";
import type { JoinNotifier } from "./join-unit.ts";
import type { VerificationRunReport } from "../verification/run-report.ts";

/** What the bot sends when asked (the digest, the export), through the delivery log. */
export interface Outbox {
  postDigest(now: Date): Promise<{ channel: string }>;
  /** The digest as it would be posted now, sent nowhere. */
  previewDigest(now: Date): Promise<{ text: string; blocks: unknown[] }>;
  sendExport(userId: string, now: Date, format: "xlsx" | "csv"): Promise<void>;
  /** Files to the user's DM (the 附件4 forms), each through the delivery log, in order. */
  sendFiles(userId: string, files: readonly FileToSend[], now: Date): Promise<void>;
}

export interface FileToSend {
  filename: string;
  title: string;
  content: Buffer;
  /** Said with the file in the DM. */
  comment?: string;
}

/** Runs the probes now (`/shutdown verify`); absent when VERIFY=off. */
export interface Verifier {
  verify(scope: { unitKey?: string; domain?: string }, now: Date, actor: string): Promise<VerificationRunReport>;
}

export interface CommandDeps {
  db: Db;
  reader: CampaignReader;
  envCoordinators: readonly string[];
  /** A Slack user's display name, for a new contact's record. */
  userName(userId: string): Promise<string>;
  /** Posts a join request for the coordinators; absent when no coordinators' channel is set. */
  notifyJoinRequest?: JoinNotifier;
  /** Absent where nothing can be sent: then no digest, no export, and no follow-up messages. */
  outbox?: Outbox;
  verifier?: Verifier;
}

export interface CommandInput {
  userId: string;
  text: string;
  now: Date;
  source: AuditSource;
  /** Identifies one delivery of one request: a retry carries the same key and is not applied twice. */
  requestKey?: string;
  /** The reply to keep with the request key, so a retry is answered the same; saved with the change. */
  replyOf?: (result: CommandResult) => string;
  /** Told once when a write finds the store busy (the listener then acks 正在处理 at once). */
  onStoreBusy?: StoreBusyNotice;
}
