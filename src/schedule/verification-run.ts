// A verification pass run by the bot: every domain probed (src/verification/), each unit's
// evidence, baseline and verdicts stored as its results come in, the unit's 备案号 filled from
// the baseline when unknown; then the DMs the verdicts call for (verification-dms.ts).
import { followSheetNumber } from "../store/icp-filing-repository.ts";
import { parseIcpNumber } from "../domain/icp-number.ts";
import { SYSTEM_ACTOR } from "../domain/fact-rules.ts";
import { isVerifiedTask, VERIFICATIONS, type Verification, type VerifiedTask } from "../domain/model/verification.ts";
import type { ItemRecord, UnitRecord } from "../domain/model/records.ts";
import { groupBy } from "../lib/group-by.ts";
import { cacheNote, OFFLINE_NOTICE, verifyReplyTexts } from "../messages/verification-messages.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { applyFactRules, applyUnitFact, type Who } from "../store/change-repository.ts";
import { inTransaction } from "../store/transaction.ts";
import {
  finishPass,
  keepBaseline,
  lastPasses,
  lastScheduledPassAt,
  listVerificationTargets,
  readVerificationStates,
  saveEvidence,
  saveVerificationState,
  startPass,
  type StoredVerification,
  type VerificationTargetRow,
} from "../store/verification-repository.ts";
import { advanceVerification, decideVerificationRun, INITIAL_VERIFICATION, runVerificationPass, unitObservations, type DomainVerification, type Observation, type VerifySettings } from "../verification/index.ts";
import type { DomainReport, VerificationRunReport } from "../verification/run-report.ts";
import type { DeliveryResult } from "./deliver.ts";
import type { OutgoingDeps } from "./outgoing-deps.ts";
import { sendVerificationMessages } from "./verification-dms.ts";

export type VerificationKind = "baseline" | "hourly" | "manual" | "cli";

export interface VerificationRunOptions {
  kind: VerificationKind;
  actor: string;
  /** Only this unit's domains (a unit key), or only this domain. */
  unitKey?: string;
  domain?: string;
  /** Probe and report; store nothing, send nothing. */
  dryRun?: boolean;
  /** Send the DMs the verdicts call for (default true). */
  sendMessages?: boolean;
  signal?: AbortSignal;
}

export interface VerificationRun extends VerificationRunReport {
  results: DeliveryResult[];
}

export type VerificationDeps = OutgoingDeps & { verify: VerifySettings };

const SYSTEM: Pick<Who, "actor" | "source"> = { actor: SYSTEM_ACTOR, source: "system" };

export async function runVerification(deps: VerificationDeps, now: Date, options: VerificationRunOptions): Promise<VerificationRun> {
  const db = deps.store.db;
  const settings = deps.verify;
  const snapshot = await readSnapshot(db);
  const unitsById = new Map(snapshot.units.map((u) => [u.id, u]));
  const itemsByUnit = groupBy(snapshot.items, (i) => i.unitId);
  const rows = (await listVerificationTargets(db)).filter(
    (r) => (!options.unitKey || r.unitKey === options.unitKey) && (!options.domain || r.domain === options.domain.toLowerCase()),
  );
  const rowByDomain = new Map(rows.map((r) => [r.domain.toLowerCase(), r]));
  const domainsPerUnit = new Map<number, number>();
  for (const r of rows) domainsPerUnit.set(r.unitId, (domainsPerUnit.get(r.unitId) ?? 0) + 1);
  const wasOffline = (await lastPasses(db)).last?.offline ?? false;
  const states = await readVerificationStates(db, snapshot.items.filter((i) => isVerifiedTask(i.task) && domainsPerUnit.has(i.unitId)).map((i) => i.id));
  const passId = options.dryRun ? 0 : await startPass(db, { at: now, kind: options.kind, actor: options.actor, domains: rows.length });
  const resolverCount = Math.max(1, settings.dnsServers.length);
  const report: VerificationRun = { at: now, kind: options.kind, offline: false, dryRun: Boolean(options.dryRun), domains: [], counts: zeroCounts(), notes: [], elapsedMs: 0, results: [] };
  const buffered = new Map<number, DomainVerification[]>();

  const storeUnit = async (unit: UnitRecord, results: DomainVerification[]) => {
    const items = (itemsByUnit.get(unit.id) ?? []).filter((i) => isVerifiedTask(i.task));
    // NOTE: a unit's site and unbind speak for all its domains: decided only when all were probed.
    const whole = results.length === unit.domains.length;
    const observed = unitObservations(results);
    const observationOf = (item: ItemRecord): Observation | null => {
      if (item.task === "domain") return results.find((r) => r.domain === item.domain?.toLowerCase())?.observations.domain ?? null;
      if (!whole) return null;
      return item.task === "site" ? observed.site : observed.unbind;
    };
    const next: StoredVerification[] = [];
    for (const item of items) {
      const obs = observationOf(item);
      if (!obs) continue;
      const before = states.get(item.id);
      // NOTE: one observation an hour counts: passes asked for by hand in between show their
      // evidence but cannot make "3 in a row" out of three clicks within a minute.
      const countedThisHour = before?.state.lastObservedAt && sameHour(new Date(before.state.lastObservedAt), now);
      const step = countedThisHour
        ? { state: before.state, note: null }
        : advanceVerification(before?.state ?? INITIAL_VERIFICATION, obs, {
            resolverCount,
            reportedDoneAt: item.state === "done" ? item.updatedAt : null,
          });
      const verification = step.state.verification;
      const cached = step.note === "possibly-cached" && step.state.cacheUntil ? `（${cacheNote(new Date(step.state.cacheUntil))}）` : "";
      const stored: StoredVerification = {
        itemId: item.id,
        verification,
        state: step.state,
        summary: `${obs.summary}${cached}`,
        advice: obs.outcome === "present" ? obs.advice : null,
        observedAt: now,
        verifiedAt: verification === "confirmed" ? (before?.verification === "confirmed" ? before.verifiedAt : now) : null,
        changedAt: step.state.changedAt ? new Date(step.state.changedAt) : null,
      };
      states.set(item.id, stored);
      next.push(stored);
    }
    const icp = icpOf(unit, results);
    if (icp.note) report.notes.push(icp.note);
    if (!options.dryRun) {
      await inTransaction(db, async (tx) => {
        for (const r of results) {
          const row = rowByDomain.get(r.domain)!;
          await saveEvidence(tx, passId, row.domainId, r.evidence);
          if (r.fingerprint && !row.baseline) await keepBaseline(tx, row.domainId, r.fingerprint);
        }
        for (const s of next) await saveVerificationState(tx, s);
        if (icp.fill) {
          const who: Who = { ...SYSTEM, now };
          await applyUnitFact(tx, unit.id, { field: "icpNumber", value: icp.fill }, who);
          // The unit's first ICP filing takes it too, as from the unit sheet: the 附件4 form shows it.
          await followSheetNumber(tx, unit.id, icp.fill, who);
          await applyFactRules(tx, unit.id, now);
        }
      });
    }
    for (const r of results) report.domains.push(domainReport(r, unit, items, states));
    const doneIds = new Set(items.filter((i) => i.state === "done").map((i) => i.id));
    for (const s of next) report.counts[s.verification === "contradicted" && !doneIds.has(s.itemId) ? "present" : s.verification]++;
  };

  const summary = await runVerificationPass(
    rows.map((r) => ({ domain: r.domain, isSubdomain: r.isSubdomain, unitKey: r.unitKey, baseline: r.baseline, registryLastQueriedAt: r.registryLastQueriedAt })),
    {
      settings,
      now,
      signal: options.signal,
      onResult: async (result) => {
        const row = rowByDomain.get(result.domain);
        if (!row) return;
        const list = [...(buffered.get(row.unitId) ?? []), result];
        if (list.length < domainsPerUnit.get(row.unitId)!) return void buffered.set(row.unitId, list);
        buffered.delete(row.unitId);
        await storeUnit(unitsById.get(row.unitId)!, list);
      },
    },
  );
  report.offline = summary.offline;
  report.elapsedMs = summary.elapsedMs;
  const order = new Map(rows.map((r, i) => [r.domain, i]));
  report.domains.sort((a, b) => order.get(a.domain)! - order.get(b.domain)!);
  if (options.dryRun) return report;
  await finishPass(db, passId, summary);
  // Said once in the log: when the network goes away, not at every pass while it stays away.
  if (summary.offline && !wasOffline) deps.logger.error(`${OFFLINE_NOTICE}: no resolver (${settings.dnsServers.join(", ") || "system"}) and no WHOIS server answered; every result is inconclusive`);
  if (!summary.offline && wasOffline) deps.logger.info("verification reaches the internet again");
  if (options.sendMessages !== false) report.results = await sendVerificationMessages(deps, now);
  return report;
}

const HOUR_MS = 3_600_000;

/** Shanghai is a whole number of hours from UTC: the same UTC hour is the same Shanghai hour. */
function sameHour(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / HOUR_MS) === Math.floor(b.getTime() / HOUR_MS);
}

function zeroCounts(): Record<Verification | "present", number> {
  return { ...(Object.fromEntries(VERIFICATIONS.map((v) => [v, 0])) as Record<Verification, number>), present: 0 };
}

/**
 * The 备案号 the old site shows: fills the unit's when unknown, and is noted when it differs.
 * NOTE: a unit whose only domains are sub-domains of another's (区公安分局, jt.czsga.gov.cn) shows
 * the parent domain owner's filing in its footer, not one of its own: nothing is filled.
 */
function icpOf(unit: UnitRecord, results: readonly DomainVerification[]): { fill: string | null; note: string | null } {
  if (unit.domains.length > 0 && unit.domains.every((d) => d.isSubdomain)) return { fill: null, note: null };
  const found = results.map((r) => r.icpNumber ?? r.fingerprint?.icpNumber).find((n): n is string => Boolean(n));
  if (!found) return { fill: null, note: null };
  const parsed = parseIcpNumber(found);
  if (!parsed.ok) return { fill: null, note: null };
  const subject = parsed.number.subject;
  if (!unit.icpNumber) return { fill: subject, note: verifyReplyTexts.icpFilled(unit.name, subject) };
  const onRecord = parseIcpNumber(unit.icpNumber);
  if (onRecord.ok && onRecord.number.subject !== subject) return { fill: null, note: verifyReplyTexts.icpDiffers(unit.name, unit.icpNumber, subject) };
  return { fill: null, note: null };
}

function domainReport(r: DomainVerification, unit: UnitRecord, items: readonly ItemRecord[], states: Map<number, StoredVerification>): DomainReport {
  const tasks = items
    .filter((i) => (i.task === "domain" ? i.domain?.toLowerCase() === r.domain : true))
    .map((i) => {
      const task = i.task as VerifiedTask;
      return { task, itemKey: i.key, verification: states.get(i.id)?.verification ?? "unverified", summary: r.observations[task].summary, reportedDone: i.state === "done" };
    });
  return {
    domain: r.domain,
    unitKey: unit.key,
    unitName: unit.name,
    outcomes: { dns: r.dns.outcome, http: r.http.outcome, unbind: r.unbind.outcome, registry: r.registry.outcome },
    tasks,
    summary: r.summary,
    evidence: r.evidence,
  };
}

export type { VerificationTargetRow };

/**
 * What VERIFY_CRON's tick does: a baseline pass once a day before the window opens, then hourly
 * until every verified item is confirmed (or accepted) or a week after the last deadline.
 * NOTE: quiet hours hold back the DMs, never the probes.
 */
export async function runScheduledVerification(deps: VerificationDeps, now: Date, signal?: AbortSignal): Promise<{ results: DeliveryResult[]; ran: boolean }> {
  const snapshot = await readSnapshot(deps.store.db);
  const verified = snapshot.items.filter((i) => isVerifiedTask(i.task));
  const deadlines = snapshot.deadlines.filter((d) => d.tasks.some(isVerifiedTask));
  if (verified.length === 0 || deadlines.length === 0) return { results: [], ran: false };
  const opens = deadlines.map((d) => (d.opensAt ?? d.dueAt).getTime());
  const decision = decideVerificationRun({
    now,
    windowOpensAt: new Date(Math.min(...opens)),
    lastDueAt: new Date(Math.max(...deadlines.map((d) => d.dueAt.getTime()))),
    lastPassAt: await lastScheduledPassAt(deps.store.db),
    allConfirmed: verified.every((i) => i.verification?.accepted || i.verification?.verification === "confirmed"),
  });
  if (!decision.run) {
    deps.logger.debug(`verification: no pass (${decision.reason})`);
    // NOTE: what quiet hours or a failed send held back still goes out, pass or no pass.
    return { results: await sendVerificationMessages(deps, now), ran: false };
  }
  const run = await runVerification(deps, now, { kind: decision.kind, actor: SYSTEM_ACTOR, signal });
  deps.logger.info(`verification ${decision.kind} pass: ${run.domains.length} domains in ${Math.round(run.elapsedMs)} ms${run.offline ? ` (${OFFLINE_NOTICE})` : ""}`);
  return { results: run.results, ran: true };
}
