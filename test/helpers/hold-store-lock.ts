// Stands in for a long CLI import in another process: one write transaction through the store's
// own code, held open for a while, then committed. Prints "locked" once it holds the write lock.
import { applyUnitFact } from "../../src/store/change-repository.ts";
import { openStore } from "../../src/store/open-store.ts";
import { inTransaction } from "../../src/store/transaction.ts";

export const IMPORTED_ICP = "苏ICP备99999999号";

const [databaseUrl, holdMs] = process.argv.slice(2);
if (databaseUrl && holdMs) {
  const store = await openStore(databaseUrl, { migrate: false });
  await inTransaction(store.db, async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { key: "jtda" } });
    await applyUnitFact(tx, unit.id, { field: "icpNumber", value: IMPORTED_ICP }, { actor: "cli:import", source: "cli", now: new Date() });
    process.stdout.write("locked\n");
    await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  });
  process.stdout.write("committed\n");
  await store.close();
}
