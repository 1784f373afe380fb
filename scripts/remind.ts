import { remindCommand } from "../src/cli/remind-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(remindCommand, process.argv.slice(2));
