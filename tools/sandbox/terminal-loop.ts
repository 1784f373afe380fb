// Reads lines from a person at a terminal, or from a script on stdin, and runs them one by one.
// A script's transcript echoes each command before its output, and its exit code says whether
// every line could be run.
import readline from "node:readline";
import { sandboxMessages as sm } from "./sandbox-messages.ts";
import type { SandboxSession } from "./sandbox-session.ts";
import { parseTerminalLine } from "./terminal-commands.ts";

export interface TerminalIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person typing (prompt, no echo) rather than a script. */
  interactive: boolean;
}

/**
 * Prints whole blocks of lines. While a person is idle at the prompt, something the bot sends
 * (a reminder arriving) clears the prompt line, prints, and puts the prompt back.
 */
export class TerminalPrinter {
  private rl: readline.Interface | undefined;
  private idle = false;

  constructor(private readonly io: TerminalIo) {}

  attach(rl: readline.Interface): void {
    this.rl = rl;
  }

  setIdle(idle: boolean): void {
    this.idle = idle;
  }

  print = (lines: string[]): void => {
    const redraw = this.io.interactive && this.idle && this.rl !== undefined;
    if (redraw) this.io.output.write("\r\x1b[K");
    this.io.output.write(`${lines.join("\n")}\n`);
    if (redraw) this.rl!.prompt(true);
  };
}

/** Runs until :quit or the end of input; returns the exit code. */
export async function runTerminal(session: SandboxSession, io: TerminalIo, printer: TerminalPrinter): Promise<number> {
  const rl = readline.createInterface({
    input: io.input,
    ...(io.interactive && { output: io.output }),
    terminal: io.interactive,
    crlfDelay: Infinity,
  });
  printer.attach(rl);
  let closed = false;
  rl.on("close", () => (closed = true));
  rl.on("SIGINT", () => rl.close());
  const failed: number[] = [];
  let lineNo = 0;
  const prompt = () => {
    if (!io.interactive) return;
    rl.setPrompt(sm.prompt(session.who));
    printer.setIdle(true);
    rl.prompt();
  };

  prompt();
  for await (const line of rl) {
    lineNo++;
    printer.setIdle(false);
    const command = parseTerminalLine(line);
    if (!io.interactive && command.kind !== "nothing") printer.print([sm.echo(session.who, line.trim())]);
    let outcome;
    try {
      outcome = await session.execute(command);
    } catch (error) {
      printer.print([`✗ ${(error as Error).message}`]);
      outcome = "failed" as const;
    }
    if (outcome === "quit") break;
    if (outcome === "failed") {
      failed.push(lineNo);
      if (!io.interactive) printer.print([sm.lineFailed(lineNo)]);
    }
    prompt();
  }
  printer.setIdle(false);
  if (!closed) rl.close();
  await session.settle();
  if (io.interactive) {
    printer.print([sm.bye]);
    return 0;
  }
  if (failed.length > 0) {
    printer.print([sm.scriptSummary(failed)]);
    return 1;
  }
  return 0;
}
