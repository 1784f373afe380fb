import { runSandbox } from "../tools/sandbox/sandbox-main.ts";
import { processEnvironment } from "../src/config/environment.ts";

let code: number;
try {
  code = await runSandbox({
    argv: process.argv.slice(2),
    env: processEnvironment(),
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    err: (text) => process.stderr.write(`${text}\n`),
    columns: process.stdout.columns,
  });
} catch (error) {
  console.error((error as Error).message);
  code = 1;
}
// Whatever the Web API client still has scheduled must not keep the terminal waiting.
process.exit(code);
