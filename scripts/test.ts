// `npm test`: the type check and vitest started together (the type check ends while vitest is still
// setting up), vitest's output as it comes and the type check's after it. Fails if either fails.
// Arguments go to vitest: `npm test -- test/seed.test.ts`.
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../src/lib/project-root.ts";

const bin = (name: string) => path.join(projectRoot(), "node_modules", ".bin", name);

function run(command: string, args: string[], capture: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot(), stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = Date.now();
const typecheck = run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], true).then((result) => ({ ...result, seconds: (Date.now() - started) / 1000 }));
const tests = await run(bin("vitest"), ["run", ...process.argv.slice(2)], false);
const checked = await typecheck;
if (checked.code === 0) {
  console.log(`type check: no errors (${checked.seconds.toFixed(1)} s, beside the tests)`);
} else {
  process.stdout.write(checked.output);
  console.error(`type check: failed (exit ${checked.code})`);
}
process.exitCode = tests.code !== 0 ? tests.code : checked.code;
