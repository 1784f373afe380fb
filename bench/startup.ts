// Section "startup": the bot from process start to serving HTTP, and its memory once started, as
// `npm start` runs it (compiled: node dist/main.js, after `npm run build`) and as it ran before
// (tsx src/main.ts), on a store already migrated and seeded. Decision 013.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { startSlackStandin } from "../tools/slack-standin/index.ts";
import { PROJECT_ROOT } from "../scripts/prisma-cli.ts";
import { BOT_TOKEN, serverEnv } from "./bench-campaign.ts";
import { fixed, percentile, type Table } from "./stats.ts";
import { inheritedEnvironment } from "../src/config/environment.ts";

const ROUNDS = 7;
const SETTLE_MS = 1_500;

const WAYS: { name: string; command: string; args: string[] }[] = [
  { name: "`node --enable-source-maps dist/main.js` (npm start)", command: process.execPath, args: ["--enable-source-maps", "dist/main.js"] },
  { name: "`tsx src/main.ts` (npm start before)", command: path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), args: ["src/main.ts"] },
];

/** Resident memory of a process and its children, in MB (Linux /proc); NaN elsewhere. */
function treeRssMb(pid: number): number {
  try {
    const children = fs
      .readdirSync("/proc")
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === String(pid);
        } catch {
          return false;
        }
      });
    return [String(pid), ...children].reduce((sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))![1]) / 1024, 0);
  } catch {
    return Number.NaN;
  }
}

async function startOnce(way: (typeof WAYS)[number], env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(way.command, way.args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        output += d.toString();
        if (/\/slack\/events/.test(output)) resolve(performance.now() - started);
      });
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      child.once("exit", (code) => reject(new Error(`${way.name} exited with ${code} before serving:\n${output}`)));
    });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { ms, rssMb: treeRssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export async function runStartup(): Promise<Table> {
  await promisify(execFile)("npm", ["run", "build"], { cwd: PROJECT_ROOT });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-startup-"));
  const slack = await startSlackStandin({ botToken: BOT_TOKEN });
  const env = inheritedEnvironment({ ...serverEnv(slack, `file:${path.join(dir, "bot.db")}`), HOST: "127.0.0.1", CAMPAIGN_YEAR: "2027" });
  try {
    // The first start migrates and seeds the store; not counted.
    await startOnce(WAYS[0]!, env);
    const samples = new Map(WAYS.map((w) => [w, [] as { ms: number; rssMb: number }[]]));
    for (let round = 0; round < ROUNDS; round++) for (const way of WAYS) samples.get(way)!.push(await startOnce(way, env));
    return {
      title: "Start of the bot (HTTP mode, store already migrated)",
      columns: ["how", "starts", "to serving p50 ms", "max ms", "resident MB p50 (process tree)", "max MB"],
      rows: WAYS.map((way) => {
        const s = samples.get(way)!;
        const ms = s.map((x) => x.ms);
        const mb = s.map((x) => x.rssMb);
        return [way.name, String(s.length), fixed(percentile(ms, 50), 0), fixed(Math.max(...ms), 0), fixed(percentile(mb, 50)), fixed(Math.max(...mb))];
      }),
      notes: [
        `From spawning the process to its line saying where it serves /slack/events; memory ${SETTLE_MS / 1000} s later, the process and its children (tsx runs the program in a child node process). The two take turns, ${ROUNDS} starts each.`,
      ],
    };
  } finally {
    await slack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
