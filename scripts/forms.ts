import { formsCommand } from "../src/cli/forms-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(formsCommand, process.argv.slice(2));
