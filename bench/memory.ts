// Section "memory": the bot's memory when idle, and after every 2,000 of 10,000 commands.
import { WORKING_ACK, commandText, startBenchCampaign } from "./bench-campaign.ts";
import { runClosedLoop } from "./slash-client.ts";
import { fixed, type Table } from "./stats.ts";

const BLOCKS = 5;
const PER_BLOCK = 2_000;
const CONCURRENCY = 20;
/** Heap growth from the first block to the last that still counts as flat. */
const FLAT_MB = 3;

/** Mostly status, some reports, some help and typos, as people type them. */
function mixText(i: number): string {
  const r = i % 10;
  if (r < 6) return "status";
  if (r < 9) return commandText("done", i);
  return i % 20 === 9 ? "help" : "done colum";
}

export async function runMemory(): Promise<Table> {
  const campaign = await startBenchCampaign();
  const rows: string[][] = [];
  try {
    await new Promise((r) => setTimeout(r, 1_000));
    const idle = await campaign.bot.memory();
    rows.push(["idle (started, 38 contacts assigned)", "0", fixed(idle.rssMb), fixed(idle.heapUsedMb)]);
    let sent = 0;
    const heaps: number[] = [];
    for (let block = 0; block < BLOCKS; block++) {
      const results = await runClosedLoop(CONCURRENCY, PER_BLOCK, () => {
        const i = sent++;
        return campaign.client.send(campaign.contacts[i % campaign.contacts.length]!.userId, mixText(i));
      });
      const bad = results.find((r) => r.status !== 200 || r.body.includes(WORKING_ACK));
      if (bad) throw new Error(`unexpected reply: ${bad.status} ${bad.body.slice(0, 200)}`);
      const m = await campaign.bot.memory();
      heaps.push(m.heapUsedMb);
      rows.push([`after ${sent.toLocaleString("en")} commands`, sent.toLocaleString("en"), fixed(m.rssMb), fixed(m.heapUsedMb)]);
    }
    const growth = heaps.at(-1)! - heaps[0]!;
    return {
      title: "Memory of the bot process (MB)",
      columns: ["when", "commands", "resident (RSS)", "JS heap after GC"],
      rows,
      notes: [
        `Commands: 60% \`status\`, 30% \`done …\` (each a committed change), 10% help and typos, ${CONCURRENCY} at a time, from the 38 contacts. The heap is measured after a full GC in the bot process.`,
        `Heap growth from ${PER_BLOCK.toLocaleString("en")} to ${(BLOCKS * PER_BLOCK).toLocaleString("en")} commands: ${fixed(growth)} MB — ${Math.abs(growth) <= FLAT_MB ? "flat" : "GROWING"} (flat = within ${FLAT_MB} MB).`,
      ],
    };
  } finally {
    await campaign.close();
  }
}
