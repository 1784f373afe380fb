// Fails the test during which something went wrong that nobody expected: an unhandled promise
// rejection, or a console.error (Bolt's and the stand-in's loggers write errors there). A test
// that expects an error logged says so with expectConsoleError() (test/helpers/expected-errors.ts).
import { format } from "node:util";
import { afterAll, afterEach } from "vitest";
import { takeExpectations } from "../helpers/expected-errors.ts";

interface Watch {
  unexpected: string[];
  logged: string[];
}

// NOTE: a worker runs several test files (isolate: false, decision 022) and this file runs before
// each: console.error is wrapped and the listener added once per worker, the hooks once per file.
const WATCH = Symbol.for("shutdown-bot.fail-on-unexpected");
const holder = globalThis as { [WATCH]?: Watch };
const { unexpected, logged } = (holder[WATCH] ??= watch());

function watch(): Watch {
  const w: Watch = { unexpected: [], logged: [] };
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    w.logged.push(format(...args));
    consoleError(...args);
  };
  process.on("unhandledRejection", (reason) => {
    w.unexpected.push(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : format(reason)}`);
  });
  return w;
}

/** What went wrong since the last check that no declared expectation accounts for. */
function check(): string[] {
  const expected = takeExpectations();
  const problems = unexpected.splice(0);
  for (const line of logged.splice(0)) {
    const match = expected.find((e) => e.matches(line));
    if (match) match.seen = true;
    else problems.push(`unexpected console.error: ${line}`);
  }
  for (const e of expected) if (!e.seen) problems.push(`expected a console.error matching ${e.description}, none came`);
  return problems;
}

function fail(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join("\n\n"));
}

afterEach(() => fail(check()));
// Teardown (a fixture closing, a bot stopping) gets the same treatment.
afterAll(() => fail(check()));
