import { unitsCommand } from "../src/cli/units-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(unitsCommand, process.argv.slice(2));
