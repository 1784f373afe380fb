// npm start: the bot for real. Composition root: config, store, clock, signals.
import fs from "node:fs";
import { loadConfig } from "./config/load-config.ts";
import { openCampaign } from "./app/open-campaign.ts";
import { missingCredentials, startBot } from "./app/start-bot.ts";
import { SERVER_BUSY_TIMEOUT_MS } from "./store/open-store.ts";
import { startTexts } from "./messages/cli-messages.ts";
import { projectPath } from "./lib/project-root.ts";

const config = loadConfig();
const missing = missingCredentials(config);
if (missing.length > 0) {
  console.error(startTexts.missingCredentials(missing));
  process.exit(1);
}

const version = (JSON.parse(fs.readFileSync(projectPath("package.json"), "utf8")) as { version: string }).version;
const store = await openCampaign(config, new Date(), { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
const bot = await startBot({
  config,
  store,
  version,
  credentials: { botToken: config.SLACK_BOT_TOKEN!, signingSecret: config.SLACK_SIGNING_SECRET!, appToken: config.SLACK_APP_TOKEN },
});
console.log(
  config.SLACK_APP_TOKEN
    ? startTexts.startedSocketMode
    : startTexts.startedHttp(config.HOST ?? "0.0.0.0", bot.port),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(startTexts.stopping(signal));
  try {
    await bot.stop();
    await store.close();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
