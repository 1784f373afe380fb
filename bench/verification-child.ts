// One verification pass in its own process (started with --expose-gc), against a fake internet
// given by its VERIFY_* variables; prints what it measured as one JSON line.
import { parseConfig } from "../src/config/env-schema.ts";
import { runVerificationPass, type VerificationTarget } from "../src/verification/verification-pass.ts";
import { verifySettingsFromConfig } from "../src/verification/verify-settings.ts";
import { seedDomains } from "../tools/fake-internet/seed-world.ts";
import { syntheticName } from "../tools/fake-internet/synthetic-world.ts";

export interface PassJob {
  env: Record<string, string>;
  caPem: string;
  targets: { kind: "seed" } | { kind: "synthetic"; count: number };
  concurrency: number;
  timeoutMs: number;
  registryGapMs: number;
  sampleEvery: number;
}

export interface PassMeasure {
  ms: number;
  domains: number;
  questions: number;
  site: { gone: number; present: number; inconclusive: number };
  slowestDomainMs: number;
  heapMb: number[];
  peakRssMb: number;
  registryQueries: number;
}

const job = JSON.parse(process.argv[2]!) as PassJob;
const parsed = parseConfig({ ...job.env, VERIFY_CONCURRENCY: String(job.concurrency), VERIFY_TIMEOUT_MS: String(job.timeoutMs) });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const settings = verifySettingsFromConfig(parsed.config, { extraCa: job.caPem });
settings.registry = { ...settings.registry, gapMs: job.registryGapMs };
const targets: VerificationTarget[] =
  job.targets.kind === "seed"
    ? seedDomains().map((d) => ({ domain: d.name, isSubdomain: d.isSubdomain, unitKey: d.unitKey, baseline: null, registryLastQueriedAt: null }))
    : Array.from({ length: job.targets.count }, (_, i) => ({ domain: syntheticName(i), isSubdomain: false, unitKey: null, baseline: null, registryLastQueriedAt: null }));

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const heapMb: number[] = [];
let done = 0;
let questions = 0;
let slowest = 0;
const started = performance.now();
const summary = await runVerificationPass(targets, {
  settings,
  now: new Date(),
  onResult: (r) => {
    done++;
    questions += r.evidence.length;
    slowest = Math.max(slowest, ...r.evidence.map((e) => e.elapsedMs));
    if (done % job.sampleEvery === 0) {
      gc?.();
      heapMb.push(mb(process.memoryUsage().heapUsed));
    }
  },
});
const ms = performance.now() - started;
const measure: PassMeasure = {
  ms,
  domains: summary.domains,
  questions,
  site: summary.outcomes.site,
  slowestDomainMs: slowest,
  heapMb,
  peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  registryQueries: summary.registries.reduce((n, r) => n + r.queried, 0),
};
process.stdout.write(`${JSON.stringify(measure)}\n`);
process.exit(0);
