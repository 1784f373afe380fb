import { batchCommand } from "../src/cli/batch-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(batchCommand, process.argv.slice(2));
