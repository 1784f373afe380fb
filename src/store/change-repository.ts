// Every change to the campaign, each with its audit entry in the caller's transaction.
import { formatIsoShanghai } from "../domain/model/calendar.ts";
import { decideFactChanges, SYSTEM_ACTOR } from "../domain/fact-rules.ts";
import { type FactOutcome } from "../domain/model/facts.ts";
import { factReasonText } from "../messages/fact-messages.ts";
import type { AuditSource, ItemChange, ItemRecord } from "../domain/model/records.ts";
import { formatYesNo, type FactChange } from "../domain/unit-facts.ts";
import { writeAudit, type AuditInput } from "./audit-repository.ts";
import { followFilingRoute } from "./icp-filing-repository.ts";
import { listItems, lockUnitItems } from "./campaign-repository.ts";
import type { Tx } from "./transaction.ts";
import { describeContact } from "./contact-text.ts";
import { sql } from "./rows.ts";
import { executeSql, type SqlRunner } from "./sql-tx.ts";

export interface Who {
  actor: string;
  source: AuditSource;
  now: Date;
}

/**
 * Returns the item as it now is. `auditNote` is written with the state change instead of the
 * item's note: the reason the system gives for a change it made.
 */
export async function applyItemChange(tx: SqlRunner, change: ItemChange, who: Who, auditNote?: string): Promise<ItemRecord> {
  const { item } = change;
  const base = { at: who.now, actor: who.actor, source: who.source, unitId: item.unitId, itemId: item.id };
  const audits: AuditInput[] = [];
  if (item.state !== change.state) audits.push({ ...base, field: "state", fromValue: item.state, toValue: change.state, note: auditNote ?? change.note });
  if (item.method !== change.method) audits.push({ ...base, field: "method", fromValue: item.method, toValue: change.method });
  if (item.note !== change.note && item.state === change.state) audits.push({ ...base, field: "note", fromValue: item.note, toValue: change.note });
  if (item.expectedBy?.getTime() !== change.expectedBy?.getTime()) {
    const day = (d: Date | null) => (d ? formatIsoShanghai(d) : null);
    audits.push({ ...base, field: "expectedBy", fromValue: day(item.expectedBy), toValue: day(change.expectedBy) });
  }
  // NOTE: the update and its audit entries are sent at once, not one after the other: on
  // PostgreSQL's pipelined connections one round trip for all (decision 027).
  const [updated] = await Promise.all([
    executeSql(
      tx,
      sql`UPDATE "ChecklistItem" SET "state" = ${change.state}, "method" = ${change.method}, "note" = ${change.note}, "expectedBy" = ${change.expectedBy},
      "updatedAt" = ${who.now}, "updatedBy" = ${who.actor} WHERE "id" = ${item.id}`,
    ),
    ...audits.map((entry) => writeAudit(tx, entry)),
  ]);
  // NOTE: as Prisma's update did: no row to change fails the transaction, never an audit entry alone.
  if (updated === 0) throw new Error(`checklist item ${item.id} (${item.key}) is not in the store`);
  return { ...item, state: change.state, method: change.method, note: change.note, expectedBy: change.expectedBy, updatedAt: who.now, updatedBy: who.actor };
}

/**
 * Lets the unit's facts decide its items (fact-rules.ts), as the system, in the caller's
 * transaction; says what it changed and what it left because a person had reported it.
 */
export async function applyFactRules(tx: Tx, unitId: number, now: Date): Promise<FactOutcome> {
  await lockUnitItems(tx, { id: unitId });
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  const items = await listItems(tx, { unitId });
  const outcome = decideFactChanges(unit, items);
  const system: Who = { actor: SYSTEM_ACTOR, source: "system", now };
  for (const change of outcome.changes) await applyItemChange(tx, change, system, factReasonText(change.reason));
  // The provider answer decides the route of the unit's ICP filings.
  await followFilingRoute(tx, unitId, system);
  return outcome;
}

const text = (v: string | boolean | null) => (typeof v === "boolean" ? formatYesNo(v) : v);

/** Returns the previous value, or undefined when nothing changed. */
export type UnitFactField = Extract<FactChange, { target: "unit" }>["field"];

export async function applyUnitFact(
  tx: Tx,
  unitId: number,
  change: { field: UnitFactField | "sponsorName"; value: string | boolean | null },
  who: Who,
): Promise<{ from: string | boolean | null } | undefined> {
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
  const from = unit[change.field];
  if (from === change.value) return undefined;
  await tx.unit.update({ where: { id: unitId }, data: { [change.field]: change.value } });
  await writeAudit(tx, {
    at: who.now,
    actor: who.actor,
    source: who.source,
    unitId,
    field: `unit.${change.field}`,
    fromValue: text(from),
    toValue: text(change.value),
  });
  return { from };
}

export async function applyContactField(
  tx: Tx,
  contactId: number,
  unitId: number,
  change: Extract<FactChange, { target: "contact" }>,
  who: Who,
): Promise<{ from: string | null } | undefined> {
  const contact = await tx.contact.findUniqueOrThrow({ where: { id: contactId } });
  const from = contact[change.field];
  if (from === change.value) return undefined;
  await tx.contact.update({ where: { id: contactId }, data: { [change.field]: change.value } });
  await writeAudit(tx, {
    at: who.now,
    actor: who.actor,
    source: who.source,
    unitId,
    field: `contact.${change.field}`,
    subject: describeContact(contact),
    fromValue: from,
    toValue: change.value,
  });
  return { from };
}

/** Makes a Slack user a contact of the unit; false when they already were. */
export async function assignContact(tx: Tx, unitId: number, user: { id: string; name: string }, who: Who): Promise<boolean> {
  const contact =
    (await tx.contact.findUnique({ where: { slackUserId: user.id } })) ??
    (await tx.contact.create({ data: { slackUserId: user.id, name: user.name, createdAt: who.now } }));
  const link = await tx.unitContact.findUnique({ where: { unitId_contactId: { unitId, contactId: contact.id } } });
  if (link) return false;
  await tx.unitContact.create({ data: { unitId, contactId: contact.id, createdAt: who.now } });
  await writeAudit(tx, {
    at: who.now, actor: who.actor, source: who.source, unitId,
    field: "contact", subject: user.id, fromValue: null, toValue: describeContact(contact),
  });
  return true;
}

export async function unassignContact(tx: Tx, unitId: number, userId: string, who: Who): Promise<boolean> {
  const contact = await tx.contact.findUnique({ where: { slackUserId: userId } });
  if (!contact) return false;
  const removed = await tx.unitContact.deleteMany({ where: { unitId, contactId: contact.id } });
  if (removed.count === 0) return false;
  await writeAudit(tx, {
    at: who.now, actor: who.actor, source: who.source, unitId,
    field: "contact", subject: userId, fromValue: describeContact(contact), toValue: null,
  });
  return true;
}

export async function addCoordinator(tx: Tx, userId: string, who: Who): Promise<boolean> {
  if (await tx.coordinator.findUnique({ where: { slackUserId: userId } })) return false;
  await tx.coordinator.create({ data: { slackUserId: userId, addedBy: who.actor, addedAt: who.now } });
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, field: "coordinator", subject: userId, toValue: "added" });
  return true;
}

export async function removeCoordinator(tx: Tx, userId: string, who: Who): Promise<boolean> {
  const removed = await tx.coordinator.deleteMany({ where: { slackUserId: userId } });
  if (removed.count === 0) return false;
  await writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, field: "coordinator", subject: userId, fromValue: "added", toValue: "removed" });
  return true;
}

/** Moves a deadline's due time. */
export async function moveDeadline(tx: Tx, key: string, dueAt: Date, who: Who): Promise<{ from: Date } | undefined> {
  const deadline = await tx.deadline.findUniqueOrThrow({ where: { key } });
  if (deadline.dueAt.getTime() === dueAt.getTime()) return undefined;
  await tx.deadline.update({ where: { key }, data: { dueAt, updatedAt: who.now, updatedBy: who.actor } });
  await writeAudit(tx, {
    at: who.now, actor: who.actor, source: who.source,
    field: "deadline.dueAt", subject: key, fromValue: deadline.dueAt.toISOString(), toValue: dueAt.toISOString(),
  });
  return { from: deadline.dueAt };
}
