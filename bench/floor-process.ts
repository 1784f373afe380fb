// The floors: a bare Bolt app on the same receiver as the bot. Without FLOOR_DATABASE_URL it only
// acks /shutdown (the ack floor); with it, `done <task> <note>` first makes the durable commit of
// durable-floor.ts on that store (the durable floor). Whatever the bot costs above its floor is
// the bot's own cost.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import { databaseKind } from "../src/store/database-kind.ts";
import { openDurableFloor } from "./durable-floor.ts";
import { answerMemoryRequests } from "./process-memory.ts";
import { environmentVariable } from "../src/config/environment.ts";

answerMemoryRequests();
const databaseUrl = environmentVariable("FLOOR_DATABASE_URL");
const floor = databaseUrl ? await openDurableFloor(databaseKind(databaseUrl), databaseUrl, (environmentVariable("FLOOR_USERS") ?? "").split(",")) : undefined;
const app = new App({
  token: environmentVariable("SLACK_BOT_TOKEN"),
  signingSecret: environmentVariable("SLACK_SIGNING_SECRET")!,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: environmentVariable("SLACK_API_URL") },
});
app.command("/shutdown", async ({ ack, command }) => {
  const report = /^done (\S+) (.+)$/.exec(command.text);
  if (floor && report) {
    await floor.report(command.user_id, report[1]!, report[2]!, new Date());
    await ack("已记录");
    return;
  }
  await ack();
});
const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
console.log(`floor listening: http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
process.on("SIGTERM", () => void app.stop().then(() => floor?.close()).then(() => process.exit(0)));
