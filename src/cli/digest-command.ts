import { formatQuietHours } from "../delivery/quiet-hours.ts";
import { runDigest } from "../digest/digest-pass.ts";
import { digestTexts } from "../messages/digest-messages.ts";
import { renderMessage } from "../slack/blocks/render-text.ts";
import type { CliCommand } from "./cli-context.ts";
import { cliDeps, NEEDS_TOKEN, readPassArgs } from "./remind-command.ts";

const USAGE = [
  "用法：npm run digest -- [--now 时间] [--dry-run]",
  "  --now      以这个时间生成当天的日报，ISO 8601，例如 2027-06-21T17:00:00+08:00；默认现在",
  "  --dry-run  只显示日报内容，不发送、不写入任何数据",
].join("\n");

/** npm run digest -- [--now ISO] [--dry-run]: the day's scheduled digest, posted at most once. */
export const digestCommand: CliCommand = async (ctx) => {
  const args = readPassArgs(ctx);
  if (typeof args === "string") {
    ctx.err(`${args}\n${USAGE}`);
    return 2;
  }
  if (!args.dryRun && !ctx.config.SLACK_BOT_TOKEN) {
    ctx.err(NEEDS_TOKEN);
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
      if (report.digest.truncated) ctx.out(`（将附上完整进度表 CSV：${digestTexts.fileName(report.day, "csv")}）\n`);
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
    ctx.err(`日报被 Slack 拒收（${refused.error}），不再重试；已私信通知协调员。`);
    return 1;
  }
  const failed = report.results.filter((r) => r.outcome === "failed" || r.outcome === "not-attempted");
  ctx.err(failed.length > 0 ? `日报未能发送：${failed.map((f) => f.error).join("；")}（保留待发，下次重试）` : `${report.day} 的日报已发送。`);
  return failed.length > 0 ? 1 : 0;
};
