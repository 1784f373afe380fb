// The store failing under the running bot (`npm start` as a process): its files unwritable for a
// moment, its folder deleted. The person always gets an answer; once the files are writable
// again, changes work again; /healthz says what is wrong while it is.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendSlashCommand, DEFAULT_BOT_USER_ID, startSlackStandin, type SlackStandin } from "../tools/slack-standin/index.ts";
import { openStore } from "../src/store/open-store.ts";
import { addContact } from "./helpers/campaign-script.ts";
import { startScript, waitFor, type ScriptProcess } from "./helpers/script-process.ts";
import { createTestStore } from "./helpers/test-store.ts";
import { environmentVariable } from "../src/config/environment.ts";

const TOKEN = "xoxb-faults-test";
const SECRET = "faultssigningsecret000000";
const WANG = "U0WANG";
// NOTE: a file's permissions do not bite on a file already open, and Linux refuses to remount
// read-only under open files; a full disk bites. The store lives on a small tmpfs of its own
// (needs root), filled up for a moment.
const CAN_MOUNT = process.getuid?.() === 0 && process.platform === "linux";
const mount = (...args: string[]) => execFileSync("mount", args, { stdio: "pipe" });

let slack: SlackStandin;
let dir: string;
let dbFile: string;
let bot: ScriptProcess;
let base: string;

beforeAll(async () => {
  slack = await startSlackStandin({ botToken: TOKEN, channels: [{ id: "C0DIGEST", name: "coordinators", members: [DEFAULT_BOT_USER_ID] }] });
});
afterAll(async () => {
  await slack.close();
});
beforeEach(async () => {
  slack.reset();
  slack.addUser({ id: WANG, name: "wangfang" });
  const store = await createTestStore();
  await addContact(store.db, "jtda", { name: "王芳", slackUserId: WANG });
  await store.close();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-faults-"));
  if (CAN_MOUNT) mount("-t", "tmpfs", "-o", "size=16m", "tmpfs", dir);
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  dbFile = path.join(data, "campaign.db");
  fs.copyFileSync(store.location!.filePath, dbFile);
  fs.rmSync(store.dir, { recursive: true, force: true });
  bot = startScript(
    "src/main.ts",
    [],
    {
      DATABASE_URL: `file:${dbFile}`,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      DIGEST_CHANNEL_ID: "C0DIGEST",
      CAMPAIGN_YEAR: "2027",
      QUIET_HOURS: "off",
      REMINDER_CRON: "0 0 1 1 *",
      DIGEST_CRON: "0 0 1 1 *",
      LOG_LEVEL: "warn",
    },
  );
  await waitFor(() => /slack\/events/.test(bot.out()));
  base = `http://127.0.0.1:${/:(\d+)\/slack\/events/.exec(bot.out())![1]}`;
});
afterEach(async () => {
  if (environmentVariable("SHOW_BOT_LOG")) console.log(bot.err());
  bot.child.kill("SIGTERM");
  await bot.exited;
  if (CAN_MOUNT) execFileSync("umount", ["-l", dir]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the person finally reads: the ack, or the reply that followed by response_url. */
async function command(text: string): Promise<string> {
  const url = slack.createResponseUrl({ userId: WANG });
  const res = await sendSlashCommand(`${base}/slack/events`, SECRET, { command: "/shutdown", text, user_id: WANG, response_url: url.url });
  const ack = res.body as { text?: string };
  if (!ack.text?.includes("正在处理")) return ack.text ?? "";
  await waitFor(() => slack.responses(url.id).length > 0, 30_000);
  return (slack.responses(url.id)[0]!.body as { text?: string }).text ?? "";
}

const health = async () => {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { store: { state: string } } };
};


describe("the store's files unwritable for a moment", () => {
  it.runIf(CAN_MOUNT)("answers the person, then works again once they are writable; /healthz says so meanwhile", async () => {
    expect(await command("done column 先")).toContain("已记录");
    const filler = path.join(dir, "filler");
    const free = () => { const s = fs.statfsSync(dir); return s.bavail * s.bsize; };
    fs.writeFileSync(filler, Buffer.alloc(free()));
    expect(free()).toBe(0);

    const refused = await command("done backup 只读时");
    expect(refused).not.toContain("已记录");
    expect(refused).toContain("系统暂时无法保存");
    const during = await health();
    expect(during.status).toBe(503);
    expect(during.body.store).toMatchObject({ state: "unwritable", error: expect.stringMatching(/full/) });

    fs.rmSync(filler);
    expect(await command("done unbind 恢复后")).toContain("已记录");
    expect(await command("done backup 再试")).toContain("已记录");
    // The probe tries a bad store again within a second: wait for it to see the store writable.
    let after = await health();
    for (let i = 0; i < 100 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await health();
    }
    expect(after.status).toBe(200);
    expect(after.body.store.state).toBe("writable");

    const check = await openStore(`file:${dbFile}`, { migrate: false });
    const items = await check.db.checklistItem.findMany({ where: { key: { in: ["jtda/column", "jtda/backup", "jtda/unbind"] } }, orderBy: { key: "asc" } });
    await check.close();
    expect(items.map((i) => [i.key, i.state, i.note])).toEqual([
      ["jtda/backup", "done", "再试"],
      ["jtda/column", "done", "先"],
      ["jtda/unbind", "done", "恢复后"],
    ]);
  });
});
