import { exportCommand } from "../src/cli/export-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(exportCommand, process.argv.slice(2));
