// Reporting one item, from a typed command, a button or a modal: same rules, same audit.
import { DomainError } from "../domain/errors.ts";
import type { AuditSource, ItemRecord } from "../domain/model.ts";
import { decideReport, type ReportRequest } from "../domain/report-rules.ts";
import { findCaller, type Caller } from "../store/caller-repository.ts";
import { listDeadlines } from "../store/campaign-repository.ts";
import { applyItemChange } from "../store/change-repository.ts";
import { claimRequest, isAlreadyClaimed } from "../store/request-repository.ts";
import { inTransaction } from "../store/transaction.ts";
import { findItemUnitKey, loadUnitWithItems } from "../store/unit-repository.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import { isRegistered, targetUnit } from "./caller-access.ts";
import type { CommandResult } from "./command-result.ts";
import type { CommandDeps } from "./run-command.ts";

export interface ReportContext {
  now: Date;
  source: AuditSource;
  requestKey?: string;
}

export async function reportItem(deps: Pick<CommandDeps, "db">, caller: Caller, unitKey: string, req: ReportRequest, ctx: ReportContext): Promise<CommandResult> {
  return inTransaction(deps.db, async (tx) => {
    if (ctx.requestKey) await claimRequest(tx, ctx.requestKey, ctx.now);
    const { unit, items } = (await loadUnitWithItems(tx, unitKey))!;
    const change = decideReport(unit, items, req);
    if (!change) return { kind: "unchanged", text: rm.itemUnchanged(unit.name, req.task, req.state) };
    await applyItemChange(tx, change, { actor: caller.userId, source: ctx.source, now: ctx.now });
    const after = (await loadUnitWithItems(tx, unitKey))!;
    return {
      kind: "reported",
      unit,
      item: after.items.find((i) => i.id === change.item.id)!,
      from: change.item.state,
      warnings: change.warnings,
      items: after.items,
      deadlines: await listDeadlines(tx),
      now: ctx.now,
    };
  });
}

/** A report about an item named by its key (buttons, modals), checked against who is asking. */
export async function reportItemByKey(
  deps: Pick<CommandDeps, "db" | "envCoordinators">,
  input: { userId: string; itemKey: string } & Omit<ReportRequest, "task" | "domain"> & ReportContext,
): Promise<CommandResult> {
  try {
    const target = await findItemUnitKey(deps.db, input.itemKey);
    if (!target) throw new DomainError("no_such_item", "这个事项已不存在，请输入 /shutdown status 查看最新清单。");
    const caller = await findCaller(deps.db, input.userId, deps.envCoordinators);
    if (!isRegistered(caller)) return { kind: "not-registered", userId: caller.userId };
    const unitKey = targetUnit(caller, target.unitKey, "status");
    const req: ReportRequest = { state: input.state, task: target.task, domain: target.domain ?? undefined, method: input.method, note: input.note };
    return await reportItem(deps, caller, unitKey, req, input);
  } catch (error) {
    if (error instanceof DomainError) return { kind: "error", code: error.code, message: error.message, hint: error.hint };
    if (isAlreadyClaimed(error)) return { kind: "unchanged", text: rm.duplicateRequest };
    throw error;
  }
}

export type ItemAccess =
  | { kind: "ok"; item: ItemRecord; unitName: string }
  | { kind: "refused"; result: CommandResult };

/** The item a button names, if the caller may change it; checked before any modal opens. */
export async function loadItemForCaller(deps: Pick<CommandDeps, "db" | "envCoordinators">, userId: string, itemKey: string): Promise<ItemAccess> {
  try {
    const target = await findItemUnitKey(deps.db, itemKey);
    if (!target) throw new DomainError("no_such_item", "这个事项已不存在，请输入 /shutdown status 查看最新清单。");
    const caller = await findCaller(deps.db, userId, deps.envCoordinators);
    if (!isRegistered(caller)) return { kind: "refused", result: { kind: "not-registered", userId } };
    targetUnit(caller, target.unitKey, "status");
    const { unit, items } = (await loadUnitWithItems(deps.db, target.unitKey))!;
    return { kind: "ok", item: items.find((i) => i.key === itemKey)!, unitName: unit.name };
  } catch (error) {
    if (error instanceof DomainError) return { kind: "refused", result: { kind: "error", code: error.code, message: error.message, hint: error.hint } };
    throw error;
  }
}
