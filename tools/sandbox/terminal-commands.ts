// What a line typed in the sandbox terminal asks for. Pure: no store, no Slack, no clock.
import { parseShanghaiDateTime } from "../../src/domain/model/calendar.ts";
import { closestMatch } from "../../src/domain/command/closest-match.ts";
import type { ExportFormat } from "../../src/export/status-export.ts";
import { sandboxMessages as sm } from "./sandbox-messages.ts";

export type TerminalCommand =
  | { kind: "nothing" }
  | { kind: "slash"; text: string }
  | { kind: "as"; who: string }
  | { kind: "users" }
  | { kind: "dm"; who?: string }
  | { kind: "channel"; which?: string }
  | { kind: "click"; n: number }
  | { kind: "now"; at: Date }
  | { kind: "remind" }
  | { kind: "digest" }
  | { kind: "export"; format: ExportFormat }
  | { kind: "batch"; args: string[] }
  | { kind: "verify" }
  /** A change to the simulated internet: "site jtda.gov.cn down", "dns jtda.gov.cn gone", "whois jtda.gov.cn gone". */
  | { kind: "world"; line: string }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "invalid"; message: string };

const ALIASES: Record<string, string> = {
  as: "as",
  users: "users",
  dm: "dm",
  channel: "channel",
  click: "click",
  now: "now",
  remind: "remind",
  digest: "digest",
  export: "export",
  batch: "batch",
  批次: "batch",
  verify: "verify",
  核查: "verify",
  site: "site",
  dns: "dns",
  whois: "whois",
  help: "help",
  h: "help",
  "?": "help",
  帮助: "help",
  quit: "quit",
  q: "quit",
  exit: "quit",
};

/** The names offered when a `:word` is not known. */
const NAMES = ["as", "users", "dm", "channel", "click", "now", "remind", "digest", "export", "batch", "verify", "site", "dns", "whois", "help", "quit"];

const invalid = (message: string): TerminalCommand => ({ kind: "invalid", message });

export function parseTerminalLine(line: string): TerminalCommand {
  // NOTE: Chinese input methods type full-width ：and ／; accept them as the prefix only, and pass
  // the rest of a slash command to the bot untouched, as Slack does.
  const trimmed = line.trim().replace(/^：/, ":").replace(/^／/, "/");
  if (trimmed === "" || trimmed.startsWith("#")) return { kind: "nothing" };
  if (trimmed.startsWith("/")) return parseSlash(trimmed);
  if (trimmed.startsWith(":")) return parseColon(trimmed.slice(1));
  return invalid(sm.notACommand(trimmed));
}

function splitHead(text: string): [string, string] {
  const m = /^(\S*)\s*([\s\S]*)$/.exec(text)!;
  return [m[1]!, m[2]!.trim()];
}

function parseSlash(text: string): TerminalCommand {
  const [word, rest] = splitHead(text);
  if (word.toLowerCase() !== "/shutdown") return invalid(sm.unknownSlash(word));
  return { kind: "slash", text: rest };
}

function parseColon(text: string): TerminalCommand {
  const [word, args] = splitHead(text);
  const name = ALIASES[word.toLowerCase()];
  if (!name) return invalid(sm.unknownTerminal(word, closestMatch(word, NAMES)));
  const noArgs = (command: TerminalCommand) => (args === "" ? command : invalid(sm.noArguments(name, args)));
  switch (name) {
    case "as":
      return args === "" ? invalid(sm.needsArgument(":as <用户或单位>，例如 :as 王芳 或 :as 档案局")) : { kind: "as", who: args };
    case "dm":
      return args === "" ? { kind: "dm" } : { kind: "dm", who: args };
    case "channel":
      return args === "" ? { kind: "channel" } : { kind: "channel", which: args };
    case "click": {
      if (args === "") return invalid(sm.needsArgument(":click <n>，例如 :click 1"));
      const n = /^\d+$/.test(args) ? Number(args) : NaN;
      return Number.isSafeInteger(n) && n >= 1 ? { kind: "click", n } : invalid(sm.badButtonNumber(args));
    }
    case "now": {
      if (args === "") return invalid(sm.needsArgument(":now <YYYY-MM-DD HH:mm>，例如 :now 2027-06-12 09:00"));
      // NOTE: a bare date would mean 23:59:59 to the deadline parser; a clock needs the time said.
      const at = /\d{1,2}:\d{2}$/.test(args) ? parseShanghaiDateTime(args) : null;
      return at ? { kind: "now", at } : invalid(sm.badClockTime(args));
    }
    case "export": {
      const format = args === "" ? "csv" : args.toLowerCase();
      return format === "csv" || format === "json" ? { kind: "export", format } : invalid(sm.badExportFormat(args));
    }
    case "batch":
      // NOTE: as a shell splits it, so --transition-due "2027-08-20 18:00" stays one argument.
      return { kind: "batch", args: [...args.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!) };
    case "site":
    case "dns":
    case "whois":
      return args === "" ? invalid(sm.needsArgument(`:${name} <域名> …，例如 :site jtda.gov.cn down、:dns jtda.gov.cn gone、:whois jtda.gov.cn gone`)) : { kind: "world", line: `${name} ${args}` };
    case "verify":
      return noArgs({ kind: "verify" });
    case "users":
      return noArgs({ kind: "users" });
    case "remind":
      return noArgs({ kind: "remind" });
    case "digest":
      return noArgs({ kind: "digest" });
    case "help":
      return noArgs({ kind: "help" });
    default:
      return noArgs({ kind: "quit" });
  }
}
