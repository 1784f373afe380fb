// Plain-text rendering of messages and views for a terminal. Buttons are numbered across the
import { listTexts } from "../../messages/list-messages.ts";
// whole message and returned in that order, so ":click n" can build the block_actions payload.

export interface RenderOptions {
  /** Name for <@U…> mentions; the id is shown when it returns undefined. */
  userName?: (userId: string) => string | undefined;
  /** Name for <#C…> links without a label. */
  channelName?: (channelId: string) => string | undefined;
  /** Terminal columns; fields go side by side only when a pair fits. Default 80. */
  width?: number;
  /** Number of the first button, so several rendered messages can share one numbering. Default 1. */
  firstButton?: number;
}

export interface RenderedButton {
  n: number;
  text: string;
  action_id: string;
  block_id: string;
  value?: string;
  url?: string;
  style?: string;
}

export interface Rendered {
  text: string;
  lines: string[];
  buttons: RenderedButton[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** East Asian Wide / Fullwidth ranges, including emoji shown as pictures. */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  return WIDE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Columns a string takes in a terminal: CJK and emoji count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function padToWidth(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function decodeEntities(s: string): string {
  return s.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Slack mrkdwn for a terminal: links and mentions made readable, emphasis marks kept. */
export function renderMrkdwn(text: string, opts: RenderOptions = {}): string {
  const out = text.replace(/<([^<>]+)>/g, (_whole, inner: string) => {
    const [target = "", label] = inner.split("|", 2) as [string, string | undefined];
    if (target.startsWith("@")) {
      const id = target.slice(1);
      return `@${opts.userName?.(id) ?? label ?? id}`;
    }
    if (target.startsWith("#")) {
      const id = target.slice(1);
      return `#${label ?? opts.channelName?.(id) ?? id}`;
    }
    if (target.startsWith("!")) {
      const special = target.slice(1);
      if (special === "here" || special === "channel" || special === "everyone") return `@${special}`;
      return label ?? `@${special.split("^")[0]}`;
    }
    return label !== undefined ? `${label} (${target})` : target;
  });
  return decodeEntities(out);
}

function textOf(obj: unknown, opts: RenderOptions): string {
  if (!isObject(obj) || typeof obj.text !== "string") return "";
  return obj.type === "mrkdwn" ? renderMrkdwn(obj.text, opts) : obj.text;
}

function richTextOf(el: unknown, opts: RenderOptions): string {
  if (!isObject(el)) return "";
  switch (el.type) {
    case "text":
      return String(el.text ?? "");
    case "link":
      return el.text ? `${String(el.text)} (${String(el.url)})` : String(el.url ?? "");
    case "user": {
      const id = String(el.user_id);
      return `@${opts.userName?.(id) ?? id}`;
    }
    case "channel": {
      const id = String(el.channel_id);
      return `#${opts.channelName?.(id) ?? id}`;
    }
    case "emoji":
      return `:${String(el.name)}:`;
    case "broadcast":
      return `@${String(el.range)}`;
    default:
      return Array.isArray(el.elements) ? el.elements.map((e) => richTextOf(e, opts)).join("") : "";
  }
}

function richTextLines(block: Json, opts: RenderOptions): string[] {
  const lines: string[] = [];
  for (const part of Array.isArray(block.elements) ? block.elements : []) {
    if (!isObject(part)) continue;
    const inner = Array.isArray(part.elements) ? part.elements : [];
    if (part.type === "rich_text_list") {
      const indent = "  ".repeat(Number(part.indent ?? 0));
      inner.forEach((item, i) => lines.push(`${indent}${part.style === "ordered" ? `${i + 1}.` : "•"} ${richTextOf(item, opts)}`));
    } else {
      const text = inner.map((e) => richTextOf(e, opts)).join("");
      const prefix = part.type === "rich_text_quote" ? "> " : part.type === "rich_text_preformatted" ? "    " : "";
      lines.push(...text.split("\n").map((l) => prefix + l));
    }
  }
  return lines;
}

class Renderer {
  readonly lines: string[] = [];
  readonly buttons: RenderedButton[] = [];
  private next: number;
  private readonly width: number;

  constructor(private readonly opts: RenderOptions) {
    this.next = opts.firstButton ?? 1;
    this.width = opts.width ?? 80;
  }

  /** Renders one element; buttons get their number here. */
  private element(el: unknown, blockId: string): string {
    if (!isObject(el)) return "";
    const type = String(el.type);
    if (type === "button") {
      const text = textOf(el.text, this.opts);
      const n = this.next++;
      this.buttons.push({
        n,
        text,
        action_id: String(el.action_id ?? ""),
        block_id: blockId,
        ...(typeof el.value === "string" && { value: el.value }),
        ...(typeof el.url === "string" && { url: el.url }),
        ...(typeof el.style === "string" && { style: el.style }),
      });
      return `[${n}] ${text}`;
    }
    if (type === "image") return `[image: ${String(el.alt_text ?? "")}]`;
    const shown = textOf(el.initial_option && isObject(el.initial_option) ? el.initial_option.text : undefined, this.opts)
      || (typeof el.initial_date === "string" ? el.initial_date : "")
      || (typeof el.initial_value === "string" ? el.initial_value : "")
      || textOf(el.placeholder, this.opts);
    return `[${type}${shown ? `: ${shown}` : ""}]`;
  }

  private push(text: string, prefix = ""): void {
    for (const line of text.split("\n")) this.lines.push(prefix + line);
  }

  private fields(fields: unknown[]): void {
    const texts = fields.map((f) => textOf(f, this.opts));
    const col = Math.floor((this.width - 3) / 2);
    const fitsInColumns = texts.every((t) => !t.includes("\n") && displayWidth(t) <= col);
    if (!fitsInColumns) {
      for (const t of texts) this.push(t, "  ");
      return;
    }
    for (let i = 0; i < texts.length; i += 2) {
      const left = texts[i]!;
      const right = texts[i + 1];
      this.lines.push(right === undefined ? `  ${left}` : `  ${padToWidth(left, col)} ${right}`);
    }
  }

  block(block: unknown): void {
    if (!isObject(block)) return;
    const blockId = String(block.block_id ?? "");
    switch (block.type) {
      case "header":
        this.lines.push(`■ ${textOf(block.text, this.opts)}`);
        break;
      case "section": {
        if (block.text !== undefined) this.push(textOf(block.text, this.opts));
        if (Array.isArray(block.fields)) this.fields(block.fields);
        if (block.accessory !== undefined) this.lines.push(`  ${this.element(block.accessory, blockId)}`);
        break;
      }
      case "context": {
        const parts = (Array.isArray(block.elements) ? block.elements : []).map((el) =>
          isObject(el) && el.type === "image" ? `[image: ${String(el.alt_text ?? "")}]` : textOf(el, this.opts),
        );
        this.push(parts.join("  "), "› ");
        break;
      }
      case "divider":
        this.lines.push("─".repeat(Math.min(this.width, 40)));
        break;
      case "actions": {
        const parts = (Array.isArray(block.elements) ? block.elements : []).map((el) => this.element(el, blockId));
        this.lines.push(parts.join("  "));
        break;
      }
      case "image":
        this.lines.push(`[image: ${String(block.alt_text ?? "")}]`);
        break;
      case "input": {
        const label = textOf(block.label, this.opts);
        this.lines.push(`${label}${block.optional === true ? listTexts.optional : ""}: ${this.element(block.element, blockId)}`);
        if (block.hint !== undefined) this.push(textOf(block.hint, this.opts), "  ");
        break;
      }
      case "rich_text":
        this.lines.push(...richTextLines(block, this.opts));
        break;
      case "markdown":
        this.push(String(block.text ?? ""));
        break;
      default:
        this.lines.push(`[${String(block.type)}]`);
    }
  }

  result(): Rendered {
    return { text: this.lines.join("\n"), lines: this.lines, buttons: this.buttons };
  }
}

/** A message: its blocks when it has any, else its text. */
export function renderMessage(message: { text?: string; blocks?: readonly unknown[] }, opts: RenderOptions = {}): Rendered {
  const r = new Renderer(opts);
  if (message.blocks && message.blocks.length > 0) for (const b of message.blocks) r.block(b);
  else if (message.text) r.lines.push(...renderMrkdwn(message.text, opts).split("\n"));
  return r.result();
}

/** A modal or home tab, framed by its title and its close / submit labels. */
export function renderView(view: Record<string, unknown>, opts: RenderOptions = {}): Rendered {
  const r = new Renderer(opts);
  const title = textOf(view.title, opts);
  r.lines.push(view.type === "home" ? `[home]${title ? ` ${title}` : ""}` : `[modal] ${title}`);
  for (const b of Array.isArray(view.blocks) ? view.blocks : []) r.block(b);
  const footer = [
    view.close !== undefined && view.close !== null ? `[close: ${textOf(view.close, opts)}]` : "",
    view.submit !== undefined && view.submit !== null ? `[submit: ${textOf(view.submit, opts)}]` : "",
  ].filter(Boolean);
  if (footer.length > 0) r.lines.push(footer.join("  "));
  return r.result();
}
