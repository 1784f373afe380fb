// One bot instance as `npm start` runs it (config from the environment, migrations at start,
// HTTP, the scheduler with its catch-up), on a clock that starts at argv[2] and runs at real
// speed, with the scheduler's retries shortened to argv[3] ms, and Slack's posting limit kept on
// the tests' clock 50 times faster (TEST_POSTING, decision 021). Prints "listening <port>".
import { loadConfig } from "../../src/config/load-config.ts";
import { openCampaign } from "../../src/app/open-campaign.ts";
import { startBot } from "../../src/app/start-bot.ts";
import { SERVER_BUSY_TIMEOUT_MS } from "../../src/store/open-store.ts";
import { TEST_POSTING } from "./test-posting.ts";

const offset = new Date(process.argv[2]!).getTime() - Date.now();
const clock = () => new Date(Date.now() + offset);
const retryMs = Number(process.argv[3] ?? 500);
const config = loadConfig();
const store = await openCampaign(config, clock(), { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
const bot = await startBot({
  config,
  store,
  clock,
  credentials: { botToken: config.SLACK_BOT_TOKEN!, signingSecret: config.SLACK_SIGNING_SECRET! },
  retryDelaysMs: [retryMs],
  delivery: { leaseMs: 5_000 },
  pacingClock: TEST_POSTING,
});
console.log(`listening ${bot.port}`);
process.on("SIGTERM", () => {
  void bot.stop().then(() => store.close()).then(() => process.exit(0));
});
