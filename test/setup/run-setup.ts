// The run's setup: the compiled copy, the base SQLite files and the PostgreSQL names are made at
// the same time (each waits on something else: tsc, the store's files, the server), not one after
// the other as vitest runs the files of globalSetup. Teardowns run in the reverse order.
import type { TestProject } from "vitest/node";
import compiledSetup from "./compiled-setup.ts";
import storeSetup from "./global-setup.ts";
import postgresSetup from "./postgres-global-setup.ts";

export default async function setup(project: TestProject) {
  const settled = await Promise.allSettled([compiledSetup(project), storeSetup(project), postgresSetup(project)]);
  const teardowns = settled.flatMap((s) => (s.status === "fulfilled" && s.value ? [s.value as () => unknown] : []));
  const teardown = async () => {
    for (const t of teardowns.reverse()) await t();
  };
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  return teardown;
}
