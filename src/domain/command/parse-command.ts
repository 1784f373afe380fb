// The /shutdown grammar: text → Command. Pure; knows units only through the directory.
import { parseShanghaiDateTime } from "../calendar.ts";
import { DomainError } from "../errors.ts";
import type { DomainMethod } from "../tasks.ts";
import { TASKS_NEVER_NA } from "../tasks.ts";
import { msg, USAGE_LINE } from "../../messages/command-messages.ts";
import { closestMatch } from "./closest-match.ts";
import type { Command } from "./command.ts";
import { keywordOf, normalizeCommandText } from "./normalize-text.ts";
import type { UnitDirectory } from "./unit-directory.ts";
import {
  ADD_WORDS,
  ALL_KEYWORDS,
  CANCELLED_WORDS,
  commandOf,
  DNS_WORDS,
  PREVIEW_WORDS,
  REMOVE_WORDS,
  SET_FIELDS,
  setFieldOf,
  stateOf,
  TASK_ALIASES,
  taskOf,
} from "./vocabulary.ts";

const fail = (code: string, message: string): never => {
  throw new DomainError(code, message, USAGE_LINE);
};

/** Slack sends mentions as <@U123|name>; people also paste <@U123> or a bare U123. */
export function parseUserId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const token = raw.normalize("NFKC");
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token) ?? /^@?([UW][A-Z0-9]{2,})$/.exec(token);
  return m?.[1];
}

function splitTokens(text: string): string[] {
  // NOTE: a mention's name may hold spaces; they become no-break spaces so it stays one token.
  const folded = normalizeCommandText(text).replace(/<@([UW][A-Z0-9]+)\|([^>]*)>/g, (_m, id: string, name: string) => `<@${id}|${name.replace(/ /g, "\u00a0")}>`);
  return folded === "" ? [] : folded.split(" ");
}

/** A note as the person wrote it: a mention Slack made of "@王芳" reads "@王芳" again. */
function noteText(tokens: readonly string[]): string | undefined {
  const text = tokens.join(" ").replace(/<@[UW][A-Z0-9]+\|([^>]+)>/g, (_m, name: string) => `@${name.replace(/\u00a0/g, " ")}`);
  return text.trim() || undefined;
}

const bareDomain = (t: string) => keywordOf(t).replace(/^https?:\/\//, "").replace(/\/$/, "");
const looksLikeDomain = (t: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(bareDomain(t));

export function parseCommand(text: string, directory: UnitDirectory): Command {
  const tokens = splitTokens(text);
  if (tokens.length === 0) return { kind: "help" };

  let unit: string | undefined;
  const first = tokens[0]!;
  if (!commandOf(first) && !stateOf(first)) {
    const found = directory.find(keywordOf(first));
    if (!found) {
      const suggestion = directory.suggest(keywordOf(first)) ?? closestMatch(keywordOf(first), ALL_KEYWORDS);
      fail("unknown_word", msg.unknownWord(first, suggestion));
    }
    unit = found!.key;
    tokens.shift();
    if (tokens.length === 0) return { kind: "status", unit };
  }

  const word = tokens.shift()!;
  const state = stateOf(word);
  if (state) return parseReport(state, tokens, unit);

  const command = commandOf(word);
  const rest = tokens;
  const noMore = () => {
    if (rest.length > 0) fail("extra_words", msg.tooManyWords(rest.join(" ")));
  };
  const unitArgument = (name: string): string => {
    const token = rest.shift();
    if (!token) return fail("missing_unit", msg.missingUnitArg(name));
    const found = directory.find(keywordOf(token));
    if (!found) fail("unknown_unit", msg.unknownUnit(token, directory.suggest(keywordOf(token))));
    return found!.key;
  };
  switch (command) {
    case "help":
      return { kind: "help" };
    case "status":
      noMore();
      return { kind: "status", unit };
    case "overview":
      noMore();
      return { kind: "overview" };
    case "deadlines":
      noMore();
      return { kind: "deadlines" };
    case "export":
      noMore();
      return { kind: "export" };
    case "digest": {
      const preview = rest[0] !== undefined && PREVIEW_WORDS.includes(keywordOf(rest[0]));
      if (preview) rest.shift();
      noMore();
      return { kind: "digest", preview };
    }
    case "form":
      noMore();
      return { kind: "form", unit };
    case "join": {
      const target = unit ?? unitArgument("join");
      noMore();
      return { kind: "join", unit: target };
    }
    case "unit": {
      const target = unit ?? unitArgument("unit");
      noMore();
      return { kind: "unit", unit: target };
    }
    case "assign":
    case "unassign": {
      const target = unit ?? unitArgument(command);
      const userToken = rest.shift();
      if (!userToken) return fail("missing_user", msg.missingUser(`${command} ${directory.units.find((u) => u.key === target)?.name ?? target}`));
      const userId = parseUserId(userToken);
      if (!userId) fail("bad_user", msg.badUser(userToken));
      noMore();
      return { kind: command, unit: target, userId: userId! };
    }
    case "coordinator": {
      const action = rest[0] === undefined ? undefined : keywordOf(rest.shift()!);
      const kind = action && ADD_WORDS.includes(action) ? "add" : action && REMOVE_WORDS.includes(action) ? "remove" : undefined;
      if (!kind) return fail("coordinator_usage", msg.coordinatorUsage);
      const userToken = rest.shift();
      if (!userToken) return fail("missing_user", msg.missingUser(`coordinator ${kind}`));
      const userId = parseUserId(userToken);
      if (!userId) fail("bad_user", msg.badUser(userToken));
      noMore();
      return { kind: "coordinator", action: kind, userId: userId! };
    }
    case "deadline": {
      const key = rest[0] === undefined ? undefined : keywordOf(rest.shift()!);
      if (!key || rest.length === 0) return fail("deadline_usage", msg.deadlineUsage);
      const when = rest.join(" ");
      const at = parseShanghaiDateTime(when.normalize("NFKC"));
      if (!at) fail("bad_datetime", msg.badDateTime(when));
      return { kind: "deadline", key, at: at! };
    }
    case "set":
      return parseSet(rest, unit);
    default: {
      const suggestion = directory.suggest(keywordOf(word)) ?? closestMatch(keywordOf(word), ALL_KEYWORDS);
      return fail("unknown_word", msg.unknownWord(word, suggestion));
    }
  }
}

function parseReport(state: NonNullable<ReturnType<typeof stateOf>>, tokens: string[], unit: string | undefined): Command {
  const taskWord = tokens.shift();
  if (!taskWord) return fail("missing_task", msg.missingTask(state));
  const task = taskOf(taskWord);
  if (!task) {
    const suggestion = closestMatch(keywordOf(taskWord), Object.values(TASK_ALIASES).flat());
    return fail("unknown_task", msg.unknownTask(taskWord, suggestion));
  }
  let domain: string | undefined;
  let method: DomainMethod | undefined;
  if (task === "domain") {
    if (tokens[0] && looksLikeDomain(tokens[0])) domain = bareDomain(tokens.shift()!);
    const m = tokens[0] && keywordOf(tokens[0]);
    if (m && DNS_WORDS.includes(m)) method = "dns_removed";
    else if (m && CANCELLED_WORDS.includes(m)) method = "cancelled";
    if (method) tokens.shift();
  }
  const note = noteText(tokens);
  if ((state === "blocked" || state === "na") && !note) fail("reason_required", msg.reasonRequired(state));
  if (state === "na" && TASKS_NEVER_NA.includes(task)) fail("na_forbidden", msg.naForbidden(task));
  return { kind: "report", unit, state, task, domain, method, note };
}

function parseSet(tokens: string[], unit: string | undefined): Command {
  const fieldWord = tokens.shift();
  if (!fieldWord) return fail("set_usage", msg.setUsage);
  const field = setFieldOf(fieldWord);
  if (!field) {
    const suggestion = closestMatch(keywordOf(fieldWord), Object.values(SET_FIELDS).flat());
    return fail("set_usage", `${msg.unknownWord(fieldWord, suggestion)}\n${msg.setUsage}`);
  }
  const value = tokens.join(" ").trim();
  if (!value) return fail("set_missing_value", msg.setMissingValue(field));
  return { kind: "set", unit, field, value };
}

