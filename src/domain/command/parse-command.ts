// The /shutdown grammar: text → Command. Pure; knows units only through the directory.
// People write the way they talk: 「完成 关停」, 「关停 完成」, 「网站已关停」, 「完成，关停。」 all mean
// the same; what is not understood says which word, and what was probably meant, ready to type.
import { parseDeadlineTime, parseTypedDay } from "../model/calendar.ts";
import { DomainError } from "../errors.ts";
import type { DomainMethod, ItemState, TaskKey } from "../model/tasks.ts";
import { msg } from "../../messages/command-messages.ts";
import { closestMatch } from "./closest-match.ts";
import type { Command, TypedDay } from "./command.ts";
import { keywordOf, normalizeCommandText, WORD_PUNCTUATION } from "./normalize-text.ts";
import type { UnitDirectory } from "./unit-directory.ts";
import {
  ADD_WORDS,
  ALL_KEYWORDS,
  CANCELLED_WORDS,
  commandOf,
  CSV_WORDS,
  DNS_WORDS,
  FILE_WORDS,
  filingStepWordOf,
  isReportWord,
  isWaitingWord,
  phraseOf,
  PREVIEW_WORDS,
  REMOVE_WORDS,
  SET_FIELDS,
  setFieldOf,
  STATE_ALIASES,
  stateOf,
  TASK_ALIASES,
  TASK_WORDS,
  taskOf,
  type PhraseMeaning,
} from "./vocabulary.ts";
import { ErrorCode } from "../error-codes.ts";

/** Text that was not understood. `corrected` is what was probably meant, and does parse. */
export class ParseError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly corrected?: string,
    /** The state the text named, when it named no task: 「完成」 alone. */
    readonly state?: ItemState,
  ) {
    super(code, message, msg.helpHint);
    this.name = "ParseError";
  }
}

/** Slack sends mentions as <@U123|name>; people also paste <@U123> or a bare U123. */
export function parseUserId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const token = raw.normalize("NFKC");
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token) ?? /^@?([UW][A-Z0-9]{2,})$/.exec(token);
  return m?.[1];
}

interface Token {
  text: string;
  /** Where it starts in the folded text: a note or a value is the text from there on, as typed. */
  start: number;
}

const SEPARATOR = new RegExp(`[\\s${WORD_PUNCTUATION.source.slice(1, -1)}]`);
/** A mention as Slack sends it: <@U123|王 芳>. */
const MENTION = /<@[UW][A-Z0-9]+(?:\|[^<>]*)?>/y;

function tokenize(text: string): { folded: string; tokens: Token[] } {
  const folded = normalizeCommandText(text);
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    // NOTE: a mention's name may hold spaces or punctuation; the mention stays one token.
    MENTION.lastIndex = i;
    const mention = folded[i] === "<" ? MENTION.exec(folded) : null;
    if (mention) {
      if (start < 0) start = i;
      i += mention[0].length - 1;
      continue;
    }
    const c = folded[i];
    const separates = c === undefined || SEPARATOR.test(c);
    if (!separates && start < 0) start = i;
    if (separates && start >= 0) {
      tokens.push({ text: folded.slice(start, i), start });
      start = -1;
    }
  }
  return { folded, tokens };
}

/** A note as the person wrote it: a mention Slack made of "@王芳" reads "@王芳" again. */
function noteText(text: string): string {
  return text.replace(/<@[UW][A-Z0-9]+\|([^<>]+)>/g, (_m, name: string) => `@${name}`).trim();
}

const cleanDomain = (t: string) => keywordOf(t).replace(/^https?:\/\//, "").replace(/[/?#].*$/, "").replace(/\.$/, "");
const looksLikeDomain = (t: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(cleanDomain(t));

/** 「网站已关停」 → 「网站」「已关停」: a token that is two report words written together. */
function splitGlued(token: Token): Token[] {
  // NOTE: two report words together are short; a long token is a note (and splitting it costs n²).
  if (token.text.length > 12 || isReportWord(token.text) || /^[\x00-\x7f]*$/.test(token.text)) return [token];
  const chars = [...keywordOf(token.text)];
  for (let i = chars.length - 1; i > 0; i--) {
    const left = chars.slice(0, i).join("");
    const right = chars.slice(i).join("");
    if (isReportWord(left) && isReportWord(right)) {
      return [
        { text: left, start: token.start },
        { text: right, start: token.start + left.length },
      ];
    }
  }
  return [token];
}

class Parser {
  private tokens: Token[];
  private readonly folded: string;
  /** The unit as typed at the start, kept in front of a corrected command. */
  private unitText = "";

  constructor(
    text: string,
    private readonly directory: UnitDirectory,
    private readonly correcting: boolean,
  ) {
    const { folded, tokens } = tokenize(text);
    this.folded = folded;
    this.tokens = tokens;
  }

  /** The text from token `i` on, as typed (a note, a value, a date with its time). */
  private restFrom(i: number): string {
    const token = this.tokens[i];
    return token ? this.folded.slice(token.start).trim() : "";
  }

  /**
   * Fails on the word at `index`; when a close word makes the whole text a command, that command
   * goes along so the reply can offer it ready to copy.
   */
  private unknown(index: number, code: ErrorCode, message: (suggestion?: string) => string, candidates: readonly string[]): never {
    const word = this.tokens[index]!.text;
    const suggestion = this.suggest(word, candidates);
    let corrected: string | undefined;
    if (suggestion && !this.correcting) {
      corrected = this.tryText([this.unitText, ...this.tokens.slice(0, index).map((t) => t.text), suggestion, this.restFrom(index + 1)]);
    }
    throw new ParseError(code, message(suggestion), corrected);
  }

  /** The words joined, if they make a command. */
  private tryText(words: string[]): string | undefined {
    const text = words.filter(Boolean).join(" ");
    try {
      new Parser(text, this.directory, true).parse();
      return text;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return undefined;
    }
  }

  /** The one way every "did you mean" is found: a unit, or a keyword of the list given. */
  private suggest(word: string, candidates: readonly string[]): string | undefined {
    const w = keywordOf(word);
    // NOTE: 「'」 or 「--」 is not a misspelt word: guessing 「?」 for it helps nobody; nor is a question.
    if (!/[\p{L}\p{N}]/u.test(w) || isQuestion(word)) return undefined;
    return closestMatch(w, candidates) ?? (candidates === ALL_KEYWORDS ? this.directory.suggest(w) : undefined);
  }

  private fail(code: ErrorCode, message: string, corrected?: string, state?: ItemState): never {
    throw new ParseError(code, message, this.correcting ? undefined : corrected, state);
  }

  parse(): Command {
    if (this.tokens.length === 0) return { kind: "help" };
    let unit: string | undefined;
    const first = this.tokens[0]!;
    if (!commandOf(first.text) && !isReportWord(first.text) && !filingStepWordOf(first.text) && splitGlued(first).length === 1) {
      const found = this.directory.find(keywordOf(first.text));
      if (!found) this.unknownFirst();
      unit = found!.key;
      this.unitText = first.text;
      this.tokens.shift();
      if (this.tokens.length === 0) return { kind: "status", unit };
    }
    this.tokens.splice(0, 1, ...splitGlued(this.tokens[0]!));
    const word = this.tokens[0]!.text;
    const step = this.parseFilingStep(unit);
    if (step) return step;
    if (isReportWord(word)) return this.parseReport(unit);
    return this.parseCommandWord(unit);
  }

  /** 「已送达」「icp 已受理 苏ICP备12345678号」「已提交管局 jtda.gov.cn」: a step of the center's path. */
  private parseFilingStep(unit: string | undefined): Command | undefined {
    const [t0, t1] = [this.tokens[0]!.text, this.tokens[1]?.text];
    let at: number;
    if (filingStepWordOf(t0)) at = 1;
    else if (taskOf(t0) === "icp" && t1 !== undefined && filingStepWordOf(t1)) at = 2;
    else return undefined;
    const step = filingStepWordOf(this.tokens[at - 1]!.text)!;
    if (at === 1 && this.tokens[1] && taskOf(this.tokens[1].text) === "icp") at = 2;
    const named = this.tokens[at];
    let filing: string | undefined;
    if (named && (looksLikeDomain(named.text) || /icp/i.test(named.text))) {
      filing = named.text;
      at++;
    }
    const note = noteText(this.restFrom(at));
    return { kind: "icp-step", ...(unit && { unit }), step, ...(filing && { filing }), ...(note && { note }) };
  }

  private unknownFirst(): never {
    const word = this.tokens[0]!.text;
    const several = this.directory.ambiguous(keywordOf(word));
    if (several.length > 0) {
      const names = several.map((u) => u.name);
      this.fail(ErrorCode.AmbiguousUnit, msg.ambiguousUnit(word, names), this.correcting ? undefined : this.tryText([names[0]!, this.restFrom(1)]));
    }
    if (!this.correcting && this.tokens.length === 1) {
      // A sentence in one breath: 「我们网站已经关了」 offers 「done site」 to type.
      const guess = guessReport(word);
      if (guess) this.fail(ErrorCode.UnknownWord, msg.unknownWord(word), this.tryText([guess]));
    }
    return this.unknown(0, ErrorCode.UnknownWord, (s) => msg.unknownWord(word, s), ALL_KEYWORDS);
  }

  private unitArgument(command: string): string {
    const token = this.tokens[1];
    if (!token) return this.fail(ErrorCode.MissingUnit, msg.missingUnitArg(command));
    const found = this.directory.find(keywordOf(token.text));
    if (!found) {
      const several = this.directory.ambiguous(keywordOf(token.text));
      if (several.length > 0) {
        const names = several.map((u) => u.name);
        this.fail(ErrorCode.AmbiguousUnit, msg.ambiguousUnit(token.text, names), this.correcting ? undefined : this.tryText([this.tokens[0]!.text, names[0]!, this.restFrom(2)]));
      }
      this.unknown(1, ErrorCode.UnknownUnit, (s) => msg.unknownUnit(token.text, s), this.directory.units.map((u) => u.name));
    }
    this.tokens.splice(1, 1);
    return found!.key;
  }

  private noMore(from = 1): void {
    if (this.tokens.length > from) this.fail(ErrorCode.ExtraWords, msg.tooManyWords(this.restFrom(from)));
  }

  /** `状态 区公安分局`: a unit may also come after the word. */
  private optionalUnitAfter(unit: string | undefined, command: string): string | undefined {
    if (unit || this.tokens.length !== 2) return unit;
    return this.unitArgument(command);
  }

  private parseCommandWord(unit: string | undefined): Command {
    const command = commandOf(this.tokens[0]!.text);
    const arg = (i: number) => (this.tokens[i] ? keywordOf(this.tokens[i]!.text) : undefined);
    switch (command) {
      case "help":
        return { kind: "help" };
      case "status": {
        const target = this.optionalUnitAfter(unit, "status");
        this.noMore();
        return { kind: "status", ...(target && { unit: target }) };
      }
      case "icp-form": {
        const target = this.optionalUnitAfter(unit, "申请表");
        this.noMore();
        return { kind: "icp-form", ...(target && { unit: target }) };
      }
      case "forms": {
        const file = arg(1) !== undefined && FILE_WORDS.includes(arg(1)!);
        this.noMore(file ? 2 : 1);
        return { kind: "forms", file };
      }
      case "form": {
        const target = this.optionalUnitAfter(unit, "form");
        this.noMore();
        return { kind: "form", ...(target && { unit: target }) };
      }
      case "overview":
        this.noMore();
        return { kind: "overview" };
      case "deadlines":
        this.noMore();
        return { kind: "deadlines" };
      case "export": {
        const csv = arg(1) !== undefined && CSV_WORDS.includes(arg(1)!);
        this.noMore(csv ? 2 : 1);
        return { kind: "export", format: csv ? "csv" : "xlsx" };
      }
      case "digest": {
        const preview = arg(1) !== undefined && PREVIEW_WORDS.includes(arg(1)!);
        this.noMore(preview ? 2 : 1);
        return { kind: "digest", preview };
      }
      case "join":
      case "unit": {
        const target = unit ?? this.unitArgument(command);
        this.noMore();
        return { kind: command, unit: target };
      }
      case "assign":
      case "unassign": {
        const target = unit ?? this.unitArgument(command);
        const userToken = this.tokens[1]?.text;
        const name = this.directory.units.find((u) => u.key === target)?.name ?? target;
        if (!userToken) return this.fail(ErrorCode.MissingUser, msg.missingUser(`${command} ${name}`));
        const userId = parseUserId(userToken);
        if (!userId) this.fail(ErrorCode.BadUser, msg.badUser(userToken));
        this.noMore(2);
        return { kind: command, unit: target, userId: userId! };
      }
      case "coordinator": {
        const action = arg(1);
        const kind = action && ADD_WORDS.includes(action) ? "add" : action && REMOVE_WORDS.includes(action) ? "remove" : undefined;
        if (!kind) return this.fail(ErrorCode.CoordinatorUsage, msg.coordinatorUsage);
        const userToken = this.tokens[2]?.text;
        if (!userToken) return this.fail(ErrorCode.MissingUser, msg.missingUser(`coordinator ${kind}`));
        const userId = parseUserId(userToken);
        if (!userId) this.fail(ErrorCode.BadUser, msg.badUser(userToken));
        this.noMore(3);
        return { kind: "coordinator", action: kind, userId: userId! };
      }
      case "deadline": {
        const key = arg(1);
        if (!key || this.tokens.length < 3) return this.fail(ErrorCode.DeadlineUsage, msg.deadlineUsage);
        // NOTE: `deadline 第二批 transition 2027-08-25`: a batch's name, then the key, is the key
        // 第二批/transition; only when the words after the name read as a time and those after the first do not.
        const named = this.tokens.length >= 4 && !parseDeadlineTime(this.restFrom(2).normalize("NFKC")) && parseDeadlineTime(this.restFrom(3).normalize("NFKC"));
        const when = this.restFrom(named ? 3 : 2);
        const at = parseDeadlineTime(when.normalize("NFKC"));
        if (!at) this.fail(ErrorCode.BadDateTime, msg.badDateTime(when));
        return { kind: "deadline", key: named ? `${this.tokens[1]!.text.normalize("NFKC")}/${arg(2)}` : key, at: at! };
      }
      case "set":
        return this.parseSet(unit);
      case "verify":
        return this.parseVerify(unit);
      case "accept":
        return this.parseAccept(unit);
      default:
        return this.unknown(0, ErrorCode.UnknownWord, (s) => msg.unknownWord(this.tokens[0]!.text, s), ALL_KEYWORDS);
    }
  }

  /** A report in any order people write it: state first, task first, or one word for both. */
  private parseReport(unit: string | undefined): Command {
    const head = this.tokens[0]!.text;
    let state: ItemState | undefined = stateOf(head);
    let waiting = isWaitingWord(head);
    let phrase: PhraseMeaning | undefined = phraseOf(head);
    let task: TaskKey | undefined = taskOf(head);
    let phraseWord = head;
    let next = 1;

    if (task && !state && !phrase && !waiting) {
      // Task first: 「关停 完成」「域名 已注销」「备案 提交」; a domain may come between:
      // 「域名 jtda.gov.cn 已注销」.
      if (task === "domain" && this.tokens[1] && looksLikeDomain(this.tokens[1].text) && this.tokens[2]) {
        const [domain, word] = [this.tokens[1], this.tokens[2]];
        this.tokens.splice(1, 2, word, domain);
      }
      const second = this.tokens[1];
      if (!second) return this.fail(ErrorCode.MissingState, msg.missingState(task), `done ${task}`);
      this.tokens.splice(1, 1, ...splitGlued(second));
      const word = this.tokens[1]!.text;
      state = stateOf(word);
      waiting = isWaitingWord(word);
      phrase = phraseOf(word);
      phraseWord = word;
      if (!state && !waiting && !phrase) {
        return this.unknown(1, ErrorCode.UnknownState, (s) => msg.unknownState(word, task!, s), ALL_KEYWORDS);
      }
      next = 2;
    } else if (state || waiting) {
      const taskToken = this.tokens[1];
      if (!taskToken) return this.fail(ErrorCode.MissingTask, msg.missingTask(waiting ? "waiting" : state!), undefined, waiting ? undefined : state);
      this.tokens.splice(1, 1, ...splitGlued(taskToken));
      const word = this.tokens[1]!.text;
      task = taskOf(word);
      const glued = phraseOf(word);
      if (!task && glued?.task && glued.state === state) task = glued.task;
      if (!task) return this.unknown(1, ErrorCode.UnknownTask, (s) => msg.unknownTask(word, s), TASK_WORDS);
      next = 2;
    } else if (phrase) {
      // One word for both, or a word that still needs its task: 「已注销 域名」.
      if (!phrase.task) {
        const taskWord = this.tokens[1] && taskOf(this.tokens[1].text);
        if (!taskWord) return this.fail(ErrorCode.WhichTask, msg.whichTask(head, phrase.tasks ?? []));
        task = taskWord;
        next = 2;
      } else task = phrase.task;
    }
    if (phrase) {
      const fits = phrase.tasks ? phrase.tasks.includes(task!) : phrase.task === task;
      if (!fits) return this.fail(ErrorCode.Contradiction, msg.phraseContradiction(phraseWord, task!));
      state ??= phrase.state;
    }
    const saysCancelled = phrase !== undefined && CANCELLED_WORDS.includes(keywordOf(phraseWord));
    return this.reportDetails(unit, waiting ? "doing" : state!, task!, next, phrase, waiting, saysCancelled);
  }

  private reportDetails(
    unit: string | undefined,
    state: ItemState,
    task: TaskKey,
    from: number,
    phrase: PhraseMeaning | undefined,
    waiting: boolean,
    saysCancelled: boolean,
  ): Command {
    let i = from;
    let domain: string | undefined;
    let method: DomainMethod | undefined = phrase?.method;
    if (task === "domain") {
      if (this.tokens[i] && looksLikeDomain(this.tokens[i]!.text)) domain = cleanDomain(this.tokens[i++]!.text);
      const m = this.tokens[i] && keywordOf(this.tokens[i]!.text);
      if (m && DNS_WORDS.includes(m)) method = "dns_removed";
      else if (m && CANCELLED_WORDS.includes(m)) method = "cancelled";
      if (m && (DNS_WORDS.includes(m) || CANCELLED_WORDS.includes(m))) i++;
      // 「域名 已注销」: the word itself says how.
      if (!method && saysCancelled) method = "cancelled";
    }
    let expected: TypedDay | undefined;
    if (waiting) {
      const dayToken = this.tokens[i];
      const day = dayToken ? parseTypedDay(dayToken.text) : null;
      if (!day) return this.fail(ErrorCode.WaitingDate, msg.waitingNeedsDate(task, dayToken?.text));
      expected = day;
      i++;
    }
    const note = noteText(this.restFrom(i)) || phrase?.note || undefined;
    if ((state === "blocked" || state === "na") && !note) {
      const example = msg.exampleReason(state, task);
      this.fail(ErrorCode.ReasonRequired, msg.reasonRequired(state, task, example), this.correcting ? undefined : this.tryText([this.folded, example]));
    }
    if (state === "na" && (task === "site" || task === "domain")) this.fail(ErrorCode.NaForbidden, msg.naForbidden(task));
    return {
      kind: "report",
      ...(unit && { unit }),
      state,
      task,
      ...(domain && { domain }),
      ...(method && { method }),
      ...(note && { note }),
      ...(expected && { expected }),
    };
  }

  /** `verify`, `verify 档案局`, `verify jtda.gov.cn`, `档案局 verify`. */
  private parseVerify(unit: string | undefined): Command {
    const token = this.tokens[1];
    if (unit || !token) {
      this.noMore();
      return { kind: "verify", ...(unit && { unit }) };
    }
    if (looksLikeDomain(token.text)) {
      const domain = cleanDomain(token.text);
      const owner = this.directory.units.find((u) => u.domains.some((d) => d.toLowerCase() === domain));
      if (!owner) this.fail(ErrorCode.VerifyUsage, msg.verifyUsage(token.text));
      this.noMore(2);
      return { kind: "verify", unit: owner!.key, domain };
    }
    if (!this.directory.find(keywordOf(token.text)) && this.directory.ambiguous(keywordOf(token.text)).length === 0) {
      this.fail(ErrorCode.VerifyUsage, msg.verifyUsage(token.text));
    }
    const target = this.unitArgument("verify");
    this.noMore();
    return { kind: "verify", unit: target };
  }

  /** `accept 档案局 site 理由`, `accept 区司法局 domain jtpf.gov.cn 理由`. */
  private parseAccept(unit: string | undefined): Command {
    if (!unit && !this.tokens[1]) return this.fail(ErrorCode.AcceptUsage, msg.acceptUsage);
    const target = unit ?? this.unitArgument("accept");
    const taskToken = this.tokens[1];
    if (!taskToken) return this.fail(ErrorCode.AcceptUsage, msg.acceptUsage);
    const task = taskOf(taskToken.text);
    if (!task) return this.unknown(1, ErrorCode.UnknownTask, (s) => msg.unknownTask(taskToken.text, s), TASK_WORDS);
    if (task !== "site" && task !== "unbind" && task !== "domain") return this.fail(ErrorCode.NotVerifiedTask, msg.notVerifiedTask(taskToken.text));
    let i = 2;
    let domain: string | undefined;
    if (task === "domain" && this.tokens[i] && looksLikeDomain(this.tokens[i]!.text)) domain = cleanDomain(this.tokens[i++]!.text);
    const reason = noteText(this.restFrom(i));
    if (!reason) return this.fail(ErrorCode.AcceptUsage, msg.acceptUsage);
    return { kind: "accept", unit: target, task, ...(domain && { domain }), reason };
  }

  private parseSet(unit: string | undefined): Command {
    const fieldToken = this.tokens[1];
    if (!fieldToken) return this.fail(ErrorCode.SetUsage, msg.setUsage);
    const field = setFieldOf(fieldToken.text);
    if (!field) {
      return this.unknown(1, ErrorCode.SetUsage, (s) => `${msg.unknownWord(fieldToken.text, s)}\n${msg.setUsage}`, Object.values(SET_FIELDS).flat());
    }
    const value = this.restFrom(2);
    if (!value) return this.fail(ErrorCode.SetMissingValue, msg.setMissingValue(field));
    return { kind: "set", ...(unit && { unit }), field, value };
  }
}

const isQuestion = (text: string) => /怎么|如何|什么|吗|呢|[?？]/.test(text) && text.length > 1;

/** What a sentence most likely reports: a task named in it, done unless it says otherwise. */
function guessReport(sentence: string): string | undefined {
  const text = keywordOf(sentence);
  // NOTE: a question (「备案怎么注销？」) is not a report; the reply's own hint serves it better.
  if (text.length > 40 || /^[\x00-\x7f]*$/.test(text) || isQuestion(sentence)) return undefined;
  const named = (Object.entries(TASK_ALIASES) as [TaskKey, readonly string[]][])
    .flatMap(([task, words]) => words.filter((w) => [...w].length >= 2 && !/^[\x00-\x7f]*$/.test(w) && text.includes(w)).map((w) => ({ task, w })))
    .sort((a, b) => b.w.length - a.w.length)[0];
  if (!named) return undefined;
  const state = (Object.entries(STATE_ALIASES) as [ItemState, readonly string[]][]).find(([, words]) =>
    words.some((w) => [...w].length >= 2 && text.includes(w)),
  )?.[0];
  if (state === "blocked" || state === "na") return undefined;
  const saysDone = state === "done" || /[了已]|关闭|关停|上线|注销|解绑/.test(text.replace(named.w, ""));
  return state && state !== "done" ? `${state} ${named.task}` : saysDone ? `done ${named.task}` : undefined;
}

export function parseCommand(text: string, directory: UnitDirectory): Command {
  return new Parser(text, directory, false).parse();
}
