import { seedCommand } from "../src/cli/seed-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(seedCommand, process.argv.slice(2));
