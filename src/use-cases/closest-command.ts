// When a text is not understood: the command this person most likely meant, ready to copy,
// with the unit in front when they must name it. Never the grammar: that is for help.
import { UNIT_COMMANDS, type Command } from "../domain/command/command.ts";
import { parseCommand, type ParseError } from "../domain/command/parse-command.ts";
import { unitDirectoryOf } from "../domain/command/unit-directory.ts";
import { deadlineForTask, type DeadlineRecord, type ItemRecord, type UnitRecord } from "../domain/model/records.ts";
import { isFinished } from "../domain/model/tasks.ts";
import { hintTexts } from "../messages/hint-messages.ts";
import { reportCommand } from "../messages/item-messages.ts";
import type { CampaignReader } from "../store/campaign-reader.ts";
import { commandPrefix, isRegistered, type Caller } from "../domain/access.ts";
import { checklistTexts } from "../messages/checklist-messages.ts";

interface UnitWork {
  unit: UnitRecord;
  items: readonly ItemRecord[];
}

/** The units this person reports for, in 附件3 order: their own, or every unit for a coordinator. */
async function unitsOf(reader: CampaignReader, caller: Caller): Promise<UnitWork[]> {
  if (caller.units.length > 0) return (await Promise.all(caller.units.map((u) => reader.unitWithItems(u.key)))).flatMap((w) => w ?? []);
  if (!caller.isCoordinator) return [];
  const { units, items } = await reader.snapshot();
  return units.map((unit) => ({ unit, items: items.filter((i) => i.unitId === unit.id) }));
}

/** The unit a unit-less command most likely means: the first whose item it names is still open. */
function likelyUnit(work: UnitWork[], command: Command): UnitRecord | undefined {
  const task = command.kind === "report" ? command.task : undefined;
  const open = work.find((w) => w.items.some((i) => !isFinished(i.state) && (task === undefined || i.task === task)));
  return (open ?? work[0])?.unit;
}

function nextItem(work: UnitWork[], deadlines: readonly DeadlineRecord[]): { unit: UnitRecord; item: ItemRecord } | undefined {
  const order = (i: ItemRecord) => deadlines.indexOf(deadlineForTask(deadlines, i.task, i.batchId)!);
  for (const w of work) {
    const item = w.items.filter((i) => !isFinished(i.state)).sort((a, b) => order(a) - order(b))[0];
    if (item) return { unit: w.unit, item };
  }
  return undefined;
}

export async function closestCommandFor(reader: CampaignReader, caller: Caller, error: ParseError): Promise<string> {
  const work = await unitsOf(reader, caller);
  if (error.corrected) {
    const command = parseCommand(error.corrected, unitDirectoryOf(await reader.unitNames()));
    const needsUnit = UNIT_COMMANDS.has(command.kind) && !("unit" in command && command.unit);
    const unit = needsUnit ? likelyUnit(work, command) : undefined;
    const prefix = unit ? commandPrefix(caller, unit) : "";
    return hintTexts.didYouMean(`/shutdown ${prefix}${error.corrected}`);
  }
  if (!isRegistered(caller)) return hintTexts.forNewcomer;
  const next = nextItem(work, await reader.deadlines());
  if (caller.units.length === 0 || !next) return hintTexts.forCoordinator(next?.unit.name ?? work[0]?.unit.name ?? checklistTexts.exampleUnit, caller.isCoordinator);
  const prefix = commandPrefix(caller, next.unit);
  const state = error.state ?? "done";
  const report = `${reportCommand(next.item, prefix.trim() || undefined, state)}${state === "done" && next.item.isSubdomain ? " dns" : ""}${state === "blocked" || state === "na" ? ` ${hintTexts.reasonPlaceholder}` : ""}`;
  return hintTexts.forContact(report, next.item, `/shutdown ${prefix}status`);
}
