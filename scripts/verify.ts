import { verifyCommand } from "../src/cli/verify-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(verifyCommand, process.argv.slice(2));
