// From observations to a verification, with hysteresis against flapping: confirmed after 3
// "gone" in a row (from 2 sources where 2 resolvers are configured), contradicted after 2
// "present" in a row; inconclusive observations count for neither and break no streak.
// A pure function of the state, the observation and the options; the state is plain JSON.
import type { Observation } from "./observations.ts";
import type { Verification } from "../domain/model/verification.ts";

export const CONFIRM_AFTER = 3;
export const CONTRADICT_AFTER = 2;

export interface Streak {
  outcome: "gone" | "present";
  count: number;
  /** Every source that said so during the streak. */
  sources: string[];
  since: string;
}

export interface VerificationState {
  verification: Verification;
  streak: Streak | null;
  /** Present DNS answers before this instant may be a resolver's cache of a deleted record. */
  cacheUntil: string | null;
  /** What the cache window belongs to: the report's instant, or "mixed". */
  cacheFor: string | null;
  lastObservedAt: string | null;
  /** When `verification` last changed. */
  changedAt: string | null;
}

export const INITIAL_VERIFICATION: VerificationState = {
  verification: "unverified",
  streak: null,
  cacheUntil: null,
  cacheFor: null,
  lastObservedAt: null,
  changedAt: null,
};

export interface VerdictOptions {
  /** Resolvers configured. With 2 or more, "gone" for a domain must come from 2 sources (a registry counts as one). */
  resolverCount: number;
  /** When the contact reported the item done, if they did. */
  reportedDoneAt: Date | null;
}

export type VerdictNote = "possibly-cached" | "awaiting-second-source" | null;

export interface VerdictStep {
  state: VerificationState;
  /** What the observation counted as. */
  counted: "gone" | "present" | "none";
  note: VerdictNote;
  changed: boolean;
}

export type ObservationInput = Pick<Observation, "task" | "outcome" | "sources" | "at" | "ttlSeconds" | "mixed">;

const decided = (v: Verification) => v === "confirmed" || v === "contradicted";

/**
 * A present DNS answer soon after the contact deleted the record (or while another resolver
 * already says gone) may be a recursive resolver's cache: it does not count until the TTL it
 * came with has run out.
 */
function cacheWindow(state: VerificationState, obs: ObservationInput, options: VerdictOptions): Pick<VerificationState, "cacheUntil" | "cacheFor"> & { cached: boolean } {
  const keep = { cacheUntil: state.cacheUntil, cacheFor: state.cacheFor, cached: false };
  if (obs.task !== "domain" || obs.outcome !== "present" || !obs.ttlSeconds) return keep;
  const at = new Date(obs.at).getTime();
  const reported = options.reportedDoneAt && options.reportedDoneAt.getTime() <= at ? options.reportedDoneAt.toISOString() : null;
  const key = reported ?? (obs.mixed ? "mixed" : null);
  if (!key) return keep;
  if (state.cacheFor !== key || state.cacheUntil === null) {
    return { cacheUntil: new Date(at + obs.ttlSeconds * 1000).toISOString(), cacheFor: key, cached: true };
  }
  return { ...keep, cached: at < new Date(state.cacheUntil).getTime() };
}

export function advanceVerification(state: VerificationState, obs: ObservationInput, options: VerdictOptions): VerdictStep {
  const window = cacheWindow(state, obs, options);
  const counted: VerdictStep["counted"] = obs.outcome === "inconclusive" || window.cached ? "none" : obs.outcome;
  let streak = state.streak;
  let verification = state.verification;
  let note: VerdictNote = window.cached ? "possibly-cached" : null;

  if (counted === "none") {
    if (!decided(verification)) verification = "inconclusive";
  } else {
    streak =
      streak?.outcome === counted
        ? { ...streak, count: streak.count + 1, sources: [...new Set([...streak.sources, ...obs.sources])] }
        : { outcome: counted, count: 1, sources: [...new Set(obs.sources)], since: obs.at };
    if (counted === "gone" && streak.count >= CONFIRM_AFTER) {
      const needed = obs.task === "domain" ? Math.min(2, Math.max(1, options.resolverCount)) : 1;
      if (streak.sources.length >= needed) verification = "confirmed";
      else if (!decided(verification)) {
        verification = "inconclusive";
        note = "awaiting-second-source";
      }
    } else if (counted === "present" && streak.count >= CONTRADICT_AFTER) {
      verification = "contradicted";
    } else if (!decided(verification)) {
      verification = "unverified";
    }
  }
  const changed = verification !== state.verification;
  return {
    state: {
      verification,
      streak,
      cacheUntil: window.cacheUntil,
      cacheFor: window.cacheFor,
      lastObservedAt: obs.at,
      changedAt: changed ? obs.at : state.changedAt,
    },
    counted,
    note,
    changed,
  };
}

/** The verification after a history of observations, oldest first. */
export function decideVerification(observations: readonly ObservationInput[], options: VerdictOptions, from: VerificationState = INITIAL_VERIFICATION): VerificationState {
  return observations.reduce((state, obs) => advanceVerification(state, obs, options).state, from);
}
