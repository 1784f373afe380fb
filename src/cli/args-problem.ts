// node:util parseArgs refuses a command line in English (ERR_PARSE_ARGS_*); the person running a
// CLI reads Chinese. One translation for every CLI and the sandbox.
import { cliTexts } from "../messages/cli-messages.ts";

/** The option or argument a parseArgs message names: "Unknown option '--x'" → "--x". */
function quoted(message: string): string {
  const name = /'([^']+)'/.exec(message)?.[1] ?? "";
  // "--now <value>" → "--now"
  return name.split(" ")[0] ?? name;
}

/** The Chinese for a parseArgs refusal, or null when `error` is something else. */
export function argsProblem(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return null;
  const message = (error as Error).message;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return cliTexts.unknownOption(quoted(message));
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return cliTexts.unexpectedArgument(quoted(message));
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(message) ? cliTexts.optionNeedsValue(quoted(message)) : cliTexts.optionTakesNoValue(quoted(message));
    default:
      return cliTexts.badArguments(message);
  }
}
