// The PostgreSQL schema is prisma/schema.prisma with the provider swapped and a client of its
// own: derived, never edited (decision 012). `npm run migration:new` writes it together with the
// PostgreSQL migration that brings a database to it, so the committed file is always the state
// the committed PostgreSQL migrations produce.
import fs from "node:fs";
import path from "node:path";
import { PRISMA_FILES } from "../src/store/database-kind.ts";
import { PROJECT_ROOT } from "./prisma-cli.ts";

export const HEADER = [
  "// DERIVED FROM prisma/schema.prisma BY `npm run migration:new`: DO NOT EDIT.",
  "// Edit prisma/schema.prisma, then run `npm run migration:new -- <name>` (decision 012).",
  "",
].join("\n");

const SQLITE_CLIENT = '"../src/generated/prisma"';
const POSTGRESQL_CLIENT = '"../../src/generated/prisma-postgresql"';

/** The PostgreSQL schema for the SQLite schema's text; throws on what does not carry over. */
export function derivePostgresqlSchema(source: string): string {
  const nativeType = /@db\.\w+/.exec(source);
  if (nativeType) {
    throw new Error(`prisma/schema.prisma uses the native type ${nativeType[0]}: keep to plain scalar types, they mean the same on SQLite and PostgreSQL`);
  }
  const datasource = /datasource\s+db\s*\{[^}]*\}/.exec(source);
  if (!datasource || !/provider\s*=\s*"sqlite"/.test(datasource[0])) {
    throw new Error('prisma/schema.prisma: expected `datasource db { provider = "sqlite" … }`');
  }
  const generator = /generator\s+client\s*\{[^}]*\}/.exec(source);
  if (!generator || !generator[0].includes(`output       = ${SQLITE_CLIENT}`)) {
    throw new Error(`prisma/schema.prisma: expected the client generator's output to be ${SQLITE_CLIENT}`);
  }
  return (
    HEADER +
    source
      .replace(datasource[0], datasource[0].replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'))
      .replace(generator[0], generator[0].replace(SQLITE_CLIENT, POSTGRESQL_CLIENT))
  );
}

export const sqliteSchemaPath = () => path.join(PROJECT_ROOT, PRISMA_FILES.sqlite.schema);
export const postgresqlSchemaPath = () => path.join(PROJECT_ROOT, PRISMA_FILES.postgresql.schema);

/**
 * Why `derived` (the committed PostgreSQL schema; null when missing) is not the one `source`
 * (prisma/schema.prisma) derives, or null when it is.
 */
export function schemaSyncProblem(source: string, derived: string | null): string | null {
  if (derived === derivePostgresqlSchema(source)) return null;
  return derived === null
    ? `${PRISMA_FILES.postgresql.schema} is missing: run \`npm run migration:new -- <name>\``
    : `${PRISMA_FILES.postgresql.schema} is not what ${PRISMA_FILES.sqlite.schema} derives: one schema was changed ` +
        "without the other. Edit only prisma/schema.prisma, then run `npm run migration:new -- <name>`: it writes " +
        "the PostgreSQL migration (and the SQLite one, when that is missing too) and the derived schema.";
}

/** schemaSyncProblem() of the project's two schema files. */
export function projectSchemaSyncProblem(): string | null {
  const derived = fs.existsSync(postgresqlSchemaPath()) ? fs.readFileSync(postgresqlSchemaPath(), "utf8") : null;
  return schemaSyncProblem(fs.readFileSync(sqliteSchemaPath(), "utf8"), derived);
}
