// Who may act on which unit. Checked on the server for every change, whatever the surface.
import { COORDINATOR_COMMANDS, OPEN_TO_ANYONE, type Command } from "./command/command.ts";
import { DomainError } from "./errors.ts";
import { accessMessages as am, resultMessages as rm } from "../messages/result-messages.ts";
import { ErrorCode } from "./error-codes.ts";

/** Who is calling: a coordinator (environment or added at run time), a contact of some units, or nobody yet. */
export interface Caller {
  userId: string;
  isCoordinator: boolean;
  contactId: number | null;
  /** Units the caller is a contact of, in 附件3 order. */
  units: { id: number; key: string; name: string }[];
}

export const isRegistered = (c: Caller) => c.isCoordinator || c.units.length > 0;

/** Whether this command needs the caller to be registered first (help and join do not). */
export const needsRegistration = (kind: Command["kind"]) => !OPEN_TO_ANYONE.has(kind);

/** Some commands are for coordinators only. */
export function assertMayRun(caller: Caller, kind: Command["kind"]): void {
  if (COORDINATOR_COMMANDS.has(kind) && !caller.isCoordinator) throw new DomainError(ErrorCode.CoordinatorsOnly, am.coordinatorsOnly(kind));
}

/** A contact's own details (phone, email) are set by that contact, for one of their own units. */
export function ownContactId(caller: Caller, unitKey: string): number {
  if (caller.contactId === null || !caller.units.some((u) => u.key === unitKey)) throw new DomainError(ErrorCode.NotAContact, am.contactFieldOwnOnly);
  return caller.contactId;
}

/** A coordinator named in the configuration stays one until the configuration changes. */
export function assertRemovableCoordinator(userId: string, envCoordinators: readonly string[]): void {
  if (envCoordinators.includes(userId)) throw new DomainError(ErrorCode.CoordinatorFromEnv, rm.coordinatorFromEnvironment);
}

/** The unit a command acts on: named, or the caller's only unit. */
export function targetUnit(caller: Caller, named: string | undefined, example: string): string {
  if (named) {
    if (caller.isCoordinator || caller.units.some((u) => u.key === named)) return named;
    throw new DomainError(ErrorCode.NotYourUnit, am.notYourUnit(caller.units.map((u) => u.name)));
  }
  if (caller.units.length === 1) return caller.units[0]!.key;
  if (caller.units.length > 1) {
    throw new DomainError(ErrorCode.UnitRequired, am.severalUnits(caller.units.map((u) => u.name), example));
  }
  throw new DomainError(ErrorCode.UnitRequired, am.coordinatorNeedsUnit(example));
}

/**
 * What goes before a command shown to this person about this unit, so it works as shown:
 * nothing when the unit is their only one, else the unit's name and a space.
 */
export function commandPrefix(caller: Caller, unit: { key: string; name: string }): string {
  return caller.units.length === 1 && caller.units[0]!.key === unit.key ? "" : `${unit.name} `;
}
