import { argsProblem } from "./args-problem.ts";
import { parseArgs } from "node:util";
import { parseShanghaiDateTime } from "../domain/model/calendar.ts";
import type { OutgoingLogger } from "../schedule/deliver.ts";
import type { OutgoingDeps } from "../schedule/outgoing-deps.ts";
import { formatQuietHours } from "../domain/quiet-hours.ts";
import { createDeliveryClient } from "../slack/slack-sender.ts";
import { cliTexts } from "../messages/cli-messages.ts";
import { passTexts } from "../messages/reminder-messages.ts";
import { runReminderPass } from "../schedule/reminder-pass.ts";
import { renderMessage } from "../slack/blocks/render-text.ts";
import type { CliContext, CliCommand } from "./cli-context.ts";

/** ISO 8601 with Z or an offset; without one, Shanghai wall-clock time. */
export function parseNowOption(text: string | undefined, fallback: Date): Date | null {
  if (text === undefined) return fallback;
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (!/\d{1,2}:\d{2}$/.test(t)) return null;
  return parseShanghaiDateTime(t);
}

export function cliLogger(ctx: CliContext): OutgoingLogger {
  const debug = ctx.config.LOG_LEVEL === "debug";
  const line = (...msg: unknown[]) => ctx.err(msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" "));
  return { debug: debug ? line : () => undefined, info: line, warn: line, error: line };
}

export function cliDeps(ctx: CliContext): OutgoingDeps {
  return {
    store: ctx.store,
    client: createDeliveryClient(ctx.config.SLACK_BOT_TOKEN, ctx.config.SLACK_API_URL),
    config: ctx.config,
    clock: ctx.clock,
    logger: cliLogger(ctx),
  };
}

export function readPassArgs(ctx: CliContext): { now: Date; dryRun: boolean } | string {
  let values;
  try {
    ({ values } = parseArgs({ args: ctx.args, options: { now: { type: "string" }, "dry-run": { type: "boolean", default: false } } }));
  } catch (error) {
    return argsProblem(error) ?? (error as Error).message;
  }
  const now = parseNowOption(values.now, ctx.now);
  if (!now) return cliTexts.badNow(values.now);
  return { now, dryRun: values["dry-run"] ?? false };
}

/** npm run remind -- [--now ISO] [--dry-run]: one reminder pass, the same as the cron's. */
export const remindCommand: CliCommand = async (ctx) => {
  const args = readPassArgs(ctx);
  if (typeof args === "string") {
    ctx.err(`${args}\n${cliTexts.remindUsage}`);
    return 2;
  }
  if (!args.dryRun && !ctx.config.SLACK_BOT_TOKEN) {
    ctx.err(cliTexts.needsToken);
    return 2;
  }
  const report = await runReminderPass(cliDeps(ctx), args.now, { dryRun: args.dryRun, signal: ctx.signal });
  if (args.dryRun) {
    const pending = report.messages.filter((m) => !m.alreadySent).length;
    ctx.out(`${passTexts.dryRunHeader(report.day, pending)}\n`);
    if (report.quiet) ctx.out(`${passTexts.quiet(formatQuietHours(ctx.config.QUIET_HOURS))}\n`);
    if (report.noChannel) ctx.out(`${passTexts.noChannel}\n`);
    if (report.messages.length === 0) ctx.out(`${passTexts.nothingDue(report.day)}\n`);
    for (const m of report.messages) {
      ctx.out(`\n──── ${m.label}${m.alreadySent ? ` ${passTexts.alreadySent}` : ""} ────\n${renderMessage(m.build()).lines.join("\n")}\n`);
    }
    return 0;
  }
  if (report.quiet) {
    ctx.err(passTexts.quiet(formatQuietHours(ctx.config.QUIET_HOURS)));
    return 0;
  }
  const count = (o: string) => report.results.filter((r) => r.outcome === o).length;
  const left = count("failed") + count("not-attempted");
  const refused = count("undeliverable");
  ctx.err(
    cliTexts.passReport({
      day: report.day,
      planned: report.messages.length,
      sent: count("sent"),
      alreadySent: count("already-sent"),
      elsewhere: count("elsewhere"),
      left,
      refused,
    }),
  );
  return left > 0 ? 1 : 0;
};
