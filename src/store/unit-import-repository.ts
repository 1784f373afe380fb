// Applies a validated unit sheet: all or nothing, one audit entry per change.
import type { AuditSource } from "../domain/model/records.ts";
import { formatYesNo } from "../domain/unit-facts.ts";
import type { ImportedContact, UnitImport } from "../units/units-csv.ts";
import { writeAudit } from "./audit-repository.ts";
import { applyFactRules } from "./change-repository.ts";
import { followSheetNumber } from "./icp-filing-repository.ts";
import type { KeptByHand } from "../domain/model/facts.ts";
import { describeContact } from "./contact-text.ts";
import type { Db } from "./store-handle.ts";
import { inTransaction, type Tx } from "./transaction.ts";

export interface ImportSummary {
  unitsChanged: number;
  changes: number;
  /** Items a fact would have changed but a person had reported: left as they are, to be said. */
  kept: { unitName: string; kept: KeptByHand }[];
  /** Contacts with a Slack id the sheet gave a unit they did not have: each to be welcomed. */
  newContacts: { slackUserId: string; unitKey: string }[];
}

interface Actor {
  actor: string;
  source: AuditSource;
  now: Date;
}

export { describeContact } from "./contact-text.ts";

const FACTS = [
  ["icpNumber", "unit.icpNumber"],
  ["sponsorName", "unit.sponsorName"],
  ["localTelecom", "unit.localTelecom"],
  ["secondLevel", "unit.secondLevel"],
  ["migrateData", "unit.migrateData"],
] as const;

function factText(v: string | boolean | null): string | null {
  return typeof v === "boolean" ? formatYesNo(v) : v;
}

export async function applyUnitImport(db: Db, imports: UnitImport[], who: Actor): Promise<ImportSummary> {
  return inTransaction(db, async (tx) => {
    const summary: ImportSummary = { unitsChanged: 0, changes: 0, kept: [], newContacts: [] };
    for (const imp of imports) {
      const changes = await applyOne(tx, imp, who, summary);
      summary.changes += changes;
      if (changes > 0) summary.unitsChanged++;
    }
    return summary;
  });
}

async function applyOne(tx: Tx, imp: UnitImport, who: Actor, summary: ImportSummary): Promise<number> {
  const unit = await tx.unit.findUniqueOrThrow({
    where: { key: imp.unitKey },
    include: { contacts: { include: { contact: true } } },
  });
  let changes = 0;
  const audit = (field: string, fromValue: string | null, toValue: string | null, subject?: string) => {
    changes++;
    return writeAudit(tx, { at: who.now, actor: who.actor, source: who.source, unitId: unit.id, field, subject, fromValue, toValue });
  };
  const update: Record<string, string | boolean | null> = {};
  for (const [key, field] of FACTS) {
    if (unit[key] !== imp[key]) {
      update[key] = imp[key];
      await audit(field, factText(unit[key]), factText(imp[key]));
    }
  }
  if (Object.keys(update).length > 0) await tx.unit.update({ where: { id: unit.id }, data: update });
  // The sheet's 备案号 is the unit's first filing's.
  if ("icpNumber" in update && (await followSheetNumber(tx, unit.id, imp.icpNumber, who))) changes++;
  // The sheet's facts decide items as `set` does (second_level=no → IP备案 不适用), audited as
  // the system's; an item a person reported is left as it is.
  const effects = await applyFactRules(tx, unit.id, who.now);
  changes += effects.changes.length;
  summary.kept.push(...effects.kept.map((k) => ({ unitName: unit.name, kept: k })));

  const current = unit.contacts.map((uc) => uc.contact);
  const keep = new Set<number>();
  for (const wanted of imp.contacts) {
    const contact = await findOrCreateContact(tx, wanted, current, who.now);
    keep.add(contact.id);
    for (const f of ["name", "phone", "email"] as const) {
      if (contact[f] !== wanted[f] && !contact.created) {
        await audit(`contact.${f}`, contact[f], wanted[f], describeContact(contact));
      }
    }
    if (!contact.created) {
      await tx.contact.update({ where: { id: contact.id }, data: { name: wanted.name, phone: wanted.phone, email: wanted.email } });
    }
    if (!current.some((c) => c.id === contact.id)) {
      await tx.unitContact.create({ data: { unitId: unit.id, contactId: contact.id, createdAt: who.now } });
      await audit("contact", null, describeContact(wanted), wanted.slackUserId ?? undefined);
      if (wanted.slackUserId) summary.newContacts.push({ slackUserId: wanted.slackUserId, unitKey: unit.key });
    }
  }
  for (const c of current) {
    if (keep.has(c.id)) continue;
    await tx.unitContact.delete({ where: { unitId_contactId: { unitId: unit.id, contactId: c.id } } });
    await audit("contact", describeContact(c), null, c.slackUserId ?? undefined);
  }
  return changes;
}

async function findOrCreateContact(
  tx: Tx,
  wanted: ImportedContact,
  current: { id: number; name: string; slackUserId: string | null }[],
  now: Date,
) {
  const existing = wanted.slackUserId
    ? await tx.contact.findUnique({ where: { slackUserId: wanted.slackUserId } })
    : await tx.contact.findFirst({
        where: { id: { in: current.map((c) => c.id) }, name: wanted.name, slackUserId: null },
      });
  if (existing) return { ...existing, created: false };
  const created = await tx.contact.create({ data: { ...wanted, createdAt: now } });
  return { ...created, created: true };
}
