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

const USAGE = [
  "用法 / usage:",
  "  npm run units -- export [--format csv|json]   导出单位、域名、联系人与情况",
  "  npm run units -- import FILE.csv              导入（先全部校验，全部成功才写入）",
].join("\n");

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
      ctx.err(`--format 只能是 csv 或 json（收到「${values.format}」）\n${USAGE}`);
      return 2;
    }
    ctx.out(formatUnitSheet(await listUnits(ctx.store.db), format));
    return 0;
  }
  if (action === "import" && file) {
    if (!fs.existsSync(file)) {
      ctx.err(`找不到文件「${file}」`);
      return 2;
    }
    const units = await listUnits(ctx.store.db);
    // NOTE: read with a cap, so a wrong or hostile file is refused before it costs memory.
    const bytes = await readCapped(file, SHEET_LIMITS.fileBytes);
    const table = bytes ? parseSheet(bytes) : { ok: false as const, problems: [sheetTexts.fileTooLarge(SHEET_LIMITS.fileBytes)] };
    const parsed: ImportParse = table.ok ? parseUnitSheet(table, new Map(units.map((u) => [u.key, u]))) : table;
    if (!parsed.ok) {
      ctx.err(`导入失败，未写入任何数据。请修改以下 ${parsed.problems.length} 处后重新导入：`);
      for (const p of parsed.problems) ctx.err(`  ${p}`);
      return 1;
    }
    const summary = await applyUnitImport(ctx.store.db, parsed.units, { actor: ctx.actor, source: "cli", now: ctx.now });
    ctx.err(`导入完成：${parsed.units.length} 个单位，其中 ${summary.unitsChanged} 个有变化，共 ${summary.changes} 处修改（已记入审计日志）。`);
    for (const { unitName, kept } of summary.kept) ctx.err(`  ${unitName}：${factTexts.keptByHandPlain(kept, `${unitName} `)}`);
    return 0;
  }
  ctx.err(USAGE);
  return 2;
};
