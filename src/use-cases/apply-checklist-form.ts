// The checklist form: every change checked first, then all applied in one transaction (source modal).
import { choiceToState, type ChecklistFormInput } from "../domain/checklist-form.ts";
import { DomainError } from "../domain/errors.ts";
import { decideReport } from "../domain/report-rules.ts";
import { type ItemChange } from "../domain/model/records.ts";
import { noteForInput } from "../domain/text-limits.ts";
import { IcpNumberSchema } from "../domain/unit-facts.ts";
import { MODAL_TEXT } from "../messages/button-messages.ts";
import { findCaller } from "../store/caller-repository.ts";
import { applyFactRules, applyItemChange, applyUnitFact, type Who } from "../store/change-repository.ts";
import { followSheetNumber, listFilings, setFilingStep } from "../store/icp-filing-repository.ts";
import { filingStepOf, storedStepOf } from "../domain/icp-filing-step.ts";
import { decideFilingStep, requestForItemState } from "../domain/icp-path.ts";
import { SELF_STEPS } from "../domain/model/icp-steps.ts";
import type { FilingRecord } from "../domain/model/records.ts";
import { listDeadlines, listItems, lockUnitItems } from "../store/campaign-repository.ts";
import { justFinished } from "../domain/model/tasks.ts";
import { factEffectNotes, factFormatTexts } from "../messages/fact-messages.ts";
import type { FollowUp } from "../domain/follow-up.ts";
import type { MrkdwnLike } from "../messages/mrkdwn.ts";
import type { Db } from "../store/open-store.ts";
import { inTransaction } from "../store/transaction.ts";
import { loadUnitWithItems } from "../store/unit-repository.ts";
import { commandPrefix, isRegistered, targetUnit } from "../domain/access.ts";
import { ErrorCode } from "../domain/error-codes.ts";
import { accessMessages } from "../messages/result-messages.ts";

export type FormOutcome =
  /** `notes`: what the unit's facts did to its items, and what they left as a person reported it. */
  | { kind: "saved"; unitKey: string; unitName: string; changes: number; notes: MrkdwnLike[]; followUps: FollowUp[] }
  /** Problems by field: an item key (its state or note) or a fact name. */
  | { kind: "invalid"; errors: { field: string; part: "state" | "note" | "fact"; message: string }[] }
  | { kind: "refused"; message: string };

const FACTS = ["localTelecom", "icpNumber", "secondLevel", "migrateData"] as const;

export async function applyChecklistForm(
  deps: { db: Db; envCoordinators: readonly string[] },
  input: { userId: string; unitKey: string; form: ChecklistFormInput; now: Date; storeWaitMs?: number },
): Promise<FormOutcome> {
  const caller = await findCaller(deps.db, input.userId, deps.envCoordinators);
  try {
    if (!isRegistered(caller)) throw new DomainError(ErrorCode.NotRegistered, accessMessages.notRegisteredShort);
    targetUnit(caller, input.unitKey, "form");
  } catch (error) {
    if (error instanceof DomainError) return { kind: "refused", message: error.message };
    throw error;
  }
  const errors: Extract<FormOutcome, { kind: "invalid" }>["errors"] = [];
  const icp = input.form.facts.icpNumber;
  if (icp !== null && !IcpNumberSchema.safeParse(icp).success) {
    errors.push({ field: "icpNumber", part: "fact", message: factFormatTexts.icpFormat });
  }
  const who: Who = { actor: input.userId, source: "modal", now: input.now };
  return inTransaction(deps.db, async (tx) => {
    await lockUnitItems(tx, { key: input.unitKey });
    const { unit, items } = (await loadUnitWithItems(tx, input.unitKey))!;
    const deadlines = await listDeadlines(tx);
    const prefix = commandPrefix(caller, unit);
    const changes: ItemChange[] = [];
    const filings = await listFilings(tx, { unitId: unit.id });
    const steps: { filing: FilingRecord; stored: string }[] = [];
    for (const entry of input.form.items) {
      const item = items.find((i) => i.key === entry.key);
      if (!item) continue;
      const { state, method } = choiceToState(entry.choice);
      // NOTE: a note longer than the limit, kept from before it, is shown shortened; sent back
      // unchanged, it stays whole.
      const note = item.note !== null && entry.note === noteForInput(item.note) ? item.note : entry.note;
      if ((state === "blocked" || state === "na") && !note) {
        errors.push({ field: entry.key, part: "note", message: MODAL_TEXT.reasonNeeded });
        continue;
      }
      const filing = item.task === "icp" ? filings.find((f) => f.itemId === item.id) : undefined;
      if (filing && state !== item.state && state !== "na") {
        // The ICP filing's path decides: on the center's route a contact's 完成 is the form handed in.
        const current = filingStepOf(unit.localTelecom, filing.step, item.state);
        const actor = caller.isCoordinator ? "coordinator" : "contact";
        if (current.route === "center") {
          const decision = decideFilingStep(current, actor, requestForItemState(current, actor, state), note ?? undefined);
          if (!decision.ok) {
            errors.push({ field: entry.key, part: "state", message: decision.error.message });
            continue;
          }
          steps.push({ filing, stored: storedStepOf(decision.step, decision.itemState) });
          if (decision.itemState !== item.state) changes.push({ item, state: decision.itemState, method: null, note: note ?? null, expectedBy: null, warnings: [] });
          continue;
        }
        if ((SELF_STEPS as readonly string[]).includes(state)) steps.push({ filing, stored: state });
      }
      try {
        const req = { state, task: item.task, domain: item.domain ?? undefined, method, note: note ?? undefined };
        const change = decideReport(unit, [item], req, { now: input.now, deadlines, prefix });
        // NOTE: an emptied note field clears the note; decideReport keeps it otherwise.
        if (change) changes.push(change);
        else if (note === null && item.note !== null) changes.push({ item, state, method: item.method, note: null, expectedBy: item.expectedBy, warnings: [] });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ field: entry.key, part: error.code === "note_too_long" ? "note" : "state", message: error.message });
      }
    }
    if (errors.length > 0) return { kind: "invalid", errors };
    for (const change of changes) await applyItemChange(tx, change, who);
    for (const { filing, stored } of steps) await setFilingStep(tx, filing, stored, who);
    let factChanges = 0;
    for (const field of FACTS) {
      const value = input.form.facts[field];
      if (unit[field] === value) continue;
      await applyUnitFact(tx, unit.id, { field, value }, who);
      if (field === "icpNumber" && typeof value === "string") await followSheetNumber(tx, unit.id, value, who);
      factChanges++;
    }
    // After the person's own choices: what they set by hand in this form is theirs.
    const effects = await applyFactRules(tx, unit.id, input.now);
    const finished = justFinished(items, await listItems(tx, { unitId: unit.id }));
    return {
      kind: "saved",
      unitKey: unit.key,
      unitName: unit.name,
      changes: changes.length + factChanges + effects.changes.length,
      notes: factEffectNotes(effects, prefix),
      followUps: finished ? [{ kind: "unit-done", unitKey: unit.key }] : [],
    };
  }, input.storeWaitMs);
}
