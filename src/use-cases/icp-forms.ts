// The 附件4 forms of a unit's filings, filled in from the store: the filing's number, domains and
// sponsor (its own or the unit's), the contact, and the reason (its own or the campaign's).
import type { Caller } from "../domain/access.ts";
import { deadlineForTask, type CampaignSnapshot, type ContactRecord, type FilingRecord, type UnitRecord } from "../domain/model/records.ts";
import { icpFormDataFor, icpFormFileName, describeMissingFields, type IcpFormData } from "../icp-form/icp-form-data.ts";
import { renderIcpForm, renderIcpFormBook } from "../icp-form/icp-form-document.ts";
import { icpFormReplyMessages as M } from "../messages/icp-form-messages.ts";
import type { FileToSend } from "./command-deps.ts";

export interface UnitForm {
  unit: UnitRecord;
  filing: FilingRecord;
  data: IcpFormData;
  filename: string;
  /** The reply's lines about the blank fields, each with the command that fills it. */
  missing: string[];
}

/** The contact the form names: the caller when they are one of the unit's contacts, else the unit's first. */
function formContact(unit: UnitRecord, caller: Pick<Caller, "userId"> | null): ContactRecord | null {
  return unit.contacts.find((c) => caller !== null && c.slackUserId === caller.userId) ?? unit.contacts[0] ?? null;
}

/** Every filing's form of the unit, in the unit's order. `prefix` goes before the commands shown ("档案局 "). */
export function unitForms(snapshot: CampaignSnapshot, unit: UnitRecord, caller: Pick<Caller, "userId"> | null, prefix = ""): UnitForm[] {
  const filings = (snapshot.filings ?? []).filter((f) => f.unitId === unit.id);
  const site = snapshot.items.find((i) => i.unitId === unit.id && i.task === "site");
  const shutdown = deadlineForTask(snapshot.deadlines, "site");
  const facts = { shutDownAt: site?.state === "done" ? site.updatedAt : null, window: shutdown ? { opensAt: shutdown.opensAt, dueAt: shutdown.dueAt } : null };
  const contact = formContact(unit, caller);
  return filings.map((filing) => {
    const data = icpFormDataFor({ ...filing, sponsorName: filing.sponsorName ?? unit.sponsorName }, contact, facts);
    const missing = describeMissingFields(data, { unitPrefix: prefix.trim() || undefined, severalFilings: filings.length > 1 }).map((l) => l.replace(/^• /, ""));
    return { unit, filing, data, filename: icpFormFileName(unit.key, filing.number, filing.ordinal), missing };
  });
}

export type FormFile = FileToSend;

export async function formFiles(forms: readonly UnitForm[], now: Date): Promise<FormFile[]> {
  const files: FormFile[] = [];
  for (const f of forms) {
    files.push({ filename: f.filename, title: M.fileTitle(f.unit.name, f.filing.number), content: await renderIcpForm(f.data, now), comment: M.fileComment(f.unit.name, f.filing.number) });
  }
  return files;
}

/** All forms in one document, one per page, for printing. */
export async function formBook(forms: readonly UnitForm[], now: Date, day: string): Promise<FormFile> {
  return { filename: M.bookFileName(day), title: M.bookTitle(forms.length), content: await renderIcpFormBook(forms.map((f) => f.data), now), comment: M.bookComment(forms.length) };
}
