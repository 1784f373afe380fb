// The architecture holds: the dependency rules of .dependency-cruiser.cjs (no cycles, layers in
// one direction, Slack and Prisma each in its own folder, src/ free of the tools), the environment
// read only in src/config/, and the wall clock read only where the program is put together.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

function sourceFiles(folder: string): string[] {
  if (fs.statSync(folder).isFile()) return [folder];
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(folder, f))
    .filter((f) => !f.startsWith(path.join("src", "generated")));
}

/** Lines that match `pattern`, as "file:line: text", outside the files `allowed` accepts. */
function linesMatching(folders: string[], pattern: RegExp, allowed: (file: string) => boolean): string[] {
  return folders.flatMap(sourceFiles).flatMap((file) =>
    allowed(file)
      ? []
      : fs
          .readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe("the architecture", () => {
  it("keeps every dependency rule of .dependency-cruiser.cjs", async () => {
    const cli = path.join("node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
    const result = await run(process.execPath, [cli, "src", "tools", "scripts", "bench", "test", "--output-type", "err-long"]).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );
    // NOTE: the tool's own words on failure: each rule broken, with its comment and the path.
    expect(`${result.stdout}${result.stderr}`).toContain("no dependency violations found");
  });

  it("reads the environment only in src/config/", () => {
    const inConfig = (file: string) => file.startsWith(path.join("src", "config") + path.sep);
    const rootFiles = fs.readdirSync(".").filter((f) => f.endsWith(".ts"));
    expect(linesMatching(["src", "tools", "scripts", "bench", "test", ...rootFiles], /process\.env\b/, inConfig)).toEqual([]);
  });

  it("reads the wall clock only in the composition roots: everything else is given `now` or a clock", () => {
    const roots = new Set(["src/main.ts", "src/app/start-bot.ts", "src/cli/run-cli.ts"].map(path.normalize));
    expect(linesMatching(["src"], /new Date\(\)|Date\.now\(\)/, (file) => roots.has(file))).toEqual([]);
  });
});
