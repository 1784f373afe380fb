// Runs one of the project's entry points (src/main.ts, scripts/*.ts) as its own process, as npm does.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { bareEnvironment } from "../../src/config/environment.ts";
import { nodeArgs } from "./entry-point.ts";

const runFile = promisify(execFile);

export interface ScriptProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  out(): string;
  err(): string;
}

export function startScript(script: string, args: string[], env: Record<string, string>): ScriptProcess {
  const child = spawn(process.execPath, nodeArgs(script, ...args), {
    env: bareEnvironment({ VERIFY: "off", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

export async function waitFor(check: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `scripts/<script>.ts` to its end with only `env` (and a server TZ far from Shanghai): its exit code and output. */
export async function runCli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runFile(process.execPath, nodeArgs(`scripts/${script}.ts`, ...args), {
      env: bareEnvironment({ TZ: "America/New_York", ...env }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
