import type { Db } from "./open-store.ts";

/** Slack users whose App Home shows a unit: its contacts and all coordinators. */
export async function listHomeAudience(db: Db, unitKey: string | null, envCoordinators: readonly string[]): Promise<string[]> {
  const [coordinators, contacts] = await Promise.all([
    db.coordinator.findMany({ select: { slackUserId: true } }),
    unitKey
      ? db.unitContact.findMany({ where: { unit: { key: unitKey } }, select: { contact: { select: { slackUserId: true } } } })
      : Promise.resolve([]),
  ]);
  const ids = [
    ...envCoordinators,
    ...coordinators.map((c) => c.slackUserId),
    ...contacts.map((c) => c.contact.slackUserId).filter((id): id is string => id !== null),
  ];
  return [...new Set(ids)];
}
