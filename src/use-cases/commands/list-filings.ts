// `forms` (申请表汇总): every ICP filing whose cancellation goes through the center, by step, for
// coordinators to record 已受理 / 已提交管局 / 完成; `forms file`: all their 附件4 forms in one document.
import { filingStepOf } from "../../domain/icp-filing-step.ts";
import { shanghaiDay } from "../../domain/model/calendar.ts";
import { icpFormReplyMessages as M } from "../../messages/icp-form-messages.ts";
import { readSnapshot } from "../../store/campaign-repository.ts";
import type { UseCase } from "../command-context.ts";
import type { CommandDeps } from "../command-deps.ts";
import type { CampaignSnapshot } from "../../domain/model/records.ts";
import type { FilingRow } from "../command-result.ts";
import { formBook, unitForms } from "../icp-forms.ts";
import { requireOutbox } from "../require-outbox.ts";

export const listFilings: UseCase<"forms"> = async ({ deps, caller, input }, command) => {
  const snapshot = await readSnapshot(deps.db);
  const center = snapshot.units.filter((u) => u.localTelecom === true);
  if (command.file) {
    const forms = center.flatMap((u) => unitForms(snapshot, u, null, `${u.name} `));
    if (forms.length === 0) return { kind: "unchanged", text: M.noForms };
    const book = await formBook(forms, input.now, shanghaiDay(input.now));
    await requireOutbox(deps).sendFiles(caller.userId, [book], input.now);
    return { kind: "done", text: M.bookSent(forms.length) };
  }
  return { kind: "filings", rows: filingRows(snapshot), now: input.now };
};

/** Every filing with the step it is at, in the units' order: what `forms` lists. */
export async function listFilingRows(deps: Pick<CommandDeps, "db">): Promise<FilingRow[]> {
  return filingRows(await readSnapshot(deps.db));
}

function filingRows(snapshot: CampaignSnapshot): FilingRow[] {
  const rows: FilingRow[] = [];
  for (const unit of snapshot.units) {
    for (const filing of (snapshot.filings ?? []).filter((f) => f.unitId === unit.id)) {
      const item = snapshot.items.find((i) => i.id === filing.itemId)!;
      const step = filingStepOf(unit.localTelecom, filing.step, item.state);
      rows.push({ unitKey: unit.key, unitName: unit.name, itemKey: filing.itemKey, number: filing.number, domains: filing.domains, step, stepAt: filing.stepAt, stepBy: filing.stepBy });
    }
  }
  return rows;
}
