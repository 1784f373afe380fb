// Generates the Prisma client of each kind of database (npm's postinstall runs this):
// src/generated/prisma for SQLite, src/generated/prisma-postgresql for PostgreSQL.
import { pathToFileURL } from "node:url";
import { DATABASE_KINDS } from "../src/store/database-kind.ts";
import { PLACEHOLDER_URLS, runPrisma } from "./prisma-cli.ts";

export async function generateClients(): Promise<void> {
  for (const kind of DATABASE_KINDS) await runPrisma(["generate"], PLACEHOLDER_URLS[kind]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await generateClients();
  console.log("generated the Prisma clients: src/generated/prisma (SQLite), src/generated/prisma-postgresql (PostgreSQL)");
}
