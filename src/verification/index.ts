// The verification engine's public API: what the integration (store, commands, digest, DMs,
// `npm run verify`, the scheduler) builds on.
export * from "./verification-types.ts";
export { DEFAULT_VERIFY_SETTINGS, verifySettingsFromConfig, type VerifySettings, type VerifyConfig, type RegistryPolicy } from "./verify-settings.ts";
export { runVerificationPass, collectVerificationPass, unitObservations, headline, type VerificationTarget, type DomainVerification, type PassSummary, type PassOptions } from "./verification-pass.ts";
export { mergeObservations, type Observation, type ObservationReason } from "./observations.ts";
export { advanceVerification, decideVerification, INITIAL_VERIFICATION, CONFIRM_AFTER, CONTRADICT_AFTER, type VerificationState, type VerdictOptions, type VerdictStep } from "./verdict.ts";
export { decideVerificationRun, type ScheduleInput, type ScheduleDecision } from "./verification-schedule.ts";
export { planRegistryQueries, type RegistryCandidate, type RegistryPlan } from "./registry-rate-guard.ts";
export { registryTargetOf, registrableDomain } from "./registry-target.ts";
export { comparePage, takeFingerprint } from "./fingerprint.ts";
export { findIcpNumber, icpMainNumber } from "./page-reading.ts";
