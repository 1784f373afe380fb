// Who may act on which unit. Checked on the server for every change, whatever the surface.
import { DomainError } from "../domain/errors.ts";
import { accessMessages as am } from "../messages/result-messages.ts";
import type { Caller } from "../store/caller-repository.ts";

export const isRegistered = (c: Caller) => c.isCoordinator || c.units.length > 0;

/** The unit a command acts on: named, or the caller's only unit. */
export function targetUnit(caller: Caller, named: string | undefined, example: string): string {
  if (named) {
    if (caller.isCoordinator || caller.units.some((u) => u.key === named)) return named;
    throw new DomainError("not_your_unit", am.notYourUnit(caller.units.map((u) => u.name)));
  }
  if (caller.units.length === 1) return caller.units[0]!.key;
  if (caller.units.length > 1) {
    throw new DomainError("unit_required", am.severalUnits(caller.units.map((u) => u.name), example));
  }
  throw new DomainError("unit_required", am.coordinatorNeedsUnit(example));
}

/**
 * What goes before a command shown to this person about this unit, so it works as shown:
 * nothing when the unit is their only one, else the unit's name and a space.
 */
export function commandPrefix(caller: Caller, unit: { key: string; name: string }): string {
  return caller.units.length === 1 && caller.units[0]!.key === unit.key ? "" : `${unit.name} `;
}
