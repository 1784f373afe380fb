// Runs the project's Prisma CLI for one kind of database. The URL picks the schema in
// prisma.config.ts; commands that never connect (generate, migrate diff between schema files)
// still need a URL of the right kind, so they get a placeholder.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { DatabaseKind } from "../src/store/database-kind.ts";
import { prismaCliRun } from "../src/store/migrations.ts";
import { projectRoot } from "../src/lib/project-root.ts";

const run = promisify(execFile);

export const PROJECT_ROOT = projectRoot();

/** A URL of each kind for commands that do not connect. */
export const PLACEHOLDER_URLS: Record<DatabaseKind, string> = {
  sqlite: "file:./data/shutdown.db",
  postgresql: "postgresql://prisma-cli@127.0.0.1:5432/unused",
};

/** Runs `prisma <args>` in the project's root; resolves to its stdout, rejects with its output. */
export async function runPrisma(args: string[], databaseUrl: string): Promise<string> {
  const cli = prismaCliRun(args, databaseUrl);
  try {
    const { stdout } = await run(cli.file, cli.args, { ...cli.options, maxBuffer: 64 * 1024 * 1024 });
    // NOTE: the CLI prints its config notice on stdout; it is not part of the answer.
    return stdout.replace(/Loaded Prisma config from \S+?\.ts\.?/g, "");
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
  }
}
