import fs from "node:fs";
import { parseArgs } from "node:util";
import { listUnits } from "../store/campaign-repository.ts";
import { applyUnitImport } from "../store/unit-import-repository.ts";
import { parseSheet, readCapped, SHEET_LIMITS } from "../units/read-sheet-file.ts";
import { formatUnitSheet, parseUnitSheet, type ImportParse } from "../units/units-csv.ts";
import { sheetTexts } from "../messages/sheet-messages.ts";
import { factTexts } from "../messages/fact-messages.ts";
import type { CliCommand } from "./cli-context.ts";
import { parseFormat } from "./parse-format.ts";
import { queueFollowUps, sendFollowUps, welcomesFor } from "../schedule/follow-ups.ts";
import { cliDeps } from "./remind-command.ts";
import { cliTexts } from "../messages/cli-messages.ts";


/** npm run units -- export|import */
export const unitsCommand: CliCommand = async (ctx) => {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    options: { format: { type: "string", default: "csv" } },
    allowPositionals: true,
  });
  const [action, file] = positionals;
  if (action === "export") {
    const format = parseFormat(values.format);
    if (!format) {
      ctx.err(`${cliTexts.badUnitsFormat(String(values.format))}\n${cliTexts.unitsUsage}`);
      return 2;
    }
    ctx.out(formatUnitSheet(await listUnits(ctx.store.db), format));
    return 0;
  }
  if (action === "import" && file) {
    if (!fs.existsSync(file)) {
      ctx.err(cliTexts.fileNotFound(file));
      return 2;
    }
    const units = await listUnits(ctx.store.db);
    // NOTE: read with a cap, so a wrong or hostile file is refused before it costs memory.
    const bytes = await readCapped(file, SHEET_LIMITS.fileBytes);
    const table = bytes ? parseSheet(bytes) : { ok: false as const, problems: [sheetTexts.fileTooLarge(SHEET_LIMITS.fileBytes)] };
    const parsed: ImportParse = table.ok ? parseUnitSheet(table, new Map(units.map((u) => [u.key, u]))) : table;
    if (!parsed.ok) {
      ctx.err(cliTexts.importRefused(parsed.problems.length));
      for (const p of parsed.problems) ctx.err(`  ${p}`);
      return 1;
    }
    const summary = await applyUnitImport(ctx.store.db, parsed.units, { actor: ctx.actor, source: "cli", now: ctx.now });
    ctx.err(cliTexts.importDone(parsed.units.length, summary.unitsChanged, summary.changes));
    for (const { unitName, kept } of summary.kept) ctx.err(`  ${unitName}：${factTexts.keptByHandPlain(kept, `${unitName} `)}`);
    const welcomes = welcomesFor(summary.newContacts);
    if (welcomes.length > 0) {
      if (ctx.config.SLACK_BOT_TOKEN) {
        const results = await sendFollowUps(cliDeps(ctx), welcomes, ctx.now);
        const sent = results.filter((r) => r.outcome === "sent" || r.outcome === "already-sent").length;
        ctx.err(cliTexts.welcomesSent(sent, results.length - sent));
      } else {
        ctx.err(cliTexts.welcomesQueued(await queueFollowUps({ store: ctx.store, config: ctx.config, clock: ctx.clock }, welcomes, ctx.now)));
      }
    }
    return 0;
  }
  ctx.err(cliTexts.unitsUsage);
  return 2;
};
