// The sandbox terminal's own language: pure parsing of typed lines, mentions and arguments.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTerminalLine } from "../tools/sandbox/terminal-commands.ts";
import { escapeMentions, findUserByName, mentionedUserIds } from "../tools/sandbox/mentions.ts";
import { buildSandboxConfig, parseSandboxArgs, readSandboxEnv } from "../tools/sandbox/sandbox-config.ts";

describe("a line typed in the sandbox terminal", () => {
  it.each([
    ["", { kind: "nothing" }],
    ["   ", { kind: "nothing" }],
    ["# a comment", { kind: "nothing" }],
    ["/shutdown", { kind: "slash", text: "" }],
    ["/shutdown status", { kind: "slash", text: "status" }],
    ["  /SHUTDOWN  done column 栏目已上线 ", { kind: "slash", text: "done column 栏目已上线" }],
    ["／shutdown 状态", { kind: "slash", text: "状态" }],
    [":as 王芳", { kind: "as", who: "王芳" }],
    [":as 区档案局", { kind: "as", who: "区档案局" }],
    ["：as wangfang", { kind: "as", who: "wangfang" }],
    [":users", { kind: "users" }],
    [":dm", { kind: "dm" }],
    [":dm 李强", { kind: "dm", who: "李强" }],
    [":channel", { kind: "channel" }],
    [":channel #general", { kind: "channel", which: "#general" }],
    [":click 3", { kind: "click", n: 3 }],
    [":CLICK 12", { kind: "click", n: 12 }],
    [":remind", { kind: "remind" }],
    [":digest", { kind: "digest" }],
    [":export", { kind: "export", format: "csv" }],
    [":export JSON", { kind: "export", format: "json" }],
    [":help", { kind: "help" }],
    [":h", { kind: "help" }],
    [":帮助", { kind: "help" }],
    [":quit", { kind: "quit" }],
    [":q", { kind: "quit" }],
    [":exit", { kind: "quit" }],
  ])("%j is understood", (line, expected) => {
    expect(parseTerminalLine(line)).toEqual(expected);
  });

  it.each([
    ["2027-06-12 09:00", "2027-06-12T01:00:00.000Z"],
    ["2027-6-20 23:59", "2027-06-20T15:59:00.000Z"],
    ["2027-06-25T17:00", "2027-06-25T09:00:00.000Z"],
  ])(":now %s is Shanghai wall-clock time", (text, iso) => {
    const command = parseTerminalLine(`:now ${text}`);
    expect(command.kind).toBe("now");
    expect(command.kind === "now" && command.at.toISOString()).toBe(iso);
  });

  it.each([
    [":foo", "没有沙盒命令「:foo」"],
    [":dn", "你是不是要输入「:dns」"],
    [":dw", "你是不是要输入「:dm」"],
    [":clik 1", "你是不是要输入「:click」"],
    ["status", "命令以 / 或 : 开头"],
    ["/remind", "沙盒只有 /shutdown 命令"],
    [":as", "缺少参数"],
    [":click", "缺少参数"],
    [":click 0", "按钮编号应为正整数"],
    [":click two", "按钮编号应为正整数"],
    [":now", "缺少参数"],
    [":now 2027-06-12", "请写成 YYYY-MM-DD HH:mm"],
    [":now 2027-06-31 09:00", "看不懂时间"],
    [":now tomorrow", "看不懂时间"],
    [":export xml", "只能是 csv 或 json"],
    [":users all", ":users 不需要参数"],
    [":remind now", ":remind 不需要参数"],
  ])("%j gets a hint in Chinese", (line, words) => {
    const command = parseTerminalLine(line);
    expect(command.kind).toBe("invalid");
    expect(command.kind === "invalid" && command.message).toContain(words);
  });
});

const USERS = [
  { id: "U0WANGFANG", name: "wangfang", realName: "王芳" },
  { id: "U0LIQIANG", name: "liqiang", realName: "李强" },
];

describe("mentions typed in a /shutdown command", () => {
  it.each([
    ["assign 档案局 @王芳", "assign 档案局 <@U0WANGFANG|wangfang>"],
    ["assign 档案局 @WangFang", "assign 档案局 <@U0WANGFANG|wangfang>"],
    ["assign 档案局 @U0LIQIANG", "assign 档案局 <@U0LIQIANG|liqiang>"],
    ["@李强 @王芳", "<@U0LIQIANG|liqiang> <@U0WANGFANG|wangfang>"],
    ["assign 档案局 @nobody", "assign 档案局 @nobody"],
    ["assign 档案局 <@U0X|x>", "assign 档案局 <@U0X|x>"],
    ["done column 邮件 a@b.cn", "done column 邮件 a@b.cn"],
  ])("%j becomes %j", (typed, sent) => {
    expect(escapeMentions(typed, USERS)).toBe(sent);
  });

  it.each([
    ["assign 档案局 <@U0NEW|new>", ["U0NEW"]],
    ["assign 档案局 <@U0NEW>", ["U0NEW"]],
    ["unassign 档案局 U0NEW", ["U0NEW"]],
    ["coordinator add @W0ABC1", ["W0ABC1"]],
    ["done UNBIND", []],
    ["status", []],
  ])("%j mentions %j", (text, ids) => {
    expect(mentionedUserIds(text)).toEqual(ids);
  });

  it("finds a user by id, handle or real name", () => {
    expect(findUserByName(USERS, "u0liqiang")?.id).toBe("U0LIQIANG");
    expect(findUserByName(USERS, "@LiQiang")?.id).toBe("U0LIQIANG");
    expect(findUserByName(USERS, "王芳")?.id).toBe("U0WANGFANG");
    expect(findUserByName(USERS, "王")).toBeUndefined();
  });
});

describe("the sandbox's command line and configuration", () => {
  it.each([
    [[], { dbPath: "data/sandbox.db", fresh: false }],
    [["--fresh"], { dbPath: "data/sandbox.db", fresh: true }],
    [["--db", "/tmp/x.db"], { dbPath: "/tmp/x.db", fresh: false }],
    [["--db=/tmp/x.db", "--fresh"], { dbPath: "/tmp/x.db", fresh: true }],
  ])("%j", (argv, args) => {
    expect(parseSandboxArgs(argv)).toEqual({ ok: true, args });
  });

  it.each([[["--bogus"]], [["--db"]], [["extra"]], [["--db", " "]]])("%j is refused", (argv) => {
    expect(parseSandboxArgs(argv).ok).toBe(false);
  });

  it("takes Slack from the stand-in and only the campaign year and log level from the environment", () => {
    const slack = {
      apiUrl: "http://127.0.0.1:4390/api/",
      botToken: "xoxb-standin",
      signingSecret: "0123456789abcdef0123456789abcdef",
      digestChannelId: "C0SANDBOX",
      coordinatorId: "U0COORD",
    };
    const result = buildSandboxConfig("data/sandbox.db", slack, { CAMPAIGN_YEAR: "2027", LOG_LEVEL: "warn" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      SLACK_API_URL: "http://127.0.0.1:4390/api/",
      SLACK_BOT_TOKEN: "xoxb-standin",
      PORT: 0,
      DIGEST_CHANNEL_ID: "C0SANDBOX",
      COORDINATOR_USER_IDS: ["U0COORD"],
      CAMPAIGN_YEAR: 2027,
      LOG_LEVEL: "warn",
    });
    expect(result.config.DATABASE_URL).toMatch(/^file:\/.*data\/sandbox\.db$/);
    expect(result.config.SLACK_APP_TOKEN).toBeUndefined();
  });

  it("keeps the bot's log to warnings unless LOG_LEVEL says otherwise", () => {
    const slack = { apiUrl: "http://127.0.0.1:1/api/", botToken: "xoxb-standin", signingSecret: "0123456789abcdef", digestChannelId: "C0SANDBOX", coordinatorId: "U0COORD" };
    const quiet = buildSandboxConfig("x.db", slack, {});
    expect(quiet.ok && quiet.config.LOG_LEVEL).toBe("warn");
    const chatty = buildSandboxConfig("x.db", slack, { LOG_LEVEL: "debug" });
    expect(chatty.ok && chatty.config.LOG_LEVEL).toBe("debug");
  });

  it("reads CAMPAIGN_YEAR and LOG_LEVEL from the environment or .env, and nothing else", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-env-"));
    const envFile = path.join(dir, ".env");
    fs.writeFileSync(envFile, "SLACK_BOT_TOKEN=xoxb-real\nSLACK_APP_TOKEN=xapp-1\nCAMPAIGN_YEAR=2028\nLOG_LEVEL=debug\nDATABASE_URL=file:./prod.db\n");
    try {
      expect(readSandboxEnv({ LOG_LEVEL: "warn", SLACK_SIGNING_SECRET: "abcdefgh1" }, envFile)).toEqual({ CAMPAIGN_YEAR: "2028", LOG_LEVEL: "warn" });
      expect(readSandboxEnv({}, path.join(dir, "missing.env"))).toEqual({});
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
