// npm run verify [-- --now ISO] [--domain D] [--json] [--dry-run]: one verification pass, the
// same as the scheduler's; a line per domain, or JSON. --dry-run probes, stores and sends nothing.
import { argsProblem } from "./args-problem.ts";
import { parseArgs } from "node:util";
import { cliTexts } from "../messages/cli-messages.ts";
import { verifyCliTexts } from "../messages/verification-messages.ts";
import { runVerification } from "../schedule/verification-run.ts";
import { listVerificationTargets } from "../store/verification-repository.ts";
import { verifySettingsFromConfig } from "../verification/index.ts";
import type { DomainReport } from "../verification/run-report.ts";
import type { CliCommand } from "./cli-context.ts";
import { cliDeps, parseNowOption } from "./remind-command.ts";

const USAGE = "npm run verify -- [--now ISO] [--domain D] [--json] [--dry-run]";

function verdictOf(d: DomainReport, task: "site" | "unbind" | "domain") {
  return d.tasks.find((t) => t.task === task)?.verification ?? "unverified";
}

export const verifyCommand: CliCommand = async (ctx) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: ctx.args,
      options: { now: { type: "string" }, domain: { type: "string" }, json: { type: "boolean", default: false }, "dry-run": { type: "boolean", default: false } },
    }));
  } catch (error) {
    ctx.err(`${argsProblem(error) ?? (error as Error).message}\n${USAGE}`);
    return 2;
  }
  const now = parseNowOption(values.now, ctx.now);
  if (!now) {
    ctx.err(`${cliTexts.badNow(values.now)}\n${USAGE}`);
    return 2;
  }
  if (ctx.config.VERIFY === "off") {
    ctx.err(verifyCliTexts.disabled);
    return 2;
  }
  const domain = values.domain?.trim().toLowerCase();
  if (domain && !(await listVerificationTargets(ctx.store.db)).some((t) => t.domain.toLowerCase() === domain)) {
    ctx.err(verifyCliTexts.unknownDomain(domain));
    return 2;
  }
  const dryRun = values["dry-run"] ?? false;
  const deps = { ...cliDeps(ctx), verify: verifySettingsFromConfig(ctx.config) };
  const run = await runVerification(deps, now, {
    kind: "cli",
    actor: ctx.actor,
    domain,
    dryRun,
    // NOTE: without a bot token the pass still stores its verdicts; the bot's next pass sends the DMs.
    sendMessages: Boolean(ctx.config.SLACK_BOT_TOKEN),
    signal: ctx.signal,
  });
  if (values.json) {
    const rows = run.domains.map((d) => ({
      domain: d.domain,
      unit_key: d.unitKey,
      ...d.outcomes,
      verification: { site: verdictOf(d, "site"), unbind: verdictOf(d, "unbind"), domain: verdictOf(d, "domain") },
      evidence: d.evidence,
      summary: d.summary,
    }));
    ctx.out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const d of run.domains) {
      ctx.out(`${verifyCliTexts.line(d.domain, d.unitKey, verifyCliTexts.verdicts(verdictOf(d, "site"), verdictOf(d, "unbind"), verdictOf(d, "domain")), d.summary)}\n`);
    }
  }
  for (const note of run.notes) ctx.err(note);
  if (run.offline) ctx.err(verifyCliTexts.offline);
  ctx.err(verifyCliTexts.done(run.domains.length, run.elapsedMs / 1000, dryRun));
  return 0;
};
