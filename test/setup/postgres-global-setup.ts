// Names this run's PostgreSQL databases, and drops them when the run ends: the migrated template
// (made by the first test file that needs it) and any test database a crashed worker left behind.
// Databases of runs more than a day old are dropped too. Nothing happens without TEST_DATABASE_URL.
import type { TestProject } from "vitest/node";
import { dropRunDatabases, dropStaleRunDatabases, newRunId } from "../helpers/postgres-database.ts";
import { environmentVariable } from "../../src/config/environment.ts";

export default async function setup(project: TestProject) {
  const runId = newRunId();
  project.provide("postgresRunId", runId);
  const serverUrl = environmentVariable("TEST_DATABASE_URL");
  if (!serverUrl) return;
  // NOTE: an unreachable server is reported by the tests that need it, not here for the whole run.
  await dropStaleRunDatabases(serverUrl).catch(() => undefined);
  return () => dropRunDatabases(serverUrl, runId).catch((error: Error) => console.warn(`could not drop this run's PostgreSQL databases: ${error.message}`));
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresRunId: string;
  }
}
