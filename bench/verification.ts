// Section "verification": passes over the seed's 41 domains and over 10,000 synthetic domains
// (some slow or silent) against the fake internet in its own process: wall time against the
// bound VERIFY_TIMEOUT_MS × ⌈domains ÷ concurrency⌉ (+ a preflight), questions per second, memory.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { PassJob, PassMeasure } from "./verification-child.ts";
import { fixed, type Table } from "./stats.ts";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("verification-child.ts", import.meta.url));
const FAKE = fileURLToPath(new URL("../tools/fake-internet/main.ts", import.meta.url));
/** Heap growth over a pass that still counts as flat. */
const FLAT_MB = 3;

interface FakeProcess {
  env: Record<string, string>;
  caPem: string;
  stop(): Promise<void>;
}

async function startFake(args: string[]): Promise<FakeProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", FAKE, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`fake internet exited with ${code}`)));
  });
  const ready = JSON.parse(first) as { env: Record<string, string>; caPem: string };
  return {
    env: ready.env,
    caPem: ready.caPem,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}

async function measure(job: PassJob): Promise<PassMeasure> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--expose-gc", CHILD, JSON.stringify(job)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as PassMeasure;
}

interface Run {
  label: string;
  fake: string[];
  targets: PassJob["targets"];
  concurrency: number;
  timeoutMs: number;
  registryGapMs: number;
}

const SYNTHETIC = ["--synthetic", "10000", "--slow", "0.01", "--silent", "0.01", "--servers", "100", "--certificates", "shared"];
const RUNS: Run[] = [
  { label: "seed, 41 domains (registry paced 1 s)", fake: ["--seed"], targets: { kind: "seed" }, concurrency: 8, timeoutMs: 5_000, registryGapMs: 1_000 },
  { label: "seed, 41 domains (registry unpaced)", fake: ["--seed"], targets: { kind: "seed" }, concurrency: 8, timeoutMs: 5_000, registryGapMs: 0 },
  { label: "10,000 synthetic, 1% slow, 1% silent", fake: SYNTHETIC, targets: { kind: "synthetic", count: 10_000 }, concurrency: 8, timeoutMs: 2_000, registryGapMs: 0 },
  { label: "10,000 synthetic, 1% slow, 1% silent", fake: SYNTHETIC, targets: { kind: "synthetic", count: 10_000 }, concurrency: 32, timeoutMs: 2_000, registryGapMs: 0 },
  {
    label: "1,000 synthetic, every server silent",
    fake: ["--synthetic", "1000", "--silent", "1", "--servers", "20", "--certificates", "shared"],
    targets: { kind: "synthetic", count: 1_000 },
    concurrency: 32,
    timeoutMs: 1_000,
    registryGapMs: 0,
  },
];

export async function runVerification(): Promise<Table> {
  const rows: string[][] = [];
  const notes: string[] = [];
  let fake: FakeProcess | null = null;
  let fakeArgs = "";
  try {
    for (const r of RUNS) {
      if (fakeArgs !== r.fake.join(" ")) {
        await fake?.stop();
        fake = await startFake(r.fake);
        fakeArgs = r.fake.join(" ");
      }
      const domains = r.targets.kind === "seed" ? 41 : r.targets.count;
      const m = await measure({ env: fake!.env, caPem: fake!.caPem, targets: r.targets, concurrency: r.concurrency, timeoutMs: r.timeoutMs, registryGapMs: r.registryGapMs, sampleEvery: domains >= 1_000 ? 1_000 : domains });
      // The preflight (one budget at most) comes before the domains.
      const boundMs = r.timeoutMs * Math.ceil(domains / r.concurrency) + r.timeoutMs;
      const growth = m.heapMb.length > 1 ? m.heapMb.at(-1)! - m.heapMb[0]! : 0;
      rows.push([
        r.label,
        domains.toLocaleString("en"),
        String(r.concurrency),
        String(r.timeoutMs),
        fixed(m.ms / 1000, 1),
        fixed(boundMs / 1000, 1),
        m.ms <= boundMs ? "yes" : "NO",
        fixed((domains * 1000) / m.ms, 1),
        fixed((m.questions * 1000) / m.ms, 0),
        `${m.site.present} / ${m.site.gone} / ${m.site.inconclusive}`,
        String(m.registryQueries),
        m.heapMb.length > 1 ? `${fixed(m.heapMb[0]!)} → ${fixed(m.heapMb.at(-1)!)} (${Math.abs(growth) <= FLAT_MB ? "flat" : "GROWING"})` : fixed(m.heapMb[0] ?? Number.NaN),
        fixed(m.peakRssMb, 0),
      ]);
    }
  } finally {
    await fake?.stop();
  }
  notes.push(
    "Each pass runs in its own process (`--expose-gc`), the fake internet (`tools/fake-internet/main.ts`: two resolvers, HTTP and HTTPS servers per address, WHOIS, RDAP) in another. A domain's probes are 3 DNS questions to each resolver, GET / over https and http (redirects followed), two unbind requests to its server, and at most one registry query; *questions/s* counts them all (the evidence records).",
    "*bound* = VERIFY_TIMEOUT_MS × ⌈domains ÷ VERIFY_CONCURRENCY⌉ + one VERIFY_TIMEOUT_MS for the network check before the pass. Every domain has its own budget of VERIFY_TIMEOUT_MS for all of its probes, so a silent server costs one budget, never one per question.",
    `*heap* is the JS heap after a full GC at the first and the last 1,000 results (flat = within ${FLAT_MB} MB): results go to \`onResult\` and are not kept. The registry is asked at most ${20} times per server per pass (rate guard); with the production pause of 1 s between queries that lane runs beside the domain probes.`,
  );
  return {
    title: "Verification passes against the fake internet",
    columns: ["pass", "domains", "VERIFY_CONCURRENCY", "VERIFY_TIMEOUT_MS", "wall s", "bound s", "within", "domains/s", "questions/s", "site up / down / ?", "registry queries", "heap MB (first → last)", "peak RSS MB"],
    rows,
    notes,
  };
}
