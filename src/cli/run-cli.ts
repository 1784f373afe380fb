// Composition root of the CLIs: config, store, clock, streams.
import { argsProblem } from "./args-problem.ts";
import os from "node:os";
import { loadConfig } from "../config/load-config.ts";
import { openCampaign } from "../app/open-campaign.ts";
import { cliTexts } from "../messages/cli-messages.ts";
import type { CliCommand } from "./cli-context.ts";

/** The first SIGINT/SIGTERM asks the command to stop cleanly; a second one exits at once. */
function stopOnSignals(): AbortSignal {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`${cliTexts.stopping(signal)}\n`);
    abort.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return abort.signal;
}

export async function runCli(command: CliCommand, args: string[]): Promise<void> {
  const config = loadConfig();
  const clock = () => new Date();
  let store;
  try {
    store = await openCampaign(config, clock());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  try {
    process.exitCode = await command({
      args,
      config,
      store,
      now: clock(),
      clock,
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
      actor: `cli:${os.userInfo().username}`,
      signal: stopOnSignals(),
    });
  } catch (error) {
    // NOTE: a command that reads its arguments without catching parseArgs' refusal lands here.
    const problem = argsProblem(error);
    console.error(problem ? `${problem}\n${cliTexts.seeUsage}` : (error as Error).message);
    process.exitCode = problem ? 2 : 1;
  } finally {
    await store.close();
  }
}
