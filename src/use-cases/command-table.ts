// Which use case answers which /shutdown command: one entry per command the parser knows.
// A new command: its shape in src/domain/command/command.ts, its words in the parser, its story
// in commands/, and its line here (the type makes a missing line a compile error).
import type { Command } from "../domain/command/command.ts";
import type { CommandContext, UseCase } from "./command-context.ts";
import type { CommandResult } from "./command-result.ts";
import { askToJoin } from "./commands/ask-to-join.ts";
import { assignUnitContact, unassignUnitContact } from "./commands/assign-contact.ts";
import { changeCoordinators } from "./commands/change-coordinators.ts";
import { moveDeadline } from "./commands/move-deadline.ts";
import { openForm } from "./commands/open-form.ts";
import { postDigest } from "./commands/post-digest.ts";
import { reportProgress } from "./commands/report-progress.ts";
import { sendExport } from "./commands/send-export.ts";
import { setField } from "./commands/set-field.ts";
import { showDeadlines } from "./commands/show-deadlines.ts";
import { showHelp } from "./commands/show-help.ts";
import { showOverview } from "./commands/show-overview.ts";
import { showStatus } from "./commands/show-status.ts";
import { showUnit } from "./commands/show-unit.ts";
import { recordFilingStep } from "./commands/record-filing-step.ts";
import { sendIcpForms } from "./commands/send-icp-forms.ts";
import { listFilings } from "./commands/list-filings.ts";
import { verifyNow } from "./commands/verify-now.ts";
import { acceptVerification } from "./commands/accept-verification.ts";

export const COMMAND_USE_CASES: { [K in Command["kind"]]: UseCase<K> } = {
  help: showHelp,
  status: showStatus,
  report: reportProgress,
  set: setField,
  form: openForm,
  join: askToJoin,
  assign: assignUnitContact,
  unassign: unassignUnitContact,
  overview: showOverview,
  unit: showUnit,
  deadlines: showDeadlines,
  deadline: moveDeadline,
  coordinator: changeCoordinators,
  digest: postDigest,
  export: sendExport,
  "icp-step": recordFilingStep,
  "icp-form": sendIcpForms,
  forms: listFilings,
  verify: verifyNow,
  accept: acceptVerification,
};

export function runUseCase(ctx: CommandContext, command: Command): Promise<CommandResult> {
  // NOTE: the table is keyed by kind, so the use case found takes exactly this command's shape.
  const useCase = COMMAND_USE_CASES[command.kind] as UseCase<typeof command.kind>;
  return useCase(ctx, command as never);
}
