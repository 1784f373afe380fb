// Someone not yet registered asks to join a unit; a coordinator approves or rejects.
import { DomainError } from "../domain/errors.ts";
import { joinMessages as jm } from "../messages/join-messages.ts";
import { findCaller } from "../store/caller-repository.ts";
import { assignContact, type Who } from "../store/change-repository.ts";
import { createJoinRequest, decideJoin, findJoinRequest, findPendingJoin, recordJoinPost, type JoinRequestRecord } from "../store/join-repository.ts";
import type { Db } from "../store/open-store.ts";
import { inTransaction, type StoreBusyNotice } from "../store/transaction.ts";
import { findUnitByKey } from "../store/unit-repository.ts";
import type { CommandResult } from "./command-result.ts";
import { ErrorCode } from "../domain/error-codes.ts";

/** Tells the coordinators about a new request; answers where the message went. */
export type JoinNotifier = (request: { id: number; userId: string; unitName: string }) => Promise<{ channel: string; ts: string }>;

export async function requestToJoin(
  deps: { db: Db; envCoordinators: readonly string[]; notifyJoinRequest?: JoinNotifier },
  input: { userId: string; unitKey: string; now: Date; source: "slash"; onStoreBusy?: StoreBusyNotice },
): Promise<CommandResult> {
  const caller = await findCaller(deps.db, input.userId, deps.envCoordinators);
  const unit = (await findUnitByKey(deps.db, input.unitKey))!;
  if (caller.units.some((u) => u.key === unit.key)) return { kind: "unchanged", text: jm.alreadyContact(unit.name) };
  if (await findPendingJoin(deps.db, input.userId, unit.id)) return { kind: "unchanged", text: jm.alreadyPending(unit.name) };
  if (!deps.notifyJoinRequest) throw new DomainError(ErrorCode.NoCoordinatorChannel, jm.noChannel);
  const who: Who = { actor: input.userId, source: input.source, now: input.now };
  const id = await inTransaction(deps.db, (tx) => createJoinRequest(tx, input.userId, unit.id, who), undefined, input.onStoreBusy);
  const posted = await deps.notifyJoinRequest({ id, userId: input.userId, unitName: unit.name });
  await recordJoinPost(deps.db, id, posted.channel, posted.ts);
  return { kind: "done", text: jm.submitted(unit.name) };
}

export type JoinDecision =
  | { kind: "decided"; request: JoinRequestRecord; approved: boolean; decidedBy: string }
  | { kind: "refused"; message: string };

export async function decideJoinRequest(
  deps: { db: Db; envCoordinators: readonly string[] },
  input: { userId: string; requestId: number; approve: boolean; now: Date; userName: (id: string) => Promise<string> },
): Promise<JoinDecision> {
  const caller = await findCaller(deps.db, input.userId, deps.envCoordinators);
  if (!caller.isCoordinator) return { kind: "refused", message: jm.coordinatorsOnly };
  const request = await findJoinRequest(deps.db, input.requestId);
  if (!request) return { kind: "refused", message: jm.notFound };
  const name = input.approve ? await input.userName(request.userId) : "";
  const who: Who = { actor: input.userId, source: "button", now: input.now };
  const decided = await inTransaction(deps.db, async (tx) => {
    const settled = await decideJoin(tx, request.id, input.approve, who);
    if (settled && input.approve) await assignContact(tx, request.unitId, { id: request.userId, name }, who);
    return settled;
  });
  if (!decided) return { kind: "refused", message: jm.alreadyDecided };
  return { kind: "decided", request: (await findJoinRequest(deps.db, request.id))!, approved: input.approve, decidedBy: input.userId };
}
