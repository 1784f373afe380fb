import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { shanghaiDay } from "../domain/model/calendar.ts";
import { cliFormTexts as T } from "../messages/icp-form-messages.ts";
import { readSnapshot } from "../store/campaign-repository.ts";
import { formBook, formFiles, unitForms } from "../use-cases/icp-forms.ts";
import type { CliCommand } from "./cli-context.ts";

/** npm run forms -- --out DIR [--unit KEY]: each local-telecom unit's 附件4 forms, and one document of them all. */
export const formsCommand: CliCommand = async (ctx) => {
  const { values } = parseArgs({ args: ctx.args, options: { out: { type: "string" }, unit: { type: "string" } } });
  if (!values.out) {
    ctx.err(T.usage);
    return 2;
  }
  const snapshot = await readSnapshot(ctx.store.db);
  const unit = values.unit ? snapshot.units.find((u) => u.key === values.unit || u.name === values.unit) : undefined;
  if (values.unit && !unit) {
    ctx.err(T.unknownUnit(values.unit));
    return 2;
  }
  const units = unit ? [unit] : snapshot.units.filter((u) => u.localTelecom === true);
  const forms = units.flatMap((u) => unitForms(snapshot, u, null, `${u.name} `));
  if (forms.length === 0) {
    ctx.err(T.none);
    return 1;
  }
  const dir = path.resolve(values.out);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of await formFiles(forms, ctx.now)) fs.writeFileSync(path.join(dir, file.filename), file.content);
  const book = await formBook(forms, ctx.now, shanghaiDay(ctx.now));
  fs.writeFileSync(path.join(dir, book.filename), book.content);
  for (const f of forms) ctx.out(T.written(f.filename, f.unit.name, f.missing.length > 0 ? f.missing.slice(1).map((l) => l.split("：")[0]!) : []));
  ctx.out(T.book(book.filename, forms.length));
  ctx.err(T.done(dir, forms.length));
  return 0;
};
