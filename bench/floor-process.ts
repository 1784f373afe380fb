// The floor: a bare Bolt app on the same receiver that only acks /shutdown. Whatever the bot
// costs above this is the bot's own cost.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import { answerMemoryRequests } from "./process-memory.ts";
import { environmentVariable } from "../src/config/environment.ts";

answerMemoryRequests();
const app = new App({
  token: environmentVariable("SLACK_BOT_TOKEN"),
  signingSecret: environmentVariable("SLACK_SIGNING_SECRET")!,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: environmentVariable("SLACK_API_URL") },
});
app.command("/shutdown", async ({ ack }) => {
  await ack();
});
const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
console.log(`floor listening: http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
