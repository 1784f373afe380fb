// Compiles the entry points once per run (tsconfig.test-build.json) into a folder of .test-build/:
// the processes the tests start (the CLIs, the sandbox, the bot, the helpers that hold a store)
// run that JavaScript with node alone, a second or so of CPU less each than under tsx's loader
// (decision 022). Folders left by runs that were killed are removed after a day.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { projectRoot } from "../../src/lib/project-root.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export default async function setup(project: TestProject) {
  const root = projectRoot();
  const parent = path.join(root, ".test-build");
  fs.mkdirSync(parent, { recursive: true });
  for (const old of fs.readdirSync(parent)) {
    const dir = path.join(parent, old);
    if (Date.now() - fs.statSync(dir).mtimeMs > DAY_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
  const outDir = fs.mkdtempSync(path.join(parent, "run-"));
  const tsc = path.join(root, "node_modules", ".bin", "tsc");
  // NOTE: the emit does not wait for a clean type check (npm test runs that first, and reports it).
  await promisify(execFile)(tsc, ["-p", path.join(root, "tsconfig.test-build.json"), "--outDir", outDir, "--noCheck"], { cwd: root }).catch(
    (error: { stdout?: string; message: string }) => {
      if (!fs.existsSync(path.join(outDir, "src", "main.js"))) throw new Error(`the tests' build failed: ${error.stdout ?? error.message}`);
    },
  );
  project.provide("compiledRoot", outDir);
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's compiled copy of the project: <root>/.test-build/run-…, laid out like the project. */
    compiledRoot: string;
  }
}
