// Block Kit limits Slack enforces, as a pure check returning Slack-worded problems with
// JSON pointers. Kept apart from the server so the table-driven tests can hit it directly.

export type Surface = "message" | "modal" | "home";

export interface BlockProblem {
  message: string;
  /** JSON pointer into the request, e.g. "/blocks/0/text/text" or "/view/title/text". */
  pointer: string;
}

export const BLOCK_KIT_LIMITS = {
  blocks: { message: 50, modal: 100, home: 100 } satisfies Record<Surface, number>,
  blockId: 255,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  url: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  choiceOptions: 10,
  overflowOptions: { min: 2, max: 5 },
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  markdownText: 12000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  /** Top-level message text; beyond it Slack answers msg_too_long. */
  messageText: 40000,
  /**
   * All text across a message's blocks; beyond it Slack answers msg_blocks_too_long ("Blocks
   * submitted with this message are too long", chat.postMessage "Errors"). Slack documents 12,000
   * for markdown blocks (https://docs.slack.dev/reference/block-kit/blocks/markdown-block) and
   * applies about that to every block's text together: slackapi/bolt-js#2509 (refused at ~13,200
   * characters over a few blocks; "12,000 text characters with a buffer for block containers")
   * and #2867 (refused with 11,341 characters of text in rich_text and section blocks).
   */
  messageBlocksText: 12000,
  /**
   * plain_text_input: "min_length … between 0 and 3000", "max_length … between 1 and 3000, inclusive"
   * (https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element).
   */
  inputLength: { min: 0, max: 3000 },
} as const;

export const KNOWN_BLOCK_TYPES: ReadonlySet<string> = new Set([
  "actions",
  "context",
  "context_actions",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "rich_text",
  "section",
  "table",
  "video",
]);

const TEXT_TYPES = ["plain_text", "mrkdwn"] as const;
const PLAIN_ONLY = ["plain_text"] as const;

export function formatProblem(p: BlockProblem): string {
  return p.pointer === "" ? p.message : `${p.message} [json-pointer:${p.pointer}]`;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

class Problems {
  readonly list: BlockProblem[] = [];
  add(message: string, pointer: string): void {
    this.list.push({ message, pointer });
  }
}

const tooLong = (max: number) => `must be less than ${max + 1} characters`;
const tooMany = (max: number) => `no more than ${max} items allowed`;
const tooFew = (min: number) => `must provide at least ${min} items`;
const missing = (field: string) => `missing required field: ${field}`;

interface TextRule {
  types: readonly string[];
  max: number;
  required: boolean;
}

/** A text composition object held in parent[field]. */
function checkText(p: Problems, parent: Json, field: string, at: string, rule: TextRule): void {
  const value = parent[field];
  if (value === undefined || value === null) {
    if (rule.required) p.add(missing(field), at);
    return;
  }
  const here = `${at}/${field}`;
  if (!isObject(value)) {
    p.add("must be an object", here);
    return;
  }
  if (typeof value.type !== "string") p.add(missing("type"), here);
  else if (!rule.types.includes(value.type)) p.add("must be a valid enum value", `${here}/type`);
  if (typeof value.text !== "string") {
    p.add(missing("text"), here);
    return;
  }
  if (value.text.length === 0) p.add("must be more than 0 characters", `${here}/text`);
  else if (value.text.length > rule.max) p.add(tooLong(rule.max), `${here}/text`);
}

function checkString(p: Problems, parent: Json, field: string, at: string, max: number, required = false): void {
  const value = parent[field];
  if (value === undefined || value === null) {
    if (required) p.add(missing(field), at);
    return;
  }
  if (typeof value !== "string") p.add("must be a string", `${at}/${field}`);
  else if (value.length > max) p.add(tooLong(max), `${at}/${field}`);
}

function checkCount(p: Problems, list: unknown[], at: string, min: number, max: number): void {
  if (list.length > max) p.add(tooMany(max), at);
  else if (list.length < min) p.add(tooFew(min), at);
}

function checkConfirm(p: Problems, el: Json, at: string): void {
  const confirm = el.confirm;
  if (confirm === undefined) return;
  const here = `${at}/confirm`;
  if (!isObject(confirm)) {
    p.add("must be an object", here);
    return;
  }
  const L = BLOCK_KIT_LIMITS;
  checkText(p, confirm, "title", here, { types: PLAIN_ONLY, max: L.confirmTitle, required: true });
  checkText(p, confirm, "text", here, { types: TEXT_TYPES, max: L.confirmText, required: true });
  checkText(p, confirm, "confirm", here, { types: PLAIN_ONLY, max: L.confirmButton, required: true });
  checkText(p, confirm, "deny", here, { types: PLAIN_ONLY, max: L.confirmButton, required: true });
}

function checkOptions(p: Problems, el: Json, at: string, min: number, max: number, textTypes: readonly string[]): void {
  const options = el.options;
  if (options === undefined) {
    if (el.option_groups === undefined) p.add(missing("options"), at);
    return;
  }
  const here = `${at}/options`;
  if (!Array.isArray(options)) {
    p.add("must be an array", here);
    return;
  }
  checkCount(p, options, here, min, max);
  const L = BLOCK_KIT_LIMITS;
  options.forEach((o, i) => {
    const oat = `${here}/${i}`;
    if (!isObject(o)) {
      p.add("must be an object", oat);
      return;
    }
    checkText(p, o, "text", oat, { types: textTypes, max: L.optionText, required: true });
    checkString(p, o, "value", oat, L.optionValue, true);
    checkText(p, o, "description", oat, { types: textTypes, max: L.optionDescription, required: false });
  });
}

/** Options as Slack compares them: the text shown and the value. */
function optionKey(o: unknown): string | undefined {
  if (!isObject(o) || !isObject(o.text)) return undefined;
  return JSON.stringify([o.text.type, o.text.text, o.value]);
}

function listedOptions(el: Json): Set<string> {
  const groups = Array.isArray(el.option_groups) ? el.option_groups.filter(isObject).map((g) => g.options) : [];
  const lists = [el.options, ...groups].filter(Array.isArray);
  return new Set(lists.flat().map(optionKey).filter((k) => k !== undefined));
}

/**
 * initial_option: "A single option that exactly matches one of the options within options or
 * option_groups" (https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element);
 * the same for radio buttons' initial_option and checkboxes' and multi-selects' initial_options.
 */
function checkInitialOptions(p: Problems, el: Json, at: string): void {
  const listed = listedOptions(el);
  const check = (o: unknown, oat: string) => {
    const key = optionKey(o);
    if (key === undefined || !listed.has(key)) p.add("initial option must exactly match one of the options", oat);
  };
  if (el.initial_option !== undefined) check(el.initial_option, `${at}/initial_option`);
  if (Array.isArray(el.initial_options)) el.initial_options.forEach((o, i) => check(o, `${at}/initial_options/${i}`));
}

/** plain_text_input: min_length and max_length within Slack's range, initial_value within max_length. */
function checkTextInput(p: Problems, el: Json, at: string): void {
  const { min, max } = BLOCK_KIT_LIMITS.inputLength;
  const within = (field: "min_length" | "max_length", low: number): number | undefined => {
    const v = el[field];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < low || v > max) {
      p.add(`must be an integer between ${low} and ${max}`, `${at}/${field}`);
      return undefined;
    }
    return v;
  };
  const minLength = within("min_length", min);
  const maxLength = within("max_length", 1);
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    p.add("min_length must not exceed max_length", `${at}/min_length`);
  }
  if (typeof el.initial_value === "string" && maxLength !== undefined && el.initial_value.length > maxLength) {
    p.add(`initial_value must not be longer than max_length (${maxLength})`, `${at}/initial_value`);
  }
}

function checkImageElement(p: Problems, el: Json, at: string): void {
  const L = BLOCK_KIT_LIMITS;
  if (el.image_url === undefined && el.slack_file === undefined) p.add(missing("image_url"), at);
  checkString(p, el, "image_url", at, L.url);
  checkString(p, el, "alt_text", at, L.imageAltText, true);
}

const SELECTS_WITH_PLACEHOLDER = new Set([
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
  "datepicker",
  "timepicker",
  "plain_text_input",
  "email_text_input",
  "url_text_input",
  "number_input",
]);

/** Interactive elements (actions, section accessory, input element) and context images. */
function checkElement(p: Problems, el: unknown, at: string): void {
  if (!isObject(el)) {
    p.add("must be an object", at);
    return;
  }
  if (typeof el.type !== "string") {
    p.add(missing("type"), at);
    return;
  }
  const L = BLOCK_KIT_LIMITS;
  checkString(p, el, "action_id", at, L.actionId);
  switch (el.type) {
    case "button":
      checkText(p, el, "text", at, { types: PLAIN_ONLY, max: L.buttonText, required: true });
      checkString(p, el, "value", at, L.buttonValue);
      checkString(p, el, "url", at, L.url);
      if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
        p.add("must be a valid enum value", `${at}/style`);
      }
      break;
    case "static_select":
    case "multi_static_select":
      checkOptions(p, el, at, 1, L.selectOptions, PLAIN_ONLY);
      checkInitialOptions(p, el, at);
      break;
    case "overflow":
      checkOptions(p, el, at, L.overflowOptions.min, L.overflowOptions.max, PLAIN_ONLY);
      break;
    case "checkboxes":
    case "radio_buttons":
      checkOptions(p, el, at, 1, L.choiceOptions, TEXT_TYPES);
      checkInitialOptions(p, el, at);
      break;
    case "plain_text_input":
      checkTextInput(p, el, at);
      break;
    case "image":
      checkImageElement(p, el, at);
      break;
    default:
      break;
  }
  if (SELECTS_WITH_PLACEHOLDER.has(el.type)) {
    checkText(p, el, "placeholder", at, { types: PLAIN_ONLY, max: L.placeholder, required: false });
  }
  checkConfirm(p, el, at);
}

function checkElementList(p: Problems, block: Json, at: string, max: number, each: (el: unknown, at: string) => void): void {
  const elements = block.elements;
  if (elements === undefined) {
    p.add(missing("elements"), at);
    return;
  }
  if (!Array.isArray(elements)) {
    p.add("must be an array", `${at}/elements`);
    return;
  }
  checkCount(p, elements, `${at}/elements`, 1, max);
  elements.forEach((el, i) => each(el, `${at}/elements/${i}`));
}

function checkContextElement(p: Problems, el: unknown, at: string): void {
  if (isObject(el) && el.type === "image") {
    checkImageElement(p, el, at);
    return;
  }
  if (!isObject(el)) {
    p.add("must be an object", at);
    return;
  }
  if (typeof el.type !== "string") p.add(missing("type"), at);
  else if (!(TEXT_TYPES as readonly string[]).includes(el.type)) p.add("must be a valid enum value", `${at}/type`);
  if (typeof el.text !== "string") p.add(missing("text"), at);
  else if (el.text.length > BLOCK_KIT_LIMITS.sectionText) p.add(tooLong(BLOCK_KIT_LIMITS.sectionText), `${at}/text`);
}

/**
 * An action_id "Should be unique among all other action_ids in the containing block"
 * (https://docs.slack.dev/reference/block-kit/block-elements/button-element); Slack refuses a
 * block with two elements of one action_id, as it could not tell their clicks apart.
 */
function checkUniqueActionIds(p: Problems, block: Json, at: string): void {
  if (!Array.isArray(block.elements)) return;
  const seen = new Set<string>();
  block.elements.forEach((el, i) => {
    if (!isObject(el) || typeof el.action_id !== "string") return;
    if (seen.has(el.action_id)) p.add(`duplicate action_id: ${el.action_id}`, `${at}/elements/${i}/action_id`);
    seen.add(el.action_id);
  });
}

function checkBlock(p: Problems, block: Json, at: string): void {
  const L = BLOCK_KIT_LIMITS;
  switch (block.type) {
    case "section": {
      checkText(p, block, "text", at, { types: TEXT_TYPES, max: L.sectionText, required: false });
      const fields = block.fields;
      if (fields !== undefined) {
        if (!Array.isArray(fields)) p.add("must be an array", `${at}/fields`);
        else {
          checkCount(p, fields, `${at}/fields`, 1, L.sectionFields);
          fields.forEach((_, i) =>
            checkText(p, fields as unknown as Json, String(i), `${at}/fields`, { types: TEXT_TYPES, max: L.fieldText, required: true }),
          );
        }
      }
      if (block.text === undefined && fields === undefined) p.add(missing("text"), at);
      if (block.accessory !== undefined) checkElement(p, block.accessory, `${at}/accessory`);
      break;
    }
    case "header":
      checkText(p, block, "text", at, { types: PLAIN_ONLY, max: L.headerText, required: true });
      break;
    case "context":
      checkElementList(p, block, at, L.contextElements, (el, eat) => checkContextElement(p, el, eat));
      break;
    case "actions":
      checkElementList(p, block, at, L.actionsElements, (el, eat) => checkElement(p, el, eat));
      checkUniqueActionIds(p, block, at);
      break;
    case "image":
      checkImageElement(p, block, at);
      checkText(p, block, "title", at, { types: PLAIN_ONLY, max: L.imageTitle, required: false });
      break;
    case "input":
      checkText(p, block, "label", at, { types: PLAIN_ONLY, max: L.inputLabel, required: true });
      checkText(p, block, "hint", at, { types: PLAIN_ONLY, max: L.inputHint, required: false });
      if (block.element === undefined) p.add(missing("element"), at);
      else checkElement(p, block.element, `${at}/element`);
      break;
    case "markdown":
      checkString(p, block, "text", at, L.markdownText, true);
      break;
    case "rich_text":
      if (!Array.isArray(block.elements)) p.add(missing("elements"), at);
      break;
    default:
      break;
  }
}

/**
 * Checks a blocks array. `at` is where the array sits in the request: "/blocks" for
 * messages, "/view/blocks" for views.
 */
export function checkBlocks(blocks: unknown, surface: Surface, at = "/blocks"): BlockProblem[] {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add("must be an array", at);
    return p.list;
  }
  const max = BLOCK_KIT_LIMITS.blocks[surface];
  if (blocks.length > max) p.add(tooMany(max), at);
  const seenBlockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const bat = `${at}/${i}`;
    if (!isObject(block)) {
      p.add("must be an object", bat);
      return;
    }
    if (typeof block.type !== "string") {
      p.add(missing("type"), bat);
      return;
    }
    if (!KNOWN_BLOCK_TYPES.has(block.type)) {
      p.add(`unsupported type: ${block.type}`, `${bat}/type`);
      return;
    }
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== "string") p.add("must be a string", `${bat}/block_id`);
      else if (block.block_id.length > BLOCK_KIT_LIMITS.blockId) p.add(tooLong(BLOCK_KIT_LIMITS.blockId), `${bat}/block_id`);
      else if (seenBlockIds.has(block.block_id)) p.add(`duplicate block_id: ${block.block_id}`, `${bat}/block_id`);
      else seenBlockIds.add(block.block_id);
    }
    checkBlock(p, block, bat);
  });
  return p.list;
}

/**
 * Checks a view for views.open/push/update/publish; pointers start at "/view".
 * `expected` is the type the method takes (modal for open/push, home for publish).
 */
export function checkView(view: unknown, expected?: "modal" | "home"): BlockProblem[] {
  const p = new Problems();
  if (!isObject(view)) {
    p.add(view === undefined ? missing("view") : "must be an object", view === undefined ? "" : "/view");
    return p.list;
  }
  const L = BLOCK_KIT_LIMITS;
  const type = view.type;
  if (typeof type !== "string") {
    p.add(missing("type"), "/view");
    return p.list;
  }
  if ((type !== "modal" && type !== "home") || (expected !== undefined && type !== expected)) {
    p.add("must be a valid enum value", "/view/type");
    return p.list;
  }
  if (type === "modal") {
    checkText(p, view, "title", "/view", { types: PLAIN_ONLY, max: L.viewTitle, required: true });
    checkText(p, view, "submit", "/view", { types: PLAIN_ONLY, max: L.viewButton, required: false });
    checkText(p, view, "close", "/view", { types: PLAIN_ONLY, max: L.viewButton, required: false });
  }
  checkString(p, view, "private_metadata", "/view", L.privateMetadata);
  checkString(p, view, "callback_id", "/view", L.callbackId);
  checkString(p, view, "external_id", "/view", L.externalId);
  if (view.blocks === undefined) {
    p.add(missing("blocks"), "/view");
    return p.list;
  }
  p.list.push(...checkBlocks(view.blocks, type, "/view/blocks"));
  if (type === "modal" && view.submit === undefined && Array.isArray(view.blocks)) {
    view.blocks.forEach((b, i) => {
      if (isObject(b) && b.type === "input") {
        p.add("must define `submit` to use an `input` block in modals", `/view/blocks/${i}/input`);
      }
    });
  }
  return p.list;
}

/** Top-level `text` of a message: too long is msg_too_long, not invalid_blocks. */
export function messageTextTooLong(text: unknown): boolean {
  return typeof text === "string" && text.length > BLOCK_KIT_LIMITS.messageText;
}

/** Characters of text across blocks: every string held under a "text" key, at any depth. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [key, inner] of Object.entries(v)) {
        if (key === "text" && typeof inner === "string") total += inner.length;
        else walk(inner);
      }
    }
  };
  walk(blocks);
  return total;
}

/** More text across a message's blocks than Slack takes: msg_blocks_too_long. */
export function blocksTooLong(blocks: readonly unknown[]): boolean {
  return blocksTextLength(blocks) > BLOCK_KIT_LIMITS.messageBlocksText;
}
