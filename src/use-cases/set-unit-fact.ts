// `set secondlevel no` and the like: the fact, then what it decides (fact-rules.ts), in the
// caller's transaction; the reply says what the system changed and what it left alone.
import { justFinished } from "../domain/model/tasks.ts";
import type { FactChange } from "../domain/unit-facts.ts";
import type { UnitRecord } from "../domain/model/records.ts";
import { factEffectNotes } from "../messages/fact-messages.ts";
import { resultMessages as rm } from "../messages/result-messages.ts";
import { listItems, lockUnitItems } from "../store/campaign-repository.ts";
import { commandPrefix, type Caller } from "../domain/access.ts";
import { applyFactRules, applyUnitFact, type Who } from "../store/change-repository.ts";
import type { Tx } from "../store/transaction.ts";
import type { CommandResult } from "./command-result.ts";

export async function setUnitFact(tx: Tx, caller: Caller, unit: UnitRecord, change: Extract<FactChange, { target: "unit" }>, who: Who): Promise<CommandResult> {
  await lockUnitItems(tx, unit);
  const before = await listItems(tx, { unitId: unit.id });
  const done = await applyUnitFact(tx, unit.id, change, who);
  // NOTE: also when the fact was already so: an item may still be out of step with it.
  const effects = await applyFactRules(tx, unit.id, who.now);
  const notes = factEffectNotes(effects, commandPrefix(caller, unit));
  if (!done && effects.changes.length === 0) return { kind: "unchanged", text: rm.factUnchanged(unit.name), notes };
  const finished = justFinished(before, await listItems(tx, { unitId: unit.id }));
  return {
    kind: "done",
    text: done ? rm.factSet(unit.name, change.field, change.value) : rm.factAlreadySet(unit.name, change.field, change.value),
    unitKey: unit.key,
    notes,
    ...(finished && { followUps: [{ kind: "unit-done" as const, unitKey: unit.key }] }),
  };
}
