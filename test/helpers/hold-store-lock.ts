// Stands in for a long CLI import in another process: one write transaction through the store's
// own code, held open, then committed. Prints "locked" once it holds the write lock. Held for
// `hold` milliseconds, or, with "stdin", until a line arrives on its standard input.
import { createInterface } from "node:readline";
import { applyUnitFact } from "../../src/store/change-repository.ts";
import { openStore } from "../../src/store/open-store.ts";
import { inTransaction } from "../../src/store/transaction.ts";

export const IMPORTED_ICP = "苏ICP备99999999号";

function released(hold: string): Promise<unknown> {
  if (hold !== "stdin") return new Promise((resolve) => setTimeout(resolve, Number(hold)));
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => lines.once("line", resolve)).finally(() => lines.close());
}

const [databaseUrl, hold] = process.argv.slice(2);
if (databaseUrl && hold) {
  const store = await openStore(databaseUrl, { migrate: false });
  await inTransaction(store.db, async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    await applyUnitFact(tx, unit.id, { field: "icpNumber", value: IMPORTED_ICP }, { actor: "cli:import", source: "cli", now: new Date() });
    process.stdout.write("locked\n");
    await released(hold);
  });
  process.stdout.write("committed\n");
  await store.close();
}
