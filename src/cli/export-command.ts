import { parseArgs } from "node:util";
import { buildStatusRows, formatStatusRows } from "../export/status-export.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import type { CliCommand } from "./cli-context.ts";
import { parseFormat } from "./parse-format.ts";

/** npm run export [-- --format csv|json] */
export const exportCommand: CliCommand = async (ctx) => {
  const { values } = parseArgs({ args: ctx.args, options: { format: { type: "string", default: "csv" } } });
  const format = parseFormat(values.format);
  if (!format) {
    ctx.err(`--format 只能是 csv 或 json（收到「${values.format}」）。例如：npm run export -- --format json`);
    return 2;
  }
  ctx.out(formatStatusRows(buildStatusRows(await readSnapshot(ctx.store.db)), format));
  return 0;
};
