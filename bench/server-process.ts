// Starts a server script (the bot or the floor) in its own process, so the load generator and
// the server each get a core, and the server's memory is its own.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { MemorySample } from "./process-memory.ts";
import { environmentVariable, inheritedEnvironment } from "../src/config/environment.ts";

export interface ServerProcess {
  url: string;
  pid: number;
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

const LISTENING = /http:\/\/[\d.]+:(\d+)\/slack\/events/;

export async function startServerProcess(script: "bot-process.ts" | "floor-process.ts", env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    // BENCH_CPU_PROF=<folder> writes a V8 CPU profile of the server when it stops.
    execArgv: ["--import", "tsx", "--expose-gc", ...(environmentVariable("BENCH_CPU_PROF") ? ["--cpu-prof", `--cpu-prof-dir=${environmentVariable("BENCH_CPU_PROF")}`] : [])],
    env: inheritedEnvironment(env),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      const m = LISTENING.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    pid: child.pid!,
    memory: () =>
      new Promise((resolve) => {
        const onMessage = (m: unknown) => {
          if (typeof m === "object" && m !== null && "memory" in m) {
            child.off("message", onMessage);
            resolve((m as { memory: MemorySample }).memory);
          }
        };
        child.on("message", onMessage);
        child.send("memory");
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
