// What `npm run migration:new` and the schema tests compare: the datamodel the committed SQLite
// migrations build, and the SQL between two datamodels.
import fs from "node:fs";
import path from "node:path";
import { PRISMA_FILES, type DatabaseKind } from "../src/store/database-kind.ts";
import { PROJECT_ROOT, runPrisma } from "./prisma-cli.ts";

export function migrationsOf(kind: DatabaseKind): string[] {
  const dir = path.join(PROJECT_ROOT, PRISMA_FILES[kind].migrations);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort();
}

/**
 * The datamodel the committed SQLite migrations build (applied to a scratch file in `scratch`,
 * read back with `prisma db pull`), written to a file in `scratch`; null when there are none.
 */
export async function sqliteMigratedDatamodel(scratch: string): Promise<string | null> {
  if (migrationsOf("sqlite").length === 0) return null;
  const url = `file:${path.join(scratch, "migrated.db")}`;
  await runPrisma(["migrate", "deploy"], url);
  const printed = await runPrisma(["db", "pull", "--print"], url);
  const pulled = path.join(scratch, "migrated.prisma");
  // NOTE: the CLI's warnings about the datasource URL come first, on stdout too.
  fs.writeFileSync(pulled, printed.slice(printed.search(/^(generator|datasource) /m)));
  return pulled;
}

/** The SQL from one datamodel file (null: an empty database) to another; "" when they agree. */
export async function diffSql(from: string | null, to: string, scratch: string): Promise<string> {
  // NOTE: migrate diff connects through the config's adapter even between two schema files; a
  // scratch SQLite file serves both kinds (the SQL's dialect is the schemas' provider).
  const sql = await runPrisma(
    ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"],
    `file:${path.join(scratch, "diff.db")}`,
  );
  return /\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql) ? `${sql.trim()}\n` : "";
}
