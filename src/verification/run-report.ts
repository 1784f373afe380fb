// What a verification pass run by the bot reports (`/shutdown verify`, `npm run verify`): per
// domain its verdicts after the pass and the questions asked, as plain data.
import type { Verification, VerifiedTask } from "../domain/model/verification.ts";
import type { EvidenceRecord, ProbeOutcome } from "./verification-types.ts";

export interface DomainReport {
  domain: string;
  unitKey: string;
  unitName: string;
  /** The probes' outcome per kind this pass. */
  outcomes: { dns: ProbeOutcome; http: ProbeOutcome; unbind: ProbeOutcome; registry: ProbeOutcome };
  /** The items this domain speaks for, with their verification after the pass. */
  tasks: { task: VerifiedTask; itemKey: string; verification: Verification; summary: string; reportedDone: boolean }[];
  /** The line to read first. */
  summary: string;
  evidence: EvidenceRecord[];
}

export interface VerificationRunReport {
  at: Date;
  kind: string;
  offline: boolean;
  dryRun: boolean;
  domains: DomainReport[];
  /** Items by verification after the pass (the items this pass touched); "present": still there, never reported done. */
  counts: Record<Verification | "present", number>;
  /** For coordinators: ICP numbers filled in or differing from the record. */
  notes: string[];
  elapsedMs: number;
}
