// The /shutdown use cases: text in, a result to show out. Slack-free and Prisma-free at this level
// except through the repositories.
import type { Command } from "../domain/command/command.ts";
import { COORDINATOR_COMMANDS } from "../domain/command/command.ts";
import { parseCommand, ParseError } from "../domain/command/parse-command.ts";
import { UnitDirectory } from "../domain/command/unit-directory.ts";
import { DomainError } from "../domain/errors.ts";
import type { AuditSource } from "../domain/model.ts";
import { interpretSetValue } from "../domain/unit-facts.ts";
import { formatDateTime, toShanghai } from "../domain/calendar.ts";
import { contactsWithWorkUnder } from "../domain/pending-work.ts";
import { accessMessages as am, resultMessages as rm } from "../messages/result-messages.ts";
import { listAudit } from "../store/audit-repository.ts";
import type { CampaignReader } from "../store/campaign-reader.ts";
import { listCoordinators, type Caller } from "../store/caller-repository.ts";
import {
  addCoordinator,
  applyContactField,
  assignContact,
  moveDeadline,
  removeCoordinator,
  unassignContact,
  type Who,
} from "../store/change-repository.ts";
import type { Db } from "../store/open-store.ts";
import { claimRequest, isAlreadyClaimed } from "../store/request-repository.ts";
import { inTransaction, isStoreBusy, isStoreFault, StoreMissingError, type Tx } from "../store/transaction.ts";
import { commandPrefix, isRegistered, targetUnit } from "./caller-access.ts";
import { closestCommandFor } from "./closest-command.ts";
import type { CommandResult } from "./command-result.ts";
import { postDigestNow, previewDigest, sendExportToUser } from "../digest/digest-pass.ts";
import type { OutgoingDeps } from "../delivery/outgoing-deps.ts";
import { requestToJoin, type JoinNotifier } from "./join-unit.ts";
import { reportItem } from "./report-item.ts";
import { setUnitFact } from "./set-unit-fact.ts";

export interface CommandDeps {
  db: Db;
  reader: CampaignReader;
  envCoordinators: readonly string[];
  /** A Slack user's display name, for a new contact's record. */
  userName(userId: string): Promise<string>;
  /** Posts a join request for the coordinators; absent when no coordinators' channel is set. */
  notifyJoinRequest?: JoinNotifier;
  /** Slack delivery for the digest and the export; absent where nothing can be sent. */
  outgoing?: OutgoingDeps;
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
}

export async function runCommand(deps: CommandDeps, input: CommandInput): Promise<CommandResult> {
  const caller = deps.reader.caller(input.userId, deps.envCoordinators);
  try {
    const directory = new UnitDirectory(deps.reader.unitNames());
    const command = parseCommand(input.text, directory);
    return await execute(deps, caller, command, input);
  } catch (error) {
    // Not understood: the closest command for this person, ready to copy.
    if (error instanceof ParseError) return { kind: "error", code: error.code, message: error.message, hint: closestCommandFor(deps.reader, caller, error) };
    if (error instanceof DomainError) return { kind: "error", code: error.code, message: error.message, hint: error.hint };
    if (isAlreadyClaimed(error)) return { kind: "unchanged", text: rm.duplicateRequest };
    if (isStoreBusy(error)) return { kind: "error", code: "store_busy", message: rm.storeBusy };
    if (error instanceof StoreMissingError) return { kind: "error", code: "store_missing", message: rm.storeMissing };
    if (isStoreFault(error)) return { kind: "error", code: "store_fault", message: rm.storeFault };
    throw error;
  }
}

function requireOutgoing(deps: CommandDeps): OutgoingDeps {
  if (!deps.outgoing) throw new DomainError("no_outgoing", rm.cannotSend);
  return deps.outgoing;
}

async function execute(deps: CommandDeps, caller: Caller, command: Command, input: CommandInput): Promise<CommandResult> {
  if (command.kind === "help") {
    const year = deps.reader.deadlines()[0]?.dueAt ?? input.now;
    return { kind: "help", isCoordinator: caller.isCoordinator, registered: isRegistered(caller), units: caller.units.map((u) => u.name), year: toShanghai(year).getFullYear() };
  }
  if (command.kind === "join") return requestToJoin(deps, { userId: caller.userId, unitKey: command.unit, now: input.now, source: "slash" });
  if (!isRegistered(caller)) return { kind: "not-registered", userId: caller.userId };
  if (COORDINATOR_COMMANDS.has(command.kind) && !caller.isCoordinator) {
    throw new DomainError("coordinators_only", am.coordinatorsOnly(command.kind));
  }
  const who: Who = { actor: caller.userId, source: input.source, now: input.now };
  const write = (work: (tx: Tx) => Promise<CommandResult>) =>
    inTransaction(deps.db, async (tx) => {
      const result = await work(tx);
      // NOTE: claimed last, with its reply: a second delivery of the request fails here and the
      // whole transaction rolls back, so it changes nothing; a retry never finds a claim without a reply.
      if (input.requestKey) await claimRequest(tx, input.requestKey, input.now, input.replyOf?.(result) ?? "");
      return result;
    });
  // Units are never deleted and their ids never change, so reading one outside the transaction is safe.
  const unitOf = (key: string) => deps.reader.unitWithItems(key)!;

  switch (command.kind) {
    case "status": {
      if (!command.unit && caller.units.length > 1) {
        const units = caller.units.map((u) => unitOf(u.key));
        return { kind: "status-many", units, deadlines: deps.reader.deadlines(), now: input.now };
      }
      const key = targetUnit(caller, command.unit, "status");
      const loaded = unitOf(key);
      return { kind: "status", ...loaded, deadlines: deps.reader.deadlines(), now: input.now, prefix: commandPrefix(caller, loaded.unit) };
    }
    case "report": {
      const key = targetUnit(caller, command.unit, `${command.state} ${command.task}`);
      return reportItem(deps, caller, key, command, input);
    }
    case "set": {
      const key = targetUnit(caller, command.unit, `set ${command.field} ${command.value}`);
      const change = interpretSetValue(command.field, command.value);
      if ("code" in change) throw new DomainError(change.code, change.message);
      const { unit } = unitOf(key);
      return write(async (tx) => {
        if (change.target === "unit") return setUnitFact(tx, caller, unit, change, who);
        if (caller.contactId === null || !caller.units.some((u) => u.key === key)) {
          throw new DomainError("not_a_contact", am.contactFieldOwnOnly);
        }
        const done = await applyContactField(tx, caller.contactId, unit.id, change, who);
        return done ? { kind: "done", text: rm.contactSet(change.field, change.value), unitKey: key } : { kind: "unchanged", text: rm.factUnchanged(unit.name) };
      });
    }
    case "assign":
    case "unassign": {
      const name = command.kind === "assign" ? await deps.userName(command.userId) : "";
      const { unit } = unitOf(command.unit);
      return write(async (tx) => {
        const changed =
          command.kind === "assign"
            ? await assignContact(tx, unit.id, { id: command.userId, name }, who)
            : await unassignContact(tx, unit.id, command.userId, who);
        const text = rm.assignment(command.kind, unit.name, command.userId, changed);
        if (!changed) return { kind: "unchanged", text };
        const welcome = command.kind === "assign" && deps.outgoing ? [{ kind: "welcome" as const, userId: command.userId, unitKeys: [unit.key] }] : undefined;
        return { kind: "done", text, unitKey: command.unit, ...(welcome && { followUps: welcome }) };
      });
    }
    case "form": {
      const key = targetUnit(caller, command.unit, "form");
      return { kind: "form", ...unitOf(key) };
    }
    case "digest": {
      if (command.preview) return { kind: "prebuilt", message: await previewDigest({ store: { db: deps.db } }, input.now) };
      const posted = await postDigestNow(requireOutgoing(deps), input.now);
      return { kind: "done", text: rm.digestPosted(posted.channel) };
    }
    case "export": {
      await sendExportToUser(requireOutgoing(deps), caller.userId, input.now, command.format);
      return { kind: "done", text: rm.exportSent(command.format) };
    }
    case "overview":
      return { kind: "overview", snapshot: deps.reader.snapshot(), now: input.now };
    case "unit": {
      const loaded = unitOf(command.unit);
      const audit = await listAudit(deps.db, { unitId: loaded.unit.id, limit: 10, newestFirst: true });
      const names = Object.fromEntries(deps.reader.snapshot().units.flatMap((u) => u.contacts.flatMap((c) => (c.slackUserId ? [[c.slackUserId, c.name]] : []))));
      return { kind: "unit-detail", ...loaded, deadlines: deps.reader.deadlines(), audit, names, now: input.now };
    }
    case "deadlines":
      return { kind: "deadlines", deadlines: deps.reader.deadlines(), now: input.now };
    case "deadline": {
      const deadlines = deps.reader.deadlines();
      const deadline = deadlines.find((d) => d.key === command.key);
      if (!deadline) throw new DomainError("unknown_deadline", rm.unknownDeadline(command.key, deadlines.map((d) => d.key)));
      if (deadline.opensAt && command.at <= deadline.opensAt) {
        throw new DomainError("due_before_open", rm.dueBeforeOpen(deadline.title, formatDateTime(deadline.opensAt)));
      }
      const told = contactsWithWorkUnder(deps.reader.snapshot(), deadline).length;
      return write(async (tx) => {
        const moved = await moveDeadline(tx, deadline.key, command.at, who);
        if (!moved) return { kind: "unchanged", text: rm.deadlineUnchanged(deadline.title) };
        return {
          kind: "done",
          text: rm.deadlineMoved(deadline.title, formatDateTime(moved.from), formatDateTime(command.at), deps.outgoing ? told : 0),
          followUps: deps.outgoing ? [{ kind: "deadline-moved", deadlineKey: deadline.key, from: moved.from, to: command.at }] : undefined,
        };
      });
    }
    case "coordinator": {
      if (command.action === "remove" && deps.envCoordinators.includes(command.userId)) {
        throw new DomainError("coordinator_from_env", rm.coordinatorFromEnvironment);
      }
      return write(async (tx) => {
        const changed =
          command.action === "add" ? await addCoordinator(tx, command.userId, who) : await removeCoordinator(tx, command.userId, who);
        const list = await listCoordinators(tx, deps.envCoordinators);
        const text = rm.coordinatorChanged(command.action, command.userId, changed, [...list.fromEnvironment, ...list.addedAtRunTime]);
        return changed ? { kind: "done", text } : { kind: "unchanged", text };
      });
    }
  }
}

