import { formatQuietHours } from "../domain/quiet-hours.ts";
import { runDigest } from "../schedule/digest-pass.ts";
import { digestTexts } from "../messages/digest-messages.ts";
import { renderMessage } from "../slack/blocks/render-text.ts";
import type { CliCommand } from "./cli-context.ts";
import { cliDeps, readPassArgs } from "./remind-command.ts";
import { cliTexts } from "../messages/cli-messages.ts";

/** npm run digest -- [--now ISO] [--dry-run]: the day's scheduled digest, posted at most once. */
export const digestCommand: CliCommand = async (ctx) => {
  const args = readPassArgs(ctx);
  if (typeof args === "string") {
    ctx.err(`${args}\n${cliTexts.digestUsage}`);
    return 2;
  }
  if (!args.dryRun && !ctx.config.SLACK_BOT_TOKEN) {
    ctx.err(cliTexts.needsToken);
    return 2;
  }
  if (!ctx.config.DIGEST_CHANNEL_ID && !args.dryRun) {
    ctx.err(digestTexts.noChannel);
    return 2;
  }
  const report = await runDigest(cliDeps(ctx), args.now, { dryRun: args.dryRun, signal: ctx.signal });
  if (args.dryRun) {
    if (report.noChannel) ctx.out(`${digestTexts.noChannel}\n`);
    if (report.alreadySent) ctx.out(`${digestTexts.alreadySent(report.day)}\n`);
    if (report.digest) {
      ctx.out(`${renderMessage(report.digest.message).lines.join("\n")}\n`);
      if (report.digest.truncated) ctx.out(`${cliTexts.digestCsvAttached(digestTexts.fileName(report.day, "csv"))}\n`);
    }
    return 0;
  }
  if (report.quiet) {
    ctx.err(digestTexts.quiet(formatQuietHours(ctx.config.QUIET_HOURS)));
    return 0;
  }
  if (report.alreadySent && report.results.every((r) => r.outcome !== "sent")) {
    ctx.err(digestTexts.alreadySent(report.day));
    return 0;
  }
  const refused = report.results.find((r) => r.key.startsWith("digest:") && r.outcome === "undeliverable");
  if (refused) {
    ctx.err(cliTexts.digestRefused(refused.error));
    return 1;
  }
  const failed = report.results.filter((r) => r.outcome === "failed" || r.outcome === "not-attempted");
  ctx.err(failed.length > 0 ? cliTexts.digestLeft(failed.map((f) => f.error)) : cliTexts.digestSent(report.day));
  return failed.length > 0 ? 1 : 0;
};
