// The fake internet as a process: `tsx tools/fake-internet/main.ts --seed` (or --synthetic N)
// prints one JSON line with the VERIFY_* variables that point at it, then applies the world
// commands read on stdin (site jtda.gov.cn down, dns jtda.gov.cn gone…), one JSON answer a line.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { startFakeInternet } from "./fake-internet.ts";
import { seedDomains } from "./seed-world.ts";
import { silentServers, syntheticDomains, type SyntheticSpec } from "./synthetic-world.ts";
import type { FakeDomainInit } from "./world.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "boolean", default: false },
    synthetic: { type: "string" },
    slow: { type: "string", default: "0" },
    silent: { type: "string", default: "0" },
    servers: { type: "string", default: "100" },
    resolvers: { type: "string", default: "2" },
    certificates: { type: "string", default: "per-name" },
  },
});

const spec: SyntheticSpec | null = values.synthetic
  ? { count: Number(values.synthetic), slowShare: Number(values.slow), silentShare: Number(values.silent), servers: Number(values.servers) }
  : null;
const domains: FakeDomainInit[] = [...(values.seed ? seedDomains() : []), ...(spec ? syntheticDomains(spec) : [])];
const fake = await startFakeInternet({
  domains,
  resolvers: Number(values.resolvers),
  certificates: values.certificates === "shared" ? "shared" : "per-name",
});
if (spec) await fake.change((w) => silentServers(spec).forEach((a) => w.setServer(a, { mode: "silent" })));
process.stdout.write(`${JSON.stringify({ ready: true, env: fake.env(), caPem: fake.caPem, domains: domains.length })}\n`);

process.on("message", (m: unknown) => {
  if (m !== "memory") return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ memory: process.memoryUsage() });
});

const lines = readline.createInterface({ input: process.stdin });
// NOTE: one command at a time, answered in the order they came.
let queue = Promise.resolve();
lines.on("line", (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    const result = await fake.command(line);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
});
const stop = async () => {
  await queue;
  await fake.close();
  process.exit(0);
};
lines.on("close", stop);
process.on("SIGTERM", stop);
