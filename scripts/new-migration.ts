// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change to prisma/schema.prisma
// since the last commit (`prisma migrate dev` needs a shadow database, which this setup lacks).
// Usage: npm run migration:new -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:new -- <name>   (e.g. add_unit_remark)");
  process.exit(2);
}
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  process.execPath,
  [
    "node_modules/prisma/build/index.js",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
)
  // NOTE: the CLI prints its config notice on stdout; it is not SQL.
  .replace(/Loaded Prisma config from \S+?\.ts\.?/g, "")
  .trim()
  .concat("\n");
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.error("prisma/schema.prisma has no change since HEAD: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql — review it, then commit it with the schema.`);
