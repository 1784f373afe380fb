// A test that expects an error to be logged declares it, so test/setup/fail-on-unexpected.ts
// does not fail it; an expected error that never comes fails the test too.

export interface Expectation {
  description: string;
  matches(line: string): boolean;
  seen: boolean;
}

let expectations: Expectation[] = [];

/** This test will log, on console.error, a line containing `pattern` (or matching it). */
export function expectConsoleError(pattern: string | RegExp): void {
  const matches = typeof pattern === "string" ? (line: string) => line.includes(pattern) : (line: string) => pattern.test(line);
  expectations.push({ description: String(pattern), matches, seen: false });
}

/** The declarations since the last call, cleared. */
export function takeExpectations(): Expectation[] {
  const taken = expectations;
  expectations = [];
  return taken;
}
