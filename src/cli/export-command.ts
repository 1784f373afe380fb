import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { shanghaiDay } from "../domain/model/calendar.ts";
import { buildStatusRows, formatStatusRows } from "../export/status-export.ts";
import { buildStatusWorkbook } from "../export/status-workbook.ts";
import { cliTexts } from "../messages/cli-messages.ts";
import { digestTexts } from "../messages/digest-messages.ts";
import { batchSnapshot } from "../domain/model/records.ts";
import { batchTexts } from "../messages/batch-messages.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import type { CliCommand } from "./cli-context.ts";

const FORMATS = ["csv", "json", "xlsx"] as const;

/** npm run export [-- --format csv|json|xlsx] [--out FILE] [--batch 名称] */
export const exportCommand: CliCommand = async (ctx) => {
  const { values } = parseArgs({ args: ctx.args, options: { format: { type: "string", default: "csv" }, out: { type: "string" }, batch: { type: "string" } } });
  const format = FORMATS.find((f) => f === values.format?.toLowerCase());
  if (!format) {
    ctx.err(cliTexts.badExportFormat(String(values.format)));
    return 2;
  }
  const whole = await readSnapshot(ctx.store.db);
  let snapshot = whole;
  if (values.batch !== undefined) {
    const batch = whole.batches.find((b) => b.name === values.batch?.trim());
    if (!batch) {
      ctx.err(batchTexts.unknownBatch(values.batch, whole.batches.map((b) => b.name)));
      return 2;
    }
    snapshot = batchSnapshot(whole, batch.id);
  }
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
