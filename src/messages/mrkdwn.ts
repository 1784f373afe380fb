// Slack mrkdwn, made of trusted markup and escaped data: the one place where text becomes mrkdwn.
//
// How to write a message that Slack shows as mrkdwn:
//   md`*${unit.name}* · ${note}`   the literal parts are markup; every interpolated string or
//                                  number is data and is escaped (& → &amp;, < → &lt;, > → &gt;)
//   md`联系人：${mention(userId)}`   a Mrkdwn value (mention, channelLink, code, another md``)
//                                  is markup and is kept as it is
//   joinMd(lines, "\n")            joins strings (escaped) and Mrkdwn values (kept)
// Block builders (section, context, fields, message in src/slack/blocks/block-kit.ts) take
// `Mrkdwn | string`, and a string is escaped there: text a person typed cannot become a mention,
// a broadcast or a link, whoever forgot what. Plain-text fields (headers, buttons, option text,
// labels, a modal's initial_value) take strings and are never escaped.
//
// NOTE: a Mrkdwn value refuses to become a string through `${…}` (it throws): that is how text
// escaped once would be escaped again. Compose with md``, read `.text` only when building JSON.

const MENTIONABLE_USER = /^[UW][A-Z0-9]{2,}$/;
const LINKABLE_CHANNEL = /^[CGD][A-Z0-9]{2,}$/;

/** Text as Slack shows it: `&`, `<`, `>` as entities, so nothing in it is a control sequence. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export class Mrkdwn {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  /** The mrkdwn as sent to Slack (entities and control sequences in place). */
  get text(): string {
    return this.#text;
  }

  get length(): number {
    return this.#text.length;
  }

  toString(): string {
    throw new Error("Mrkdwn is not a string: compose it with md`…` or joinMd, read .text only for Block Kit JSON");
  }

  toJSON(): string {
    return this.#text;
  }

  /** NOTE: only for this module's helpers; everything else builds Mrkdwn with md``. */
  static trusted(text: string): Mrkdwn {
    return new Mrkdwn(text);
  }
}

export type MrkdwnLike = Mrkdwn | string;
type Interpolation = Mrkdwn | string | number;

/** Plain text becomes mrkdwn that shows it as written; mrkdwn stays as it is. */
export function toMrkdwn(value: MrkdwnLike | number): Mrkdwn {
  if (value instanceof Mrkdwn) return value;
  return Mrkdwn.trusted(escapeMrkdwn(String(value)));
}

/** Mrkdwn the bot sent earlier and read back from Slack (a message's blocks): already escaped. */
export function mrkdwnAsSent(text: string): Mrkdwn {
  return Mrkdwn.trusted(text);
}

/** Tagged template: literals are markup, interpolations are data (escaped) unless already Mrkdwn. */
export function md(strings: TemplateStringsArray, ...values: Interpolation[]): Mrkdwn {
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    text += toMrkdwn(value).text + (strings[i + 1] ?? "");
  });
  return Mrkdwn.trusted(text);
}

export function joinMd(parts: readonly MrkdwnLike[], separator: MrkdwnLike = ""): Mrkdwn {
  const sep = toMrkdwn(separator).text;
  return Mrkdwn.trusted(parts.map((p) => toMrkdwn(p).text).join(sep));
}

/** `<@U…>`: a mention of a Slack user; anything that is not a user id is shown as text. */
export function mention(userId: string): Mrkdwn {
  return MENTIONABLE_USER.test(userId) ? Mrkdwn.trusted(`<@${userId}>`) : toMrkdwn(userId);
}

/** `<#C…>`: a link to a channel; anything that is not a channel id is shown as text. */
export function channelLink(channelId: string): Mrkdwn {
  return LINKABLE_CHANNEL.test(channelId) ? Mrkdwn.trusted(`<#${channelId}>`) : toMrkdwn(channelId);
}

/** `code`: a command to type; a backtick inside would end the code span, so it is replaced. */
export function code(text: string): Mrkdwn {
  return Mrkdwn.trusted(`\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``);
}

/** Where a cut may fall in escaped mrkdwn: never inside an entity, a control sequence or a surrogate pair. */
function safeCut(text: string, at: number): number {
  let cut = Math.max(0, at);
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp >= 0 && !text.slice(amp, cut).includes(";") && /^&(amp|lt|gt);/.test(text.slice(amp, amp + 5))) cut = amp;
  const open = text.lastIndexOf("<", cut - 1);
  if (open >= 0 && text.indexOf(">", open) >= cut) cut = open;
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** At most `max` characters of mrkdwn, ending with "…" when cut; never breaks an entity or a mention. */
export function clipMrkdwn(value: MrkdwnLike, max: number): Mrkdwn {
  const m = toMrkdwn(value);
  if (m.length <= max) return m;
  return Mrkdwn.trusted(`${m.text.slice(0, safeCut(m.text, max - 1))}…`);
}

/** At most `max` characters of plain text, ending with "…" when cut; never splits a surrogate pair. */
export function clipPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
