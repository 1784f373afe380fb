import { argsProblem } from "./args-problem.ts";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { isBatchName, parseBatchDates } from "../domain/batch-rules.ts";
import { batchTexts as bt } from "../messages/batch-messages.ts";
import { cliTexts } from "../messages/cli-messages.ts";
import { sheetTexts } from "../messages/sheet-messages.ts";
import { batchNameTaken, closeBatch, createBatch, listBatchProgress, readKnownCampaign } from "../store/batch-repository.ts";
import { parseBatchSheet } from "../units/batch-sheet.ts";
import { parseSheet, readCapped, SHEET_LIMITS } from "../units/read-sheet-file.ts";
import type { Db } from "../store/open-store.ts";
import type { CliCommand } from "./cli-context.ts";

/** What `batch` needs: the store, the moment, who runs it and where it writes (the sandbox's `:batch` too). */
export interface BatchIo {
  db: Db;
  now: Date;
  actor: string;
  out(text: string): void;
  err(text: string): void;
}

function refuse(ctx: BatchIo, problems: string[]): number {
  ctx.err(bt.refused(problems.length));
  for (const p of problems) ctx.err(`  ${p}`);
  return 1;
}

async function addBatch(ctx: BatchIo, name: string | undefined, values: { "transition-due"?: string; window?: string; units?: string }): Promise<number> {
  const problems: string[] = [];
  if (!name) problems.push(bt.nameMissing);
  else if (!isBatchName(name)) problems.push(bt.nameBad(name));
  else if (await batchNameTaken(ctx.db, name)) problems.push(bt.nameTaken(name));
  const dates = parseBatchDates({ transitionDue: values["transition-due"], window: values.window }, ctx.now);
  if (!dates.ok) problems.push(...dates.problems);
  const file = values.units;
  if (!file) return refuse(ctx, [...problems, bt.unitsMissing]);
  if (!fs.existsSync(file)) return refuse(ctx, [...problems, cliTexts.fileNotFound(file)]);
  // NOTE: read with a cap, so a wrong or hostile file is refused before it costs memory.
  const bytes = await readCapped(file, SHEET_LIMITS.fileBytes);
  const table = bytes ? parseSheet(bytes) : { ok: false as const, problems: [sheetTexts.fileTooLarge(SHEET_LIMITS.fileBytes)] };
  const sheet = table.ok ? parseBatchSheet(table, await readKnownCampaign(ctx.db)) : table;
  if (!sheet.ok) problems.push(...sheet.problems);
  if (problems.length > 0 || !sheet.ok || !dates.ok || !name) return refuse(ctx, problems);
  const created = await createBatch(ctx.db, name, dates.dates, sheet.units, { actor: ctx.actor, source: "cli", now: ctx.now });
  ctx.err(bt.added(name, created.units, created.items));
  for (const u of sheet.units.filter((u) => u.keyMade)) ctx.err(bt.keyMade(u.name, u.key));
  return 0;
}

/** npm run batch -- add|list|close */
export const batchCommand: CliCommand = (ctx) => runBatch({ db: ctx.store.db, now: ctx.now, actor: ctx.actor, out: ctx.out, err: ctx.err }, ctx.args);

/** Returns the exit code. */
export async function runBatch(ctx: BatchIo, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { "transition-due": { type: "string" }, window: { type: "string" }, units: { type: "string" } },
      allowPositionals: true,
    });
  } catch (error) {
    ctx.err(`${argsProblem(error) ?? (error as Error).message}\n${bt.usage}`);
    return 2;
  }
  const [action, name, ...rest] = parsed.positionals;
  if (action === "add" && rest.length === 0) return addBatch(ctx, name, parsed.values);
  if (action === "list" && !name) {
    const batches = await listBatchProgress(ctx.db);
    ctx.out(batches.length === 0 ? `${bt.none}\n` : `${batches.map(bt.listLine).join("\n")}\n`);
    return 0;
  }
  if (action === "close" && name && rest.length === 0) {
    const closed = await closeBatch(ctx.db, name, { actor: ctx.actor, source: "cli", now: ctx.now });
    if (closed === null) {
      ctx.err(bt.unknownBatch(name, (await listBatchProgress(ctx.db)).map((b) => b.name)));
      return 1;
    }
    ctx.err(closed ? bt.closed(name) : bt.alreadyClosed(name));
    return 0;
  }
  ctx.err(bt.usage);
  return 2;
}
