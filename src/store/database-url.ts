import fs from "node:fs";
import path from "node:path";
import { setupTexts } from "../messages/setup-messages.ts";
import { redactDatabaseUrl } from "./database-kind.ts";

/** How long a statement waits for another process's write lock on the SQLite file before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface SqliteLocation {
  /** Absolute path of the SQLite file. */
  filePath: string;
  /** "file:/abs/path.db", the form Prisma's CLI and adapter both read the same way. */
  url: string;
}

/** Resolves a `file:` URL against `cwd`. */
export function resolveSqliteUrl(databaseUrl: string, cwd = process.cwd()): SqliteLocation {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(setupTexts.databaseNotSupported(redactDatabaseUrl(databaseUrl)));
  }
  const raw = databaseUrl.slice("file:".length).replace(/\?.*$/, "");
  const filePath = path.resolve(cwd, raw);
  return { filePath, url: `file:${filePath}` };
}

export function ensureFolder(location: SqliteLocation): void {
  fs.mkdirSync(path.dirname(location.filePath), { recursive: true });
}
