// Reporting one item, from a typed command, a button or a modal: same rules, same audit.
import { DomainError } from "../domain/errors.ts";
import type { AuditSource, ItemRecord } from "../domain/model/records.ts";
import { decideReport, type ReportRequest } from "../domain/report-rules.ts";
import { commandPrefix, isRegistered, targetUnit, type Caller } from "../domain/access.ts";
import { listItems } from "../store/campaign-repository.ts";
import { applyItemChange } from "../store/change-repository.ts";
import { claimRequest } from "../store/request-repository.ts";
import { inSqlTransaction, type StoreBusyNotice } from "../store/transaction.ts";
import { findItemUnitKey } from "../store/unit-repository.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import { justFinished } from "../domain/model/tasks.ts";
import type { CommandResult } from "./command-result.ts";
import type { CommandDeps } from "./command-deps.ts";
import { refusalOf } from "./refusal.ts";
import { reportFiling, type FilingReportRequest, type ReportScene } from "./report-filing.ts";
import type { SqlRunner } from "../store/sql-tx.ts";
import { ErrorCode } from "../domain/error-codes.ts";
import type { FilingRequest } from "../domain/model/icp-steps.ts";

export interface ReportContext {
  now: Date;
  source: AuditSource;
  requestKey?: string;
  /** The reply kept with the request key; see CommandInput. */
  replyOf?: (result: CommandResult) => string;
  /** How long to wait for a busy store (default BUSY_RETRY_MS); a modal must answer within Slack's 3 s. */
  storeWaitMs?: number;
  /** Told once when the write finds the store busy. */
  onStoreBusy?: StoreBusyNotice;
}

export async function reportItem(deps: Pick<CommandDeps, "db" | "reader">, caller: Caller, unitKey: string, req: FilingReportRequest, ctx: ReportContext): Promise<CommandResult> {
  // Units are never deleted and their ids never change, so reading one outside the transaction is safe.
  const unit = (await deps.reader.unit(unitKey))!;
  const deadlines = await deps.reader.deadlines();
  const prefix = commandPrefix(caller, unit);
  const who = { actor: caller.userId, source: ctx.source, now: ctx.now };
  // NOTE: SQL only, so made with the driver alone (decision 024): reports are most of the bot's writes.
  return inSqlTransaction(deps.db, async (tx) => {
    // The items are read inside the transaction: the change is decided on what it replaces.
    // NOTE: locked for the change (PostgreSQL): a report on the same unit elsewhere waits for this one.
    const items = await listItems(tx, { unitId: unit.id, forChange: true });
    const scene = { caller, unit, items, deadlines, prefix, who };
    const result = req.task === "icp" ? await reportFiling(tx, scene, req) : await reportOtherItem(tx, scene, req);
    // NOTE: claimed last, with its reply: a second delivery fails here and rolls the change back.
    if (ctx.requestKey) await claimRequest(tx, ctx.requestKey, ctx.now, ctx.replyOf?.(result) ?? "");
    return result;
  }, ctx.storeWaitMs, ctx.onStoreBusy);
}

/** A report about any item but an ICP filing's. */
async function reportOtherItem(tx: SqlRunner, scene: ReportScene, req: ReportRequest): Promise<CommandResult> {
  const { unit, items, deadlines, prefix, who } = scene;
  const change = decideReport(unit, items, req, { now: who.now, deadlines, prefix });
  if (!change) return { kind: "unchanged", text: rm.itemUnchanged(unit.name, req.task, req.state) };
  const item = await applyItemChange(tx, change, who);
  const after = items.map((i) => (i.id === item.id ? item : i));
  return {
    kind: "reported",
    unit,
    item,
    from: change.item.state,
    warnings: change.warnings,
    items: after,
    deadlines: [...deadlines],
    now: who.now,
    prefix,
    // Only the change that finishes the unit announces it (the delivery log keeps it to once).
    ...(justFinished(items, after) && { followUps: [{ kind: "unit-done", unitKey: unit.key }] }),
  };
}

/** A report about an item named by its key (buttons, modals), checked against who is asking. */
export async function reportItemByKey(
  deps: Pick<CommandDeps, "db" | "reader" | "envCoordinators">,
  input: { userId: string; itemKey: string; step?: FilingRequest } & Omit<ReportRequest, "task" | "domain"> & ReportContext,
): Promise<CommandResult> {
  try {
    const target = await findItemUnitKey(deps.db, input.itemKey);
    if (!target) throw new DomainError(ErrorCode.NoSuchItem, rm.itemGone);
    const caller = await deps.reader.caller(input.userId, deps.envCoordinators);
    if (!isRegistered(caller)) return { kind: "not-registered", userId: caller.userId };
    const unitKey = targetUnit(caller, target.unitKey, "status");
    const req: FilingReportRequest = { state: input.state, task: target.task, domain: target.domain ?? undefined, method: input.method, note: input.note, itemKey: input.itemKey, ...(input.step && { step: input.step }) };
    return await reportItem(deps, caller, unitKey, req, input);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

export type ItemAccess =
  | { kind: "ok"; item: ItemRecord; unitName: string }
  | { kind: "refused"; result: CommandResult };

/** The item a button names, if the caller may change it; checked before any modal opens. */
export async function loadItemForCaller(deps: Pick<CommandDeps, "db" | "reader" | "envCoordinators">, userId: string, itemKey: string): Promise<ItemAccess> {
  try {
    const target = await findItemUnitKey(deps.db, itemKey);
    if (!target) throw new DomainError(ErrorCode.NoSuchItem, rm.itemGone);
    const caller = await deps.reader.caller(userId, deps.envCoordinators);
    if (!isRegistered(caller)) return { kind: "refused", result: { kind: "not-registered", userId } };
    targetUnit(caller, target.unitKey, "status");
    const { unit, items } = (await deps.reader.unitWithItems(target.unitKey))!;
    return { kind: "ok", item: items.find((i) => i.key === itemKey)!, unitName: unit.name };
  } catch (error) {
    if (error instanceof DomainError) return { kind: "refused", result: { kind: "error", code: error.code, message: error.message, hint: error.hint } };
    throw error;
  }
}
