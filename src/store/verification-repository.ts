// What the probes found, kept: passes, each domain's baseline, every question asked (evidence),
// each item's verification and the coordinators' acceptances. Plain records in and out.
import type { Verification, VerificationAcceptance } from "../domain/model/verification.ts";
import type { EvidenceRecord, Fingerprint } from "../verification/verification-types.ts";
import type { VerificationState } from "../verification/verdict.ts";
import type { Db } from "./store-handle.ts";
import type { Tx } from "./transaction.ts";

type Reader = Db | Tx;

export interface VerificationTargetRow {
  domainId: number;
  domain: string;
  isSubdomain: boolean;
  unitId: number;
  unitKey: string;
  baseline: Fingerprint | null;
  /** From the stored evidence: when this domain's registry was last asked. */
  registryLastQueriedAt: Date | null;
}

/** Every domain of the campaign in 附件3 order, with what earlier passes kept for it. */
export async function listVerificationTargets(db: Reader): Promise<VerificationTargetRow[]> {
  const [domains, baselines, registry] = await Promise.all([
    db.domain.findMany({ include: { unit: { select: { key: true, position: true } } } }),
    db.domainBaseline.findMany(),
    db.verificationEvidence.groupBy({ by: ["domainId"], where: { probe: "registry" }, _max: { at: true } }),
  ]);
  const baselineOf = new Map(baselines.map((b) => [b.domainId, JSON.parse(b.fingerprint) as Fingerprint]));
  const askedOf = new Map(registry.map((r) => [r.domainId, r._max.at]));
  return domains
    .sort((a, b) => a.unit.position - b.unit.position || a.position - b.position || a.id - b.id)
    .map((d) => ({
      domainId: d.id,
      domain: d.name,
      isSubdomain: d.isSubdomain,
      unitId: d.unitId,
      unitKey: d.unit.key,
      baseline: baselineOf.get(d.id) ?? null,
      registryLastQueriedAt: askedOf.get(d.id) ?? null,
    }));
}

export async function startPass(db: Reader, pass: { at: Date; kind: string; actor: string; domains: number }): Promise<number> {
  const row = await db.verificationPass.create({ data: { ...pass, offline: false, elapsedMs: 0 } });
  return row.id;
}

export async function finishPass(db: Reader, id: number, result: { offline: boolean; elapsedMs: number }): Promise<void> {
  await db.verificationPass.update({ where: { id }, data: { offline: result.offline, elapsedMs: Math.round(result.elapsedMs) } });
}

export interface PassRecord {
  id: number;
  at: Date;
  kind: string;
  offline: boolean;
  domains: number;
  elapsedMs: number;
}

/** The last pass, and the last one that reached the network. */
export async function lastPasses(db: Reader): Promise<{ last: PassRecord | null; lastOnline: PassRecord | null }> {
  const [last, lastOnline] = await Promise.all([
    db.verificationPass.findFirst({ orderBy: [{ at: "desc" }, { id: "desc" }] }),
    db.verificationPass.findFirst({ where: { offline: false }, orderBy: [{ at: "desc" }, { id: "desc" }] }),
  ]);
  return { last, lastOnline };
}

/** The last scheduled pass (baseline or hourly): what the schedule decides from. */
export async function lastScheduledPassAt(db: Reader): Promise<Date | null> {
  const row = await db.verificationPass.findFirst({ where: { kind: { in: ["baseline", "hourly"] } }, orderBy: { at: "desc" } });
  return row?.at ?? null;
}

export async function saveEvidence(tx: Tx, passId: number, domainId: number, evidence: readonly EvidenceRecord[]): Promise<void> {
  if (evidence.length === 0) return;
  await tx.verificationEvidence.createMany({
    data: evidence.map((e) => ({
      passId,
      domainId,
      at: new Date(e.at),
      probe: e.probe,
      asked: e.asked,
      of: e.of,
      answer: e.answer,
      outcome: e.outcome,
      elapsedMs: Math.round(e.elapsedMs),
    })),
  });
}

/** Keeps the first baseline taken; a later one is ignored. */
export async function keepBaseline(tx: Tx, domainId: number, fingerprint: Fingerprint): Promise<boolean> {
  if (await tx.domainBaseline.findUnique({ where: { domainId } })) return false;
  await tx.domainBaseline.create({
    data: {
      domainId,
      domain: fingerprint.domain,
      takenAt: new Date(fingerprint.takenAt),
      title: fingerprint.title,
      icpNumber: fingerprint.icpNumber,
      serverAddress: fingerprint.serverAddress,
      fingerprint: JSON.stringify(fingerprint),
    },
  });
  return true;
}

export interface StoredVerification {
  itemId: number;
  verification: Verification;
  state: VerificationState;
  summary: string | null;
  advice: string | null;
  observedAt: Date | null;
  verifiedAt: Date | null;
  changedAt: Date | null;
}

export async function readVerificationStates(db: Reader, itemIds?: readonly number[]): Promise<Map<number, StoredVerification>> {
  const rows = await db.itemVerification.findMany(itemIds ? { where: { itemId: { in: [...itemIds] } } } : undefined);
  return new Map(rows.map((r) => [r.itemId, { ...r, verification: r.verification as Verification, state: JSON.parse(r.state) as VerificationState }]));
}

export async function saveVerificationState(tx: Tx, v: StoredVerification): Promise<void> {
  const data = { ...v, state: JSON.stringify(v.state) };
  await tx.itemVerification.upsert({ where: { itemId: v.itemId }, create: data, update: data });
}

export async function recordAcceptance(tx: Tx, itemId: number, acceptance: VerificationAcceptance): Promise<void> {
  await tx.verificationAcceptance.create({ data: { itemId, at: acceptance.at, actor: acceptance.by, reason: acceptance.reason } });
}

