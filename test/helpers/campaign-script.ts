// Arranges a seeded test store the way a campaign unfolds: contacts, reported states.
import type { ItemState } from "../../src/domain/model/tasks.ts";
import type { Db } from "../../src/store/open-store.ts";

export async function addContact(
  db: Db,
  unitKey: string,
  contact: { name: string; slackUserId?: string | null; phone?: string | null },
): Promise<void> {
  const unit = await db.unit.findUniqueOrThrow({ where: { key: unitKey } });
  const existing = contact.slackUserId ? await db.contact.findUnique({ where: { slackUserId: contact.slackUserId } }) : null;
  const row =
    existing ??
    (await db.contact.create({ data: { name: contact.name, slackUserId: contact.slackUserId ?? null, phone: contact.phone ?? null } }));
  await db.unitContact.create({ data: { unitId: unit.id, contactId: row.id } });
}

/** Changes an item's state the way a report does: the item and an audit entry. */
export async function setState(
  db: Db,
  key: string,
  state: ItemState,
  by: { actor: string; at: Date; note?: string },
): Promise<void> {
  const item = await db.checklistItem.findUniqueOrThrow({ where: { key } });
  await db.checklistItem.update({
    where: { key },
    data: { state, note: by.note ?? item.note, updatedAt: by.at, updatedBy: by.actor },
  });
  await db.auditEntry.create({
    data: {
      at: by.at,
      actor: by.actor,
      source: "slash",
      unitId: item.unitId,
      itemId: item.id,
      field: "state",
      fromValue: item.state,
      toValue: state,
      note: by.note ?? null,
    },
  });
}

export async function finishUnit(db: Db, unitKey: string, by: { actor: string; at: Date }): Promise<void> {
  const unit = await db.unit.findUniqueOrThrow({ where: { key: unitKey }, include: { items: true } });
  for (const item of unit.items) {
    await setState(db, item.key, item.task === "ipicp" || item.task === "backup" ? "na" : "done", by);
  }
}
