// `npm run sandbox < script`, as a person would run it: a real process reading a script on stdin,
// on its own SQLite file (copied from the migrated base file, so no migration runs per test).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { bareEnvironment } from "../../src/config/environment.ts";
import { nodeArgs } from "./entry-point.ts";

export interface SandboxRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SandboxDir {
  dbPath: string;
  run(script: string, args?: string[]): Promise<SandboxRun>;
  cleanup(): void;
}

export function createSandboxDir(): SandboxDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-sandbox-"));
  const dbPath = path.join(dir, "sandbox.db");
  fs.copyFileSync(inject("baseDatabasePath"), dbPath);
  return {
    dbPath,
    run: (script, args = []) => runSandbox(script, ["--db", dbPath, ...args]),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A rehearsal for the tests of one describe block: `script` run once, in a sandbox of its own,
 * before them (cleaned up after). The getters give its output and its store file.
 */
export function useRehearsal(script: string): { run(): SandboxRun; dbPath(): string } {
  let sandbox: SandboxDir | undefined;
  let result: SandboxRun | undefined;
  beforeAll(async () => {
    sandbox = createSandboxDir();
    result = await sandbox.run(script);
  }, 180_000);
  afterAll(() => sandbox?.cleanup());
  return { run: () => result!, dbPath: () => sandbox!.dbPath };
}

function runSandbox(script: string, args: string[]): Promise<SandboxRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs("scripts/sandbox.ts", ...args), {
      // NOTE: a server TZ far from Shanghai, and no Slack settings: the sandbox must need neither.
      env: bareEnvironment({ TZ: "America/New_York", CAMPAIGN_YEAR: "2027", LOG_LEVEL: "warn" }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(script);
  });
}

/** The output of one echoed command: from its echo line up to the next prompt's echo. */
export function outputOf(transcript: string, echo: string): string {
  const start = transcript.indexOf(`\n${echo}\n`);
  if (start < 0) throw new Error(`no line "${echo}" in the transcript:\n${transcript}`);
  const rest = transcript.slice(start + echo.length + 2);
  const next = rest.search(/^\S+> /m);
  return next < 0 ? rest : rest.slice(0, next);
}
