import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// NOTE: the CLI must always see a datasource URL, or it tries to download an engine;
// and the SQLite file's folder must exist, or the adapter cannot connect.
process.env.DATABASE_URL ??= "file:./data/shutdown.db";
const url = process.env.DATABASE_URL;
if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
