// Section "ack": how long Slack waits for the ack of /shutdown status and /shutdown done …,
// next to a bare Bolt app on the same receiver that only acks.
import { SIGNING_SECRET, WORKING_ACK, commandText, serverEnv, startBenchCampaign } from "./bench-campaign.ts";
import { SlashClient, runClosedLoop, type SlashResult } from "./slash-client.ts";
import { startServerProcess } from "./server-process.ts";
import { fixed, percentile, type Table } from "./stats.ts";

const LEVELS = [
  { concurrency: 1, requests: 400 },
  { concurrency: 20, requests: 1_200 },
  { concurrency: 100, requests: 2_000 },
];
/** Requests of each kind to each server (and through the client) before measuring, so all run optimized code. */
const WARMUP = { status: 3_000, done: 600 };
/** Floor and bot take turns, so drift on a shared machine hits both alike. */
const ROUNDS = 4;

function check(results: SlashResult[], what: string): number {
  const bad = results.find((r) => r.status !== 200);
  if (bad) throw new Error(`${what}: HTTP ${bad.status} ${bad.body.slice(0, 200)}`);
  return results.filter((r) => r.body.includes(WORKING_ACK)).length;
}

export async function runAckLatency(): Promise<Table> {
  const campaign = await startBenchCampaign();
  const floor = await startServerProcess("floor-process.ts", serverEnv(campaign.slack, "file:unused.db"));
  const floorClient = new SlashClient(floor.url, SIGNING_SECRET, campaign.slack);
  const rows: string[][] = [];
  try {
    const { contacts } = campaign;
    let n = 0;
    const sender = (client: SlashClient, kind: "status" | "done") => () => client.send(contacts[n % contacts.length]!.userId, commandText(kind, n++));
    for (const kind of ["status", "done"] as const) {
      await runClosedLoop(10, WARMUP[kind], sender(floorClient, kind));
      await runClosedLoop(10, WARMUP[kind], sender(campaign.client, kind));
    }
    for (const kind of ["status", "done"] as const) {
      for (const { concurrency, requests } of LEVELS) {
        const floorRuns: SlashResult[] = [];
        const botRuns: SlashResult[] = [];
        // NOTE: connections are opened before measuring: a burst of new connections to a saturated
        // Node server waits in its accept path, for the floor as much as for the bot.
        await runClosedLoop(concurrency, concurrency * 3, sender(floorClient, kind));
        await runClosedLoop(concurrency, concurrency * 3, sender(campaign.client, kind));
        for (let round = 0; round < ROUNDS; round++) {
          floorRuns.push(...(await runClosedLoop(concurrency, requests / ROUNDS, sender(floorClient, kind))));
          botRuns.push(...(await runClosedLoop(concurrency, requests / ROUNDS, sender(campaign.client, kind))));
        }
        check(floorRuns, "floor");
        const late = check(botRuns, `bot ${kind}`);
        const [f50, f99, b50, b99] = [
          percentile(floorRuns.map((r) => r.ms), 50),
          percentile(floorRuns.map((r) => r.ms), 99),
          percentile(botRuns.map((r) => r.ms), 50),
          percentile(botRuns.map((r) => r.ms), 99),
        ];
        rows.push([
          kind === "status" ? "`status`" : "`done …`",
          String(concurrency),
          String(requests),
          fixed(f50, 2),
          fixed(b50, 2),
          `${fixed(b50 / f50, 2)}×`,
          fixed(f99, 2),
          fixed(b99, 2),
          String(late),
        ]);
      }
    }
  } finally {
    floorClient.close();
    await floor.stop();
    await campaign.close();
  }
  return {
    title: "Ack latency of /shutdown through the HTTP endpoint (ms)",
    columns: ["command", "concurrent", "requests", "floor p50", "bot p50", "bot/floor p50", "floor p99", "bot p99", "acked 正在处理"],
    rows,
    notes: [
      "Floor: a bare Bolt app (same receiver, same signature check) whose listener only acks. Bot: `src/main.ts` on a fresh store, 38 units with one contact each. Each runs in its own process; the signed requests come from the bench process, in a closed loop (each concurrent sender sends its next request when the last is answered), floor and bot taking turns.",
      "`done …` reports a new note every time, so every request commits a change, its audit entry and its request claim.",
    ],
  };
}
