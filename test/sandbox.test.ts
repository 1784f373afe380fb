// npm run sandbox with a script on stdin: the real bot, the stand-in, and a transcript to read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../src/store/open-store.ts";
import { createSandboxDir, outputOf, type SandboxDir, type SandboxRun } from "./helpers/sandbox-process.ts";

const FIRST_SESSION = `# 第一次使用沙盒
:help
:now 2027-06-12 08:00
:now 2027-06-13 09:00
:users
:as 档案局
/shutdown status
/shutdown done column 栏目已上线
:click 1
:dm
:as coordinator
:channel
/shutdown assign 区规划局 @U0NEWBIE
:as 区规划局
/shutdown status
:as 王芳
:export
:quit
/shutdown status
`;

describe("a first session in the sandbox", () => {
  let sandbox: SandboxDir;
  let run: SandboxRun;
  beforeAll(async () => {
    sandbox = createSandboxDir();
    run = await sandbox.run(FIRST_SESSION);
  }, 120_000);
  afterAll(() => sandbox.cleanup());

  it("runs every line and exits 0, echoing each command before its output", () => {
    expect(run.stderr).not.toMatch(/error|✗/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("沙盒：真实的机器人");
    expect(run.stdout).toContain("协调员（你）> :help");
    expect(run.stdout).not.toContain("第一次使用沙盒");
    // :quit ends the session; the line after it is not run.
    expect(run.stdout.trimEnd().endsWith("王芳> :quit")).toBe(true);
  });

  it("shows the terminal commands in Chinese and English", () => {
    const help = outputOf(run.stdout, "协调员（你）> :help");
    for (const words of [":as <user|unit>", "切换身份", ":click <n>", "press button n", ":now <YYYY-MM-DD HH:mm>", ":export [csv|json]", ":quit"]) {
      expect(help).toContain(words);
    }
  });

  it("moves the clock and runs the passes that fell due, as of their own times", () => {
    const moved = outputOf(run.stdout, "协调员（你）> :now 2027-06-13 09:00");
    expect(moved).toContain("时钟 2027-06-12 08:00 → 2027-06-13 09:00");
    const order = ["⏰ 2027-06-12 09:00 提醒", "⏰ 2027-06-12 17:00 日报", "网站关停日报 · 6月12日 17:00", "⏰ 2027-06-13 09:00 提醒"];
    const at = order.map((s) => moved.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(moved).toContain("✉ 私信 → 王芳 (U0WANGFANG) (DM)");
    expect(moved).toContain("网站关停工作提醒 · 6月13日");
    expect(moved).toContain("# #shutdown-coordinators 新消息");
  });

  it("lists the users with their units, and acts as a unit's contact", () => {
    const users = outputOf(run.stdout, "协调员（你）> :users");
    expect(users).toMatch(/\* U0COORD +coordinator +协调员（你） +协调员/);
    expect(users).toMatch(/U0WANGFANG +wangfang +王芳 +档案局/);
    expect(users).toMatch(/U0LIQIANG +liqiang +李强 +区司法局/);
    expect(users).toMatch(/U0CHENJING +chenjing +陈静 +薛埠镇/);
    expect(outputOf(run.stdout, "协调员（你）> :as 档案局")).toContain("现在的身份 now acting as：王芳 (U0WANGFANG)");
  });

  it("sends /shutdown as the current user and shows the ephemeral reply as text with numbered buttons", () => {
    const status = outputOf(run.stdout, "王芳> /shutdown status");
    expect(status).toContain("↩ 仅你可见");
    expect(status).toContain("■ 档案局 关停清单（0/7）");
    expect(status).toContain("6月20日 23:59 截止，还剩 7 天");
    expect(status).toContain("[1] 完成  [2] 进行中  [3] 遇到问题");
    const report = outputOf(run.stdout, "王芳> /shutdown done column 栏目已上线");
    expect(report).toContain("已记录：档案局「过渡栏目」未开始 → ✅ 已完成（栏目已上线）");
  });

  it("presses a status button with a signed block_actions payload", () => {
    const click = outputOf(run.stdout, "王芳> :click 1");
    expect(click).toContain("按下 [完成]（item_done）");
    expect(click).toContain("已记录：档案局「数据备份/迁移」未开始 → ✅ 已完成");
  });

  it("reads direct messages and the coordinators' channel", () => {
    const dm = outputOf(run.stdout, "王芳> :dm");
    expect(dm).toContain("与 王芳 (U0WANGFANG) 的私信");
    expect(dm).toContain("网站关停工作提醒 · 6月13日");
    const channel = outputOf(run.stdout, "协调员（你）> :channel");
    expect(channel).toContain("#shutdown-coordinators");
    expect(channel).toContain("网站关停日报 · 6月12日 17:00");
    expect(channel).toContain("逾期与无人提醒的单位 · 6月13日");
  });

  it("turns @mentions into Slack's, and a new contact can act at once", () => {
    expect(outputOf(run.stdout, "协调员（你）> /shutdown assign 区规划局 @U0NEWBIE")).toContain("已把 @u0newbie 登记为区规划局的联系人");
    expect(outputOf(run.stdout, "协调员（你）> :as 区规划局")).toContain("U0NEWBIE");
    expect(outputOf(run.stdout, "u0newbie> /shutdown status")).toContain("区规划局 关停清单");
  });

  it("prints the status export", () => {
    const csv = outputOf(run.stdout, "王芳> :export");
    expect(csv.split("\n")[0]).toBe("unit_name,unit_key,task,domain,state,method,note,updated_at,updated_by,deadline,due_at,batch,verification,verified_at,evidence");
    expect(csv).toMatch(/\n档案局,jtda,column,,done,,栏目已上线,2027-06-13T09:0\d:\d\d\+08:00,U0WANGFANG,transition,2027-06-20T23:59:59\+08:00,第一批,,,\n/);
    expect(csv).toMatch(/\n档案局,jtda,backup,,done,,,2027-06-13T09:0\d:\d\d\+08:00,U0WANGFANG,transition,/);
    expect(csv.trim().split("\n")).toHaveLength(270);
  });

  it("registered the sample contacts through /shutdown assign, so the audit trail shows who did it", async () => {
    const store = await openStore(`file:${sandbox.dbPath}`);
    try {
      const assigned = await store.db.auditEntry.findMany({ where: { field: "contact", fromValue: null }, orderBy: { id: "asc" } });
      expect(assigned.map((a) => [a.subject, a.actor, a.source])).toEqual([
        ["U0WANGFANG", "U0COORD", "slash"],
        ["U0LIQIANG", "U0COORD", "slash"],
        ["U0CHENJING", "U0COORD", "slash"],
        ["U0NEWBIE", "U0COORD", "slash"],
      ]);
    } finally {
      await store.close();
    }
  });
});

describe("a script with a line the sandbox cannot run", () => {
  let sandbox: SandboxDir;
  beforeAll(() => {
    sandbox = createSandboxDir();
  });
  afterAll(() => sandbox.cleanup());

  it("gives a Chinese hint, runs the rest, and exits non-zero naming the line", async () => {
    const run = await sandbox.run(":dn\n:click 1\n:users\n");
    expect(outputOf(run.stdout, "协调员（你）> :dn")).toContain("没有沙盒命令「:dn」，你是不是要输入「:dns」？输入 :help 查看全部命令");
    expect(outputOf(run.stdout, "协调员（你）> :click 1")).toContain("最近显示的消息里没有按钮");
    expect(outputOf(run.stdout, "协调员（你）> :users")).toContain("U0WANGFANG");
    expect(run.stdout).toContain("2 行未能执行：第 1、2 行");
    expect(run.code).toBe(1);
  }, 60_000);

  it("refuses an unknown option with the usage line", async () => {
    const run = await sandbox.run("", ["--bogus"]);
    expect(run.stderr).toContain("用法 usage: npm run sandbox -- [--db PATH] [--fresh]");
    expect(run.stderr).toContain("不认识的选项 --bogus。");
    expect(run.code).toBe(2);
  });

  it("keeps the store between runs and does not register the samples again", async () => {
    const run = await sandbox.run("/shutdown unassign 档案局 @王芳\n");
    expect(run.code).toBe(0);
    const again = await sandbox.run(":as 档案局\n");
    expect(again.stdout).toContain("档案局还没有联系人");
    expect(again.code).toBe(1);
  }, 60_000);
});
