// A report about an ICP filing (the `icp` item of one filing): on the center route it moves the
// filing along its path (icp-path.ts), who may record which step checked there; on the unit's own
// route, or while the provider is unknown, it is an ordinary item report, the filing following it.
import type { Caller } from "../domain/access.ts";
import { DomainError } from "../domain/errors.ts";
import { ErrorCode } from "../domain/error-codes.ts";
import { pickFiling } from "../domain/icp-filing.ts";
import { filingStepOf, storedStepOf } from "../domain/icp-filing-step.ts";
import { decideFilingStep, requestForItemState } from "../domain/icp-path.ts";
import { SELF_STEPS, type FilingRequest } from "../domain/model/icp-steps.ts";
import type { DeadlineRecord, FilingRecord, ItemChange, ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { decideReport, type ReportRequest } from "../domain/report-rules.ts";
import { icpStepMessages } from "../messages/icp-filing-messages.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import { applyItemChange, type Who } from "../store/change-repository.ts";
import { listFilings, setFilingStep } from "../store/icp-filing-repository.ts";
import type { SqlRunner } from "../store/sql-tx.ts";
import { justFinished } from "../domain/model/tasks.ts";
import type { CommandResult } from "./command-result.ts";

export interface FilingReportRequest extends ReportRequest {
  /** A step of the path named as such (已送达, 已受理 …) rather than an item state. */
  step?: FilingRequest;
  /** The filing meant, by 备案号 or domain, when the unit has several. */
  filing?: string;
  /** The filing's item, when a button names it. */
  itemKey?: string;
}

/** What a report is decided on: who asks, the unit and its items as read in the transaction. */
export interface ReportScene {
  caller: Caller;
  unit: UnitRecord;
  items: ItemRecord[];
  deadlines: readonly DeadlineRecord[];
  prefix: string;
  who: Who;
}

/** The filing a report means: its item's key, a word naming it, the note's first word, or the only one. */
function filingFor(unit: UnitRecord, filings: FilingRecord[], req: FilingReportRequest): { filing: FilingRecord; note?: string } {
  if (req.itemKey) {
    const byItem = filings.find((f) => f.itemKey === req.itemKey);
    if (byItem) return { filing: byItem, note: req.note };
  }
  const named = { name: unit.name, domains: unit.domains.filter((d) => !d.isSubdomain).map((d) => d.name) };
  if (filings.length > 1 && !req.filing && req.note) {
    const [first, ...rest] = req.note.split(/\s+/);
    const found = pickFiling(named, filings, first);
    if (!(found instanceof DomainError)) return { filing: found as FilingRecord, note: rest.join(" ") || undefined };
  }
  const found = pickFiling(named, filings, req.filing);
  if (found instanceof DomainError) throw found;
  return { filing: found as FilingRecord, note: req.note };
}

export async function reportFiling(tx: SqlRunner, scene: ReportScene, req: FilingReportRequest): Promise<CommandResult> {
  const { unit, items, caller, who } = scene;
  const filings = await listFilings(tx, { unitId: unit.id });
  if (filings.length === 0) throw new DomainError(ErrorCode.NoSuchItem, icpStepMessages.noFiling(unit.name));
  const { filing, note } = filingFor(unit, filings, req);
  const item = items.find((i) => i.id === filing.itemId)!;
  const current = filingStepOf(unit.localTelecom, filing.step, item.state);
  const actor = caller.isCoordinator ? "coordinator" : "contact";

  if (req.step !== undefined || (current.route === "center" && req.state !== "na")) {
    const requested = req.step ?? requestForItemState(current, actor, req.state as Exclude<typeof req.state, "na">);
    const decision = decideFilingStep(current, actor, requested, note);
    if (!decision.ok) throw decision.error;
    const stored = storedStepOf(decision.step, decision.itemState);
    const stepMoved = await setFilingStep(tx, filing, stored, who, note);
    const newNote = note ?? (decision.itemState === item.state ? item.note : null);
    const changed = item.state !== decision.itemState || item.note !== newNote;
    const after = changed
      ? await applyItemChange(tx, { item, state: decision.itemState, method: null, note: newNote, expectedBy: null, warnings: [] }, who)
      : item;
    const all = items.map((i) => (i.id === after.id ? after : i));
    const notes = [...decision.warnings, ...decision.hints];
    if (!stepMoved && !changed) return { kind: "unchanged", text: icpStepMessages.unchanged(unit.name, filing.number, decision.step), notes };
    return {
      kind: "done",
      text: icpStepMessages.recorded(unit.name, filing.number, current, decision.step),
      unitKey: unit.key,
      notes,
      ...(justFinished(items, all) && { followUps: [{ kind: "unit-done" as const, unitKey: unit.key }] }),
    };
  }

  // The unit's own route, or not yet known: an item report on this filing's item.
  const own = items.filter((i) => i.task !== "icp" || i.id === item.id);
  const change: ItemChange | null = decideReport(unit, own, req, { now: who.now, deadlines: scene.deadlines, prefix: scene.prefix });
  if (!change) return { kind: "unchanged", text: rm.itemUnchanged(unit.name, req.task, req.state) };
  const after = await applyItemChange(tx, change, who);
  // NOTE: a problem or 不适用 is on the item; the filing keeps the step it had.
  if ((SELF_STEPS as readonly string[]).includes(after.state)) await setFilingStep(tx, filing, after.state, who);
  const all = items.map((i) => (i.id === after.id ? after : i));
  return {
    kind: "reported",
    unit,
    item: after,
    from: change.item.state,
    warnings: change.warnings,
    items: all,
    deadlines: [...scene.deadlines],
    now: who.now,
    prefix: scene.prefix,
    ...(justFinished(items, all) && { followUps: [{ kind: "unit-done" as const, unitKey: unit.key }] }),
  };
}
