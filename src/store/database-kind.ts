// Which database a DATABASE_URL names, and where Prisma keeps that kind's schema and migrations.
// NOTE: prisma/schema.prisma (SQLite) is the one schema people edit; the PostgreSQL schema is
// derived from it by `npm run migration:new` (decision 012).

import { setupTexts } from "../messages/setup-messages.ts";

export type DatabaseKind = "sqlite" | "postgresql";

export const DATABASE_KINDS: readonly DatabaseKind[] = ["sqlite", "postgresql"];

/** Paths relative to the project's root. */
export const PRISMA_FILES: Record<DatabaseKind, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
};

/** The URL with its password replaced, fit for a log or an error message. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/** `file:…` is SQLite, `postgresql://…` (or `postgres://…`) PostgreSQL; anything else is refused. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(setupTexts.databaseNotSupported(redactDatabaseUrl(url)));
}
