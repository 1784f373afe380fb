// How a test starts one of the project's files as its own process: node on this run's compiled
// copy (test/setup/compiled-setup.ts), as `npm start` runs dist/. The file is named as in the
// project ("scripts/remind.ts", "src/main.ts", "test/helpers/hold-store-lock.ts").
import path from "node:path";
import { inject } from "vitest";
import { projectRoot } from "../../src/lib/project-root.ts";

/** Node's arguments that run `file` with `args`. */
export function nodeArgs(file: string, ...args: string[]): string[] {
  return [compiledFile(file), ...args];
}

/** Where `file`'s JavaScript is in this run's compiled copy. */
export function compiledFile(file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(projectRoot(), file) : file;
  if (!relative.endsWith(".ts") || relative.startsWith("..")) throw new Error(`not a TypeScript file of the project: ${file}`);
  return path.join(inject("compiledRoot"), relative.slice(0, -".ts".length) + ".js");
}
