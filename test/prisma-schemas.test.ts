// One schema for two kinds of database: prisma/schema.prisma (SQLite) is edited, the PostgreSQL
// schema is derived from it, and each kind's committed migrations build its schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseKind } from "../src/store/database-kind.ts";
import { diffSql, migrationsOf, sqliteMigratedDatamodel } from "../scripts/migration-diff.ts";
import { HEADER, derivePostgresqlSchema, projectSchemaSyncProblem, schemaSyncProblem, sqliteSchemaPath } from "../scripts/postgresql-schema.ts";

const source = fs.readFileSync(sqliteSchemaPath(), "utf8");
const derived = derivePostgresqlSchema(source);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "schemas-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const field = "  remark    String?\n";
const addField = (schema: string) => schema.replace(/(model HealthProbe \{\n)/, `$1${field}`);

describe("the PostgreSQL schema", () => {
  it("is the one prisma/schema.prisma derives, as committed", () => {
    expect(projectSchemaSyncProblem()).toBeNull();
  });

  it("differs from the SQLite schema only in its provider, its client's folder and its header", () => {
    const sourceLines = source.split("\n");
    const derivedLines = derived.slice(HEADER.length).split("\n");
    expect(derivedLines).toHaveLength(sourceLines.length);
    const changed = sourceLines.flatMap((line, i) => (line === derivedLines[i] ? [] : [[line.trim(), derivedLines[i]!.trim()]]));
    expect(changed).toEqual([
      ['output       = "../src/generated/prisma"', 'output       = "../../src/generated/prisma-postgresql"'],
      ['provider = "sqlite"', 'provider = "postgresql"'],
    ]);
  });

  it.each([
    { change: "a field added to prisma/schema.prisma alone", sqlite: addField(source), postgresql: derived, inSync: false },
    { change: "a field added to the PostgreSQL schema alone", sqlite: source, postgresql: addField(derived), inSync: false },
    { change: "the PostgreSQL schema missing", sqlite: source, postgresql: null, inSync: false },
    { change: "the same field added to both, through the derivation", sqlite: addField(source), postgresql: derivePostgresqlSchema(addField(source)), inSync: true },
    { change: "nothing", sqlite: source, postgresql: derived, inSync: true },
  ])("is out of sync after $change: $inSync", ({ sqlite, postgresql, inSync }) => {
    expect(addField(source)).toContain(field);
    const problem = schemaSyncProblem(sqlite, postgresql);
    if (inSync) expect(problem).toBeNull();
    else expect(problem).toMatch(/npm run migration:new -- <name>/);
  });

  it("cannot be derived from a schema with native types, which differ between the two", () => {
    expect(() => derivePostgresqlSchema(source.replace("name           String   @unique", "name String @unique @db.VarChar(50)"))).toThrow(
      /native type @db\.VarChar/,
    );
  });
});

describe("the committed migrations", () => {
  let migratedOnce: Promise<string | null> | undefined;
  const sqliteMigrated = () => (migratedOnce ??= sqliteMigratedDatamodel(scratch));

  it("of SQLite build prisma/schema.prisma exactly (nothing left for a new migration)", async () => {
    const migrated = await sqliteMigrated();
    expect(migrated).not.toBeNull();
    expect(await diffSql(migrated, sqliteSchemaPath(), scratch)).toBe("");
  });

  it("of SQLite miss a field the schema gained without a migration", async () => {
    const migrated = await sqliteMigrated();
    const changed = path.join(scratch, "changed.prisma");
    fs.writeFileSync(changed, addField(source));
    expect(await diffSql(migrated, changed, scratch)).toMatch(/ALTER TABLE "HealthProbe" ADD COLUMN "remark" TEXT/);
  });

  it("exist for both kinds, with a lock file naming each kind's provider", () => {
    for (const [kind, lock] of [
      ["sqlite", "prisma/migrations/migration_lock.toml"],
      ["postgresql", "prisma/postgresql/migrations/migration_lock.toml"],
    ] as const) {
      expect(migrationsOf(kind).length).toBeGreaterThan(0);
      expect(fs.readFileSync(lock, "utf8")).toContain(`provider = "${kind}"`);
    }
  });
});

describe("DATABASE_URL", () => {
  it.each([
    ["file:./data/shutdown.db", "sqlite"],
    ["file:/srv/bot/data/shutdown.db", "sqlite"],
    ["postgresql://bot:secret@db.internal:5432/shutdown", "postgresql"],
    ["postgres://bot@127.0.0.1/shutdown", "postgresql"],
  ])("%s is %s", (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });

  it.each(["mysql://bot:secret@db/shutdown", "./data/shutdown.db", "sqlite:shutdown.db", ""])("%j is refused, naming the two kinds", (url) => {
    expect(() => databaseKind(url)).toThrow(/neither SQLite \(file:.*\) nor PostgreSQL \(postgresql:\/\/.*\)/);
  });

  it("is refused without its password", () => {
    expect(() => databaseKind("mysql://bot:s3cret@db/shutdown")).toThrow(/mysql:\/\/bot:\*\*\*@db\/shutdown/);
  });
});
