// What a CLI says when node:util parseArgs refuses its command line: Chinese, naming the option.
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { argsProblem } from "../src/cli/args-problem.ts";

const OPTIONS = { now: { type: "string" }, "dry-run": { type: "boolean" } } as const;

function refusal(args: string[]): unknown {
  try {
    parseArgs({ args, options: OPTIONS });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs took ${args.join(" ")}`);
}

describe("a refused command line, in Chinese", () => {
  it.each([
    { args: ["--bogus"], says: "不认识的选项 --bogus。" },
    { args: ["--now"], says: "选项 --now 后面要写一个值。" },
    { args: ["--dry-run=yes"], says: "选项 --dry-run 后面不要写值（写 --dry-run 即可）。" },
    { args: ["明天"], says: "多了一个参数「明天」：这里只接受以 -- 开头的选项。" },
  ])("$args.0", ({ args, says }) => {
    expect(argsProblem(refusal(args))).toBe(says);
  });

  it("leaves any other error alone", () => {
    expect(argsProblem(new Error("Unknown option '--x'"))).toBeNull();
    expect(argsProblem(undefined)).toBeNull();
  });
});
