import { digestCommand } from "../src/cli/digest-command.ts";
import { runCli } from "../src/cli/run-cli.ts";

await runCli(digestCommand, process.argv.slice(2));
