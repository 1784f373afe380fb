// The content of one 附件4 form, and what it still lacks. Plain data: the document is made from it.
import type { IcpFiling } from "../domain/icp-filing.ts";
import {
  ICP_FORM_TEXT,
  cancellationReasonText,
  formatChineseDate,
  formatChineseDateRange,
  icpFormMessages,
  type IcpFormFieldName,
} from "../messages/icp-form-messages.ts";
import { UNNUMBERED_FILING } from "../messages/icp-filing-messages.ts";

/** One filing's form. A null (or empty) field is left blank on the form. */
export interface IcpFormData {
  icpNumber: string | null;
  domains: readonly string[];
  sponsorName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  reason: string | null;
}

export const ICP_FORM_FIELDS = [
  "icpNumber",
  "domains",
  "sponsorName",
  "contactName",
  "contactPhone",
  "contactEmail",
  "reason",
] as const satisfies readonly IcpFormFieldName[];

export interface FormContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** When the old site went, or is to go, dark: the reason says so. */
export interface ShutdownFacts {
  /** When the unit reported the site shut down (its `site` item done), or null. */
  shutDownAt: Date | null;
  /** The campaign's shutdown window (6月21日—23日), for a site not yet reported shut down. */
  window: { opensAt: Date | null; dueAt: Date } | null;
}

/** 备案注销原因 from the campaign: the site folded into the cluster and shut down on its day. */
export function draftCancellationReason(filing: Pick<IcpFiling, "number" | "domains">, shutdown: ShutdownFacts): string {
  const { shutDownAt, window } = shutdown;
  const shutDown = shutDownAt
    ? formatChineseDate(shutDownAt)
    : window
      ? formatChineseDateRange(window.opensAt ?? window.dueAt, window.dueAt)
      : null;
  return cancellationReasonText.draft({ domains: filing.domains, number: filing.number, shutDown, past: shutDownAt !== null });
}

/** The form of a filing: the filing's own reason if it has one, else the campaign's. */
export function icpFormDataFor(filing: IcpFiling, contact: FormContact | null, shutdown: ShutdownFacts): IcpFormData {
  return {
    icpNumber: filing.number,
    domains: [...filing.domains],
    sponsorName: filing.sponsorName,
    contactName: contact?.name ?? null,
    contactPhone: contact?.phone ?? null,
    contactEmail: contact?.email ?? null,
    reason: filing.reason ?? draftCancellationReason(filing, shutdown),
  };
}

export interface MissingFormField {
  field: IcpFormFieldName;
  /** The form's label: "主办单位名称". */
  label: string;
  /** The command that fills it: "/shutdown set sponsor <主办单位名称>". */
  command: string;
}

const present = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== "";

function isFilled(data: IcpFormData, field: IcpFormFieldName): boolean {
  return field === "domains" ? data.domains.some(present) : present(data[field]);
}

export interface MissingFieldOptions {
  /** "档案局" when a coordinator acts for the unit: the commands then start with it. */
  unitPrefix?: string;
  /** The unit has more than one filing: `set icp` must name the domains it covers. */
  severalFilings?: boolean;
}

/** The fields the form is made without, each with the `/shutdown` command that fills it. */
export function listMissingFields(data: IcpFormData, options: MissingFieldOptions = {}): MissingFormField[] {
  return ICP_FORM_FIELDS.filter((field) => !isFilled(data, field)).map((field) => ({
    field,
    label: ICP_FORM_TEXT[field],
    command: icpFormMessages.fillCommand(field, options.unitPrefix, options.severalFilings ? data.domains : []),
  }));
}

/** The reply's lines about the blank fields, or none when the form is complete. */
export function describeMissingFields(data: IcpFormData, options: MissingFieldOptions = {}): string[] {
  const missing = listMissingFields(data, options);
  if (missing.length === 0) return [];
  return [icpFormMessages.missingHeading(data.icpNumber), ...missing.map((m) => icpFormMessages.missingLine(m.label, m.command))];
}

/** `<unit_key>-<备案号>.docx`; a filing without a number is named by its position. */
export function icpFormFileName(unitKey: string, icpNumber: string | null, ordinal = 1): string {
  const number = icpNumber ? icpNumber.replace(/[\\/:*?"<>|\s]/g, "_") : `${UNNUMBERED_FILING}${ordinal > 1 ? `-${ordinal}` : ""}`;
  return `${unitKey}-${number}.docx`;
}
