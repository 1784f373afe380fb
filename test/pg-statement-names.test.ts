import { describe, expect, it } from "vitest";
import { StatementNames } from "../src/store/pg-driver.ts";

describe("the names PostgreSQL statements are prepared under", () => {
  it("gives one text one name, other texts other names, and none past the limit, so a connection keeps a bounded number prepared", () => {
    const names = new StatementNames(2);
    const cases: [text: string, expected: string][] = [
      ["SELECT 1", "s1"],
      ["SELECT 2", "s2"],
      ["SELECT 1", "s1"],
      ["SELECT 3", ""],
      ["SELECT 2", "s2"],
      ["SELECT 3", ""],
    ];
    for (const [text, expected] of cases) expect(names.of(text), text).toBe(expected);
  });
});
