import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { shanghaiDay } from "../domain/calendar.ts";
import { buildStatusRows, formatStatusRows } from "../export/status-export.ts";
import { buildStatusWorkbook } from "../export/status-workbook.ts";
import { cliTexts } from "../messages/cli-messages.ts";
import { digestTexts } from "../messages/digest-messages.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import type { CliCommand } from "./cli-context.ts";

const FORMATS = ["csv", "json", "xlsx"] as const;

/** npm run export [-- --format csv|json|xlsx] [--out FILE] */
export const exportCommand: CliCommand = async (ctx) => {
  const { values } = parseArgs({ args: ctx.args, options: { format: { type: "string", default: "csv" }, out: { type: "string" } } });
  const format = FORMATS.find((f) => f === values.format?.toLowerCase());
  if (!format) {
    ctx.err(cliTexts.badExportFormat(String(values.format)));
    return 2;
  }
  const snapshot = await readSnapshot(ctx.store.db);
  if (format !== "xlsx") {
    ctx.out(formatStatusRows(buildStatusRows(snapshot), format));
    return 0;
  }
  // NOTE: a workbook is binary: it goes to a file, never to the terminal.
  const file = path.resolve(values.out ?? digestTexts.fileName(shanghaiDay(ctx.now), "xlsx"));
  fs.writeFileSync(file, await buildStatusWorkbook(snapshot, ctx.now));
  ctx.err(cliTexts.workbookWritten(file, snapshot.units.length, snapshot.items.length));
  return 0;
};
