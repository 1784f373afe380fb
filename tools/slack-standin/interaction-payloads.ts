// Interaction payloads shaped like Slack's block_actions and view_submission, built from what
// the stand-in stored, so a click or a modal submit reaches the bot as it would from Slack.
import { newTriggerId } from "./signed-request.ts";
import { DEFAULT_TEAM_DOMAIN, DEFAULT_TEAM_ID, STANDIN_APP_ID } from "./standin-defaults.ts";
import type { BlockJson, StoredMessage } from "./types.ts";

export interface ActingUser {
  id: string;
  /** The Slack handle; sent as both username and name. */
  name: string;
}

export interface PayloadTeam {
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
}

export interface ClickedButton {
  action_id: string;
  block_id: string;
  text: string;
  value?: string;
  url?: string;
}

const VERIFICATION_TOKEN = "standinVerificationToken0";

function actionTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, "0")}`;
}

function envelope(user: ActingUser, team: PayloadTeam) {
  const teamId = team.teamId ?? DEFAULT_TEAM_ID;
  return {
    user: { id: user.id, username: user.name, name: user.name, team_id: teamId },
    api_app_id: team.apiAppId ?? STANDIN_APP_ID,
    token: VERIFICATION_TOKEN,
    team: { id: teamId, domain: team.teamDomain ?? DEFAULT_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
  };
}

function buttonAction(button: ClickedButton): Record<string, unknown> {
  return {
    action_id: button.action_id,
    block_id: button.block_id,
    text: { type: "plain_text", text: button.text, emoji: true },
    ...(button.value !== undefined && { value: button.value }),
    ...(button.url !== undefined && { url: button.url }),
    type: "button",
    action_ts: actionTs(),
  };
}

/** A button click on a message the bot posted (channel or DM). */
export function buildMessageBlockActions(opts: {
  user: ActingUser;
  button: ClickedButton;
  message: Pick<StoredMessage, "ts" | "text" | "user" | "blocks"> & { bot_id?: string };
  channel: { id: string; name?: string };
  responseUrl: string;
  triggerId?: string;
  isEphemeral?: boolean;
  team?: PayloadTeam;
}): Record<string, unknown> {
  const { message, channel } = opts;
  return {
    type: "block_actions",
    ...envelope(opts.user, opts.team ?? {}),
    container: { type: "message", message_ts: message.ts, channel_id: channel.id, is_ephemeral: opts.isEphemeral ?? false },
    trigger_id: opts.triggerId ?? newTriggerId(),
    channel: { id: channel.id, name: channel.name ?? (channel.id.startsWith("D") ? "directmessage" : channel.id) },
    message: {
      type: "message",
      user: message.user,
      ...(message.bot_id !== undefined && { bot_id: message.bot_id }),
      ts: message.ts,
      text: message.text,
      ...(message.blocks !== undefined && { blocks: message.blocks }),
    },
    state: { values: {} },
    response_url: opts.responseUrl,
    actions: [buttonAction(opts.button)],
  };
}

/** A button click inside a modal or home tab; such payloads carry the view, not a response_url. */
export function buildViewBlockActions(opts: {
  user: ActingUser;
  button: ClickedButton;
  view: Record<string, unknown>;
  triggerId?: string;
  team?: PayloadTeam;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    ...envelope(opts.user, opts.team ?? {}),
    container: { type: "view", view_id: opts.view.id },
    trigger_id: opts.triggerId ?? newTriggerId(),
    view: opts.view,
    actions: [buttonAction(opts.button)],
  };
}

/** What a user typed or picked, per block_id and action_id, in plain form. */
export type ViewInputs = Record<string, Record<string, string | string[]>>;

function isObject(v: unknown): v is BlockJson {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function optionFor(element: BlockJson, value: string): Record<string, unknown> {
  const options = Array.isArray(element.options) ? element.options.filter(isObject) : [];
  const found = options.find((o) => o.value === value);
  if (!found) throw new Error(`no option with value "${value}" in ${String(element.action_id)}`);
  return { text: found.text, value };
}

/** One state value the way Slack reports it for this element type. */
function stateValue(element: BlockJson, input: string | string[]): Record<string, unknown> {
  const type = String(element.type);
  const one = Array.isArray(input) ? (input[0] ?? "") : input;
  const many = Array.isArray(input) ? input : [input];
  switch (type) {
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: optionFor(element, one) };
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: many.map((v) => optionFor(element, v)) };
    case "datepicker":
      return { type, selected_date: one };
    case "timepicker":
      return { type, selected_time: one };
    case "users_select":
      return { type, selected_user: one };
    case "multi_users_select":
      return { type, selected_users: many };
    case "conversations_select":
      return { type, selected_conversation: one };
    case "channels_select":
      return { type, selected_channel: one };
    default:
      return { type, value: one };
  }
}

/** An element nobody touched reports its initial value, as Slack does; else null. */
function untouchedValue(element: BlockJson): Record<string, unknown> {
  const initialOption = isObject(element.initial_option) ? element.initial_option : undefined;
  if (initialOption && typeof initialOption.value === "string") return stateValue(element, initialOption.value);
  if (typeof element.initial_value === "string") return { type: element.type, value: element.initial_value };
  const type = String(element.type);
  if (type === "static_select" || type === "radio_buttons") return { type, selected_option: null };
  return { type, value: null };
}

/**
 * state.values for a view: every input block appears (untouched ones with their initial value or
 * null, as Slack sends them), filled from `inputs`.
 */
export function viewStateFrom(view: Record<string, unknown>, inputs: ViewInputs): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  const blocks = Array.isArray(view.blocks) ? view.blocks.filter(isObject) : [];
  for (const block of blocks) {
    if (block.type !== "input" || !isObject(block.element)) continue;
    const blockId = String(block.block_id);
    const actionId = String(block.element.action_id);
    const given = inputs[blockId]?.[actionId];
    values[blockId] = { [actionId]: given === undefined ? untouchedValue(block.element) : stateValue(block.element, given) };
  }
  for (const blockId of Object.keys(inputs)) {
    if (!(blockId in values)) throw new Error(`the view has no input block "${blockId}"`);
  }
  return values;
}

/** A modal submit. `view` is the view as the Web API answered it (standin.views()[i].view). */
export function buildViewSubmission(opts: {
  user: ActingUser;
  view: Record<string, unknown>;
  inputs?: ViewInputs;
  triggerId?: string;
  responseUrls?: Array<{ block_id: string; action_id: string; channel_id: string; response_url: string }>;
  team?: PayloadTeam;
}): Record<string, unknown> {
  return {
    type: "view_submission",
    ...envelope(opts.user, opts.team ?? {}),
    trigger_id: opts.triggerId ?? newTriggerId(),
    view: { ...opts.view, state: { values: viewStateFrom(opts.view, opts.inputs ?? {}) } },
    response_urls: opts.responseUrls ?? [],
  };
}
