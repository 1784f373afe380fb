// Section "ack": how long Slack waits for the ack of /shutdown status and /shutdown done …, from
// the bot on each store, next to its floors: a bare Bolt app on the same receiver that only acks
// (the ack floor), and one that first makes the report's durable commit with the driver alone
// (the durable floor, one per store). SQLite and PostgreSQL side by side, in one run.
import { DATABASE_KINDS, type DatabaseKind } from "../src/store/database-kind.ts";
import { SIGNING_SECRET, WORKING_ACK, benchContacts, commandText, serverEnv, startBenchCampaign, type BenchCampaign } from "./bench-campaign.ts";
import { runPrisma } from "../scripts/prisma-cli.ts";
import { POSTGRES_MISSING, createBenchDatabase, type BenchDatabase } from "./bench-postgres.ts";
import { SlashClient, runClosedLoop, type SlashResult } from "./slash-client.ts";
import { startServerProcess, type ServerProcess } from "./server-process.ts";
import { fixed, percentile, type Table } from "./stats.ts";
import { environmentVariable } from "../src/config/environment.ts";

const LEVELS = [
  { concurrency: 1, requests: 400 },
  { concurrency: 20, requests: 1_200 },
  { concurrency: 100, requests: 2_000 },
];
/** Requests of each kind to each server (and through the client) before measuring, so all run optimized code. */
const WARMUP = { status: 3_000, done: 600 };
/** The servers take turns, so drift on a shared machine hits all alike. */
const ROUNDS = 4;
const STORE_NAMES: Record<DatabaseKind, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

type Kind = "status" | "done";

interface Target {
  name: string;
  client: SlashClient;
  kinds: readonly Kind[];
  close(): Promise<void>;
}

interface Store {
  kind: DatabaseKind;
  durableFloor?: Target;
  bot?: Target;
  /** Why a row stays empty. */
  notes: string[];
}

function check(results: SlashResult[], what: string): number {
  const bad = results.find((r) => r.status !== 200);
  if (bad) throw new Error(`${what}: HTTP ${bad.status} ${bad.body.slice(0, 200)}`);
  return results.filter((r) => r.body.includes(WORKING_ACK)).length;
}

function serverTarget(name: string, server: ServerProcess, slack: BenchCampaign["slack"], kinds: readonly Kind[], after?: () => Promise<void>): Target {
  const client = new SlashClient(server.url, SIGNING_SECRET, slack);
  return {
    name,
    client,
    kinds,
    close: async () => {
      client.close();
      await server.stop();
      await after?.();
    },
  };
}

function botTarget(name: string, campaign: BenchCampaign, after?: () => Promise<void>): Target {
  return {
    name,
    client: campaign.client,
    kinds: ["status", "done"],
    close: async () => {
      await campaign.close();
      await after?.();
    },
  };
}

/** The durable floor and the bot on one kind of store; what cannot run is said in `notes`. */
async function startStore(kind: DatabaseKind, slack: BenchCampaign["slack"], sqliteBot: BenchCampaign): Promise<Store> {
  const users = benchContacts().map((c) => c.userId).join(",");
  if (kind === "sqlite") {
    const floorDb = `file:${sqliteBot.dir}/durable-floor.db`;
    await runPrisma(["migrate", "deploy"], floorDb);
    const floor = await startServerProcess("floor-process.ts", { ...serverEnv(slack, "file:unused.db"), FLOOR_DATABASE_URL: floorDb, FLOOR_USERS: users });
    return { kind, durableFloor: serverTarget("SQLite durable floor", floor, slack, ["done"]), bot: botTarget("SQLite bot", sqliteBot), notes: [] };
  }
  const serverUrl = environmentVariable("TEST_DATABASE_URL");
  if (!serverUrl) return { kind, notes: [POSTGRES_MISSING] };
  const floorDb: BenchDatabase = await createBenchDatabase(serverUrl, "floor");
  const floor = await startServerProcess("floor-process.ts", { ...serverEnv(slack, "file:unused.db"), FLOOR_DATABASE_URL: floorDb.url, FLOOR_USERS: users });
  const store: Store = { kind, durableFloor: serverTarget("PostgreSQL durable floor", floor, slack, ["done"], floorDb.drop), notes: [] };
  const botDb = await createBenchDatabase(serverUrl, "bot", { empty: true });
  try {
    store.bot = botTarget("PostgreSQL bot", await startBenchCampaign({ databaseUrl: botDb.url }), botDb.drop);
  } catch (error) {
    await botDb.drop();
    throw error;
  }
  return store;
}

export async function runAckLatency(): Promise<Table> {
  const sqliteBot = await startBenchCampaign();
  const { slack, contacts } = sqliteBot;
  const ackFloor = serverTarget("ack floor", await startServerProcess("floor-process.ts", serverEnv(slack, "file:unused.db")), slack, ["status", "done"]);
  const stores: Store[] = [];
  const rows: string[][] = [];
  try {
    for (const kind of DATABASE_KINDS) stores.push(await startStore(kind, slack, sqliteBot));
    const targets = [ackFloor, ...stores.flatMap((s) => [s.durableFloor, s.bot].filter((t): t is Target => t !== undefined))];
    let n = 0;
    const sender = (target: Target, kind: Kind) => () => target.client.send(contacts[n % contacts.length]!.userId, commandText(kind, n++));
    for (const kind of ["status", "done"] as const) {
      for (const t of targets.filter((t) => t.kinds.includes(kind))) await runClosedLoop(10, WARMUP[kind], sender(t, kind));
    }
    for (const kind of ["status", "done"] as const) {
      const measured = targets.filter((t) => t.kinds.includes(kind));
      for (const { concurrency, requests } of LEVELS) {
        const runs = new Map<Target, SlashResult[]>(measured.map((t) => [t, []]));
        // NOTE: connections are opened before measuring: a burst of new connections to a saturated
        // Node server waits in its accept path, for the floors as much as for the bot.
        for (const t of measured) await runClosedLoop(concurrency, concurrency * 3, sender(t, kind));
        for (let round = 0; round < ROUNDS; round++) {
          for (const t of measured) runs.get(t)!.push(...(await runClosedLoop(concurrency, requests / ROUNDS, sender(t, kind))));
        }
        const p = (t: Target | undefined, q: number) => (t ? percentile(runs.get(t)!.map((r) => r.ms), q) : Number.NaN);
        for (const t of measured) check(runs.get(t)!, t.name);
        for (const store of stores) {
          const floor = kind === "done" ? store.durableFloor : ackFloor;
          const late = store.bot ? String(check(runs.get(store.bot)!, store.bot.name)) : "–";
          rows.push([
            kind === "status" ? "`status`" : "`done …`",
            STORE_NAMES[store.kind],
            String(concurrency),
            String(requests),
            fixed(p(ackFloor, 50), 2),
            kind === "done" ? fixed(p(store.durableFloor, 50), 2) : "",
            fixed(p(store.bot, 50), 2),
            store.bot ? `${fixed(p(store.bot, 50) / p(floor, 50), 2)}×` : "–",
            fixed(p(ackFloor, 99), 2),
            kind === "done" ? fixed(p(store.durableFloor, 99), 2) : "",
            fixed(p(store.bot, 99), 2),
            late,
          ]);
        }
      }
    }
  } finally {
    await ackFloor.close();
    for (const store of stores) {
      await store.durableFloor?.close();
      if (store.bot && store.kind !== "sqlite") await store.bot.close();
    }
    await sqliteBot.close();
  }
  return {
    title: "Ack latency of /shutdown through the HTTP endpoint (ms)",
    columns: [
      "command",
      "store",
      "concurrent",
      "requests",
      "ack floor p50",
      "durable floor p50",
      "bot p50",
      "bot ÷ its floor p50",
      "ack floor p99",
      "durable floor p99",
      "bot p99",
      "acked 正在处理",
    ],
    rows,
    notes: [
      "Ack floor: a bare Bolt app (same receiver, same signature check) whose listener only acks. Durable floor: the same app, which for `done …` first commits, with the driver alone and prepared statements, what a report must write at the least — reads the item, updates its state and note, inserts its audit entry, in one transaction — then acks (SQLite: better-sqlite3 on a WAL file opened as the bot opens its store, so with synchronous=NORMAL — no fsync at each commit, as for the bot; PostgreSQL: pg with a pool of 10, `SELECT … FOR UPDATE`, 5 round trips with BEGIN and COMMIT, the server's defaults — synchronous_commit on, the WAL flushed at each commit). Bot: `src/main.ts` on a fresh store, 38 units with one contact each. Each runs in its own process; the signed requests come from the bench process, in a closed loop (each concurrent sender sends its next request when the last is answered), all taking turns. The ack floor is measured once per level and shown on both stores' rows.",
      "Its floor: the ack floor for `status`, the store's durable floor for `done …`. `done …` reports a new note every time, so every request commits a change and its audit entry (the bot also its request claim).",
      ...stores.flatMap((s) => s.notes),
    ],
  };
}
