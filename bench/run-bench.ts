// npm run bench [-- section …]: prints each section's results as a markdown table.
import { runAckLatency } from "./ack-latency.ts";
import { runDelivery } from "./delivery.ts";
import { runMemory } from "./memory.ts";
import { runPlanning } from "./planning.ts";
import { runStartup } from "./startup.ts";
import { runVerification } from "./verification.ts";
import { formatTable, type Table } from "./stats.ts";

const SECTIONS: Record<string, () => Promise<Table | Table[]>> = {
  ack: runAckLatency,
  planning: runPlanning,
  delivery: runDelivery,
  memory: runMemory,
  verification: runVerification,
  startup: runStartup,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !(s in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : Object.keys(SECTIONS);
console.log(`# Benchmarks\n\nnode ${process.version}, ${(await import("node:os")).cpus().length} cores, ${new Date().toISOString()}\n`);
for (const name of chosen) {
  const started = Date.now();
  const tables = [await SECTIONS[name]!()].flat();
  for (const t of tables) console.log(formatTable(t));
  console.error(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(0);
