// The checklist form: every item's state and note, and the unit's facts, in one modal.
import type { types } from "@slack/bolt";
import type { ItemRecord, UnitRecord } from "../../domain/model.ts";
import type { FormChoice } from "../../domain/checklist-form.ts";
import { NOTE_MAX_LENGTH, noteForInput } from "../../domain/text-limits.ts";
import { mayBeNotApplicable } from "../../domain/unit-rules.ts";
import { MODAL_TEXT as T } from "../../messages/button-messages.ts";
import { STATE_LABEL } from "../../messages/command-messages.ts";
import { itemLabel } from "../../messages/item-messages.ts";
import { clipPlain } from "../../messages/mrkdwn.ts";

export const CHECKLIST_FORM_CALLBACK = "checklist_form";


const plain = (text: string, max = 75) => ({ type: "plain_text" as const, text: clipPlain(text, max), emoji: true });
const option = (value: string, text: string) => ({ text: plain(text), value });

export function choicesFor(item: Pick<ItemRecord, "task" | "isSubdomain">, unit: Pick<UnitRecord, "domains">): { value: FormChoice; text: string }[] {
  const states: FormChoice[] =
    item.task === "domain"
      ? ["todo", "doing", ...(item.isSubdomain ? [] : (["done_cancelled"] as const)), "done_dns", "blocked"]
      : ["todo", "doing", "done", "blocked", ...(mayBeNotApplicable(unit, item.task) ? (["na"] as const) : [])];
  const text = (c: FormChoice) => (c === "done_cancelled" ? T.doneCancelled : c === "done_dns" ? T.doneDns : STATE_LABEL[c]);
  return states.map((value) => ({ value, text: text(value) }));
}

export function currentChoice(item: ItemRecord): FormChoice {
  if (item.task === "domain" && item.state === "done") return item.method === "dns_removed" ? "done_dns" : "done_cancelled";
  return item.state;
}

const triState = (value: boolean | null, yes: string, no: string) => {
  const options = [option("yes", yes), option("no", no), option("unknown", T.unknown)];
  return { options, initial_option: options[value === null ? 2 : value ? 0 : 1] };
};

export interface FormMetadata {
  unitKey: string;
  channel?: string;
  /** The message the form was opened from, whose unit line is redone when the form is saved. */
  ts?: string;
}

export function checklistFormView(unit: UnitRecord, items: ItemRecord[], metadata: FormMetadata): types.ModalView {
  const blocks: types.KnownBlock[] = [{ type: "header", text: plain(`${unit.name} 关停清单`) }];
  for (const item of items) {
    const options = choicesFor(item, unit).map((c) => option(c.value, c.text));
    blocks.push(
      {
        type: "input",
        block_id: `state:${item.key}`,
        label: plain(itemLabel(item)),
        element: { type: "static_select", action_id: "value", options, initial_option: options.find((o) => o.value === currentChoice(item)) ?? options[0] },
      },
      {
        type: "input",
        block_id: `note:${item.key}`,
        optional: true,
        label: plain(T.formNoteLabel),
        element: { type: "plain_text_input", action_id: "value", max_length: NOTE_MAX_LENGTH, ...(item.note ? { initial_value: noteForInput(item.note) } : {}) },
      },
    );
  }
  const provider = [option("local", T.providerLocal), option("other", T.providerOther), option("unknown", T.unknown)];
  blocks.push(
    { type: "divider" },
    { type: "header", text: plain(T.formFacts) },
    {
      type: "input",
      block_id: "provider",
      label: plain(T.providerLabel),
      element: { type: "static_select", action_id: "value", options: provider, initial_option: provider[unit.localTelecom === null ? 2 : unit.localTelecom ? 0 : 1] },
    },
    {
      type: "input",
      block_id: "icp",
      optional: true,
      label: plain(T.icpLabel),
      element: { type: "plain_text_input", action_id: "value", placeholder: plain(T.icpPlaceholder), ...(unit.icpNumber ? { initial_value: unit.icpNumber } : {}) },
    },
    { type: "input", block_id: "secondlevel", label: plain(T.secondLevelLabel), element: { type: "static_select", action_id: "value", ...triState(unit.secondLevel, T.yes, T.no) } },
    { type: "input", block_id: "migrate", label: plain(T.migrateLabel), element: { type: "static_select", action_id: "value", ...triState(unit.migrateData, T.yes, T.no) } },
  );
  return {
    type: "modal",
    callback_id: CHECKLIST_FORM_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: plain(T.formTitle),
    submit: plain(T.submit),
    close: plain(T.cancel),
    blocks,
  };
}
