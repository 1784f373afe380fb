// Section "delivery": a reminder pass against the Slack stand-in with chat.postMessage rate
// limited (429 + Retry-After): what gets through against the limit, with nothing twice or lost.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openCampaign } from "../src/app/open-campaign.ts";
import type { OutgoingDeps } from "../src/schedule/outgoing-deps.ts";
import { NEVER_QUIET } from "../src/domain/quiet-hours.ts";
import { createDeliveryClient } from "../src/slack/slack-sender.ts";
import { runReminderPass } from "../src/schedule/reminder-pass.ts";
import { DEFAULT_BOT_USER_ID, startSlackStandin } from "../tools/slack-standin/index.ts";
import { assignContact } from "../src/store/change-repository.ts";
import { SERVER_BUSY_TIMEOUT_MS } from "../src/store/open-store.ts";
import { inTransaction } from "../src/store/transaction.ts";
import { fixed, type Table } from "./stats.ts";

const LIMIT_PER_MINUTE = 60;
const CONTACTS = 90;
const COORD_CHANNEL = "C0COORD";
/** The transition's due day: every contact of a unit with work left gets a reminder. */
const PASS_AT = new Date("2027-06-20T10:00:00+08:00");
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** The most accepted calls within any window of `ms`. */
function busiestWindow(times: number[], ms: number): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export async function runDelivery(): Promise<Table> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-bench-delivery-"));
  const slack = await startSlackStandin({ botToken: "xoxb-bench", channels: [{ id: COORD_CHANNEL, name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
  const store = await openCampaign({ DATABASE_URL: `file:${path.join(dir, "delivery.db")}`, CAMPAIGN_YEAR: 2027 }, new Date(), {
    busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS,
  });
  try {
    const units = await store.db.unit.findMany({ orderBy: { position: "asc" } });
    for (let i = 0; i < CONTACTS; i++) {
      const id = `U0DLV${String(i).padStart(3, "0")}`;
      slack.addUser({ id, name: id.toLowerCase() });
      await inTransaction(store.db, (tx) => assignContact(tx, units[i % units.length]!.id, { id, name: `联系人${i}` }, { actor: "cli:bench", source: "cli", now: new Date() }));
    }
    slack.setRateLimit("chat.postMessage", LIMIT_PER_MINUTE);
    const deps: OutgoingDeps = {
      store,
      client: createDeliveryClient(slack.botToken, slack.apiUrl),
      config: { DIGEST_CHANNEL_ID: COORD_CHANNEL, QUIET_HOURS: NEVER_QUIET, REMINDER_CRON: "0 9 * * *", DIGEST_CRON: "0 17 * * *" },
      clock: () => new Date(),
      logger: silent,
      // Paced faster than the limit, so the limit is what binds.
      delivery: { perSecond: 5, burst: 5 },
    };
    const started = performance.now();
    const first = await runReminderPass(deps, PASS_AT);
    let passes = 1;
    let report = first;
    while (report.results.some((r) => r.outcome === "failed" || r.outcome === "not-attempted") && passes < 5) {
      report = await runReminderPass(deps, PASS_AT);
      passes++;
    }
    const seconds = (performance.now() - started) / 1000;

    const planned = first.messages.map((m) => m.key).sort();
    const channels = [COORD_CHANNEL, ...slack.users().map((u) => slack.dmChannelOf(u.id))];
    const posted = channels.flatMap((c) => slack.messages(c)).map((m) => m.metadata?.event_payload.key).filter((k): k is string => typeof k === "string");
    const duplicates = posted.length - new Set(posted).size;
    const lost = planned.filter((k) => !posted.includes(k)).length;
    const rows = await store.db.delivery.findMany({ where: { key: { in: planned } } });
    const notRecorded = planned.length - rows.filter((r) => r.status === "sent").length;
    const calls = slack.callsTo("chat.postMessage");
    const accepted = calls.filter((c) => c.status === 200).map((c) => c.at.getTime()).sort((a, b) => a - b);
    const limited = calls.filter((c) => c.status === 429).length;
    const window = busiestWindow(accepted, 60_000);
    return {
      title: "Delivery against a rate limit (reminder pass, Slack stand-in)",
      columns: ["limit", "messages", "delivered", "duplicates", "lost", "not recorded as sent", "429 answers", "passes", "time s", "msg/s", "busiest 60 s"],
      rows: [
        [
          `${LIMIT_PER_MINUTE}/min`,
          String(planned.length),
          String(posted.length - duplicates),
          String(duplicates),
          String(lost),
          String(notRecorded),
          String(limited),
          String(passes),
          fixed(seconds, 1),
          fixed(planned.length / seconds, 2),
          `${window} (${fixed((100 * window) / LIMIT_PER_MINUTE, 0)}% of the limit)`,
        ],
      ],
      notes: [
        `${CONTACTS} contacts on the transition's due day (no unit overdue, every unit with a contact: so no escalation): one DM each, through \`runReminderPass\` and the delivery log on a real store. The stand-in allows ${LIMIT_PER_MINUTE} chat.postMessage calls in any sliding minute and answers 429 with Retry-After beyond that; the pass honours it (pausing all sends), keeps each message within its retry budget, and whatever is left stays pending for the next pass — "passes" counts the passes run until nothing was left.`,
      ],
    };
  } finally {
    await store.close();
    await slack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
