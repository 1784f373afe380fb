import { describe, expect, it } from "vitest";
import { parseCommand, parseUserId } from "../src/domain/command/parse-command.ts";
import { UnitDirectory } from "../src/domain/command/unit-directory.ts";
import { DomainError } from "../src/domain/errors.ts";
import { readCampaignSeed } from "../src/store/seed-repository.ts";

const directory = new UnitDirectory(
  readCampaignSeed().units.map((u) => ({ key: u.key, name: u.name, domains: u.domains.map((d) => d.name) })),
);
const parse = (text: string) => parseCommand(text, directory);
function failure(text: string): DomainError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`"${text}" was understood`);
}

describe("understanding /shutdown text", () => {
  it.each([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["帮助", { kind: "help" }],
    ["status", { kind: "status" }],
    ["状态", { kind: "status" }],
    ["STATUS", { kind: "status" }],
    ["ｓｔａｔｕｓ", { kind: "status" }],
    ["done column", { kind: "report", state: "done", task: "column" }],
    ["完成 栏目", { kind: "report", state: "done", task: "column" }],
    ["已完成\u3000过渡栏目", { kind: "report", state: "done", task: "column" }],
    ["doing backup 正在\u200B备份", { kind: "report", state: "doing", task: "backup", note: "正在备份" }],
    ["blocked icp 等待电信回复，预计周五（6月18日）", { kind: "report", state: "blocked", task: "icp", note: "等待电信回复，预计周五（6月18日）" }],
    ["ｄｏｎｅ\u3000ｄｏｍａｉｎ\u3000ＪＴＤＡ．ＧＯＶ．ＣＮ", { kind: "report", state: "done", task: "domain", domain: "jtda.gov.cn" }],
    ["ＪＴＤＡ status", { kind: "status", unit: "jtda" }],
    ["进行中 迁移", { kind: "report", state: "doing", task: "backup" }],
    ["todo 关停", { kind: "report", state: "todo", task: "site" }],
    ["done 网站 已彻底关停", { kind: "report", state: "done", task: "site", note: "已彻底关停" }],
    ["done 解绑", { kind: "report", state: "done", task: "unbind" }],
    ["done 备案", { kind: "report", state: "done", task: "icp" }],
    ["done IP备案", { kind: "report", state: "done", task: "ipicp" }],
    ["done ipicp", { kind: "report", state: "done", task: "ipicp" }],
    ["受阻 icp 等待 电信 回复", { kind: "report", state: "blocked", task: "icp", note: "等待 电信 回复" }],
    ["不适用 backup 无数据", { kind: "report", state: "na", task: "backup", note: "无数据" }],
    ["na ipicp 没有二级域名系统", { kind: "report", state: "na", task: "ipicp", note: "没有二级域名系统" }],
    ["未开始 unbind", { kind: "report", state: "todo", task: "unbind" }],
    ["done domain", { kind: "report", state: "done", task: "domain" }],
    ["done 域名 jtda.gov.cn", { kind: "report", state: "done", task: "domain", domain: "jtda.gov.cn" }],
    ["done domain JTDA.GOV.CN dns", { kind: "report", state: "done", task: "domain", domain: "jtda.gov.cn", method: "dns_removed" }],
    ["done domain jt.czsga.gov.cn 解析 已删除", { kind: "report", state: "done", task: "domain", domain: "jt.czsga.gov.cn", method: "dns_removed", note: "已删除" }],
    ["done domain dns", { kind: "report", state: "done", task: "domain", method: "dns_removed" }],
    ["done domain jtpf.gov.cn 注销", { kind: "report", state: "done", task: "domain", domain: "jtpf.gov.cn", method: "cancelled" }],
    ["档案局 done site", { kind: "report", unit: "jtda", state: "done", task: "site" }],
    ["区档案局 done site", { kind: "report", unit: "jtda", state: "done", task: "site" }],
    ["司法局 status", { kind: "status", unit: "jtsf" }],
    ["jtsf status", { kind: "status", unit: "jtsf" }],
    ["jtsfxz.gov.cn status", { kind: "status", unit: "jtsf" }],
    ["www.jtupo.com done column", { kind: "report", unit: "jtupo", state: "done", task: "column" }],
    ["档案局", { kind: "status", unit: "jtda" }],
    ["set provider local", { kind: "set", field: "provider", value: "local" }],
    ["set icp 苏ICP备12345678号", { kind: "set", field: "icp", value: "苏ICP备12345678号" }],
    ["设置 电话 0519-82900326", { kind: "set", field: "phone", value: "0519-82900326" }],
    ["档案局 set secondlevel no", { kind: "set", unit: "jtda", field: "secondlevel", value: "no" }],
    ["assign 档案局 <@U0WANG|王 芳>", { kind: "assign", unit: "jtda", userId: "U0WANG" }],
    ["assign 档案局 <@U0WANG>", { kind: "assign", unit: "jtda", userId: "U0WANG" }],
    ["unassign jtda U0WANG", { kind: "unassign", unit: "jtda", userId: "U0WANG" }],
    ["overview", { kind: "overview" }],
    ["总览", { kind: "overview" }],
    ["unit 规划局", { kind: "unit", unit: "jtupo" }],
    ["deadlines", { kind: "deadlines" }],
    ["coordinator add <@U0LI|li>", { kind: "coordinator", action: "add", userId: "U0LI" }],
    ["协调员 移除 U0LI", { kind: "coordinator", action: "remove", userId: "U0LI" }],
  ])("%j", (text, expected) => {
    expect(parse(text)).toEqual(Object.fromEntries(Object.entries({ ...expected }).filter(([, v]) => v !== undefined)));
  });

  it("reads a deadline in Shanghai time", () => {
    const cmd = parse("deadline shutdown 2027-06-25 18:00");
    expect(cmd).toEqual({ kind: "deadline", key: "shutdown", at: new Date("2027-06-25T10:00:00Z") });
  });
});

describe("text it cannot understand says which word and what was meant", () => {
  it.each([
    ["档案 done site", "unknown_word", "你是不是要找「档案局」"],
    ["statsu", "unknown_word", "「status」"],
    ["done", "missing_task", "/shutdown done site"],
    ["done colum", "unknown_task", "「column」"],
    ["blocked icp", "reason_required", "需要写明原因"],
    ["na backup", "reason_required", "/shutdown na backup 无数据需要迁移"],
    ["na site 已经关了", "na_forbidden", "不能标记为不适用"],
    ["na domain 不需要", "na_forbidden", "不能标记为不适用"],
    ["na icp 不需要", "na_forbidden", "/shutdown blocked icp"],
    ["assign", "missing_unit", "/shutdown assign 档案局"],
    ["assign 档案 <@U1>", "unknown_unit", "「档案局」"],
    ["assign 档案局", "missing_user", "@王芳"],
    ["assign 档案局 alice", "bad_user", "「alice」不是 Slack 用户"],
    ["deadline shutdown 6月25日", "bad_datetime", "YYYY-MM-DD"],
    ["deadline", "deadline_usage", "/shutdown deadline shutdown"],
    ["coordinator promote <@U1>", "coordinator_usage", "add|remove"],
    ["set", "set_usage", "set provider local|other"],
    ["set colour red", "set_usage", "set provider"],
    ["set provider", "set_missing_value", "/shutdown set provider local"],
    ["status now please", "extra_words", "now please"],
    ["'; DROP TABLE Unit; --", "unknown_word", "没看懂"],
  ])("%j → %s", (text, code, words) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
    expect(error.hint).toContain("/shutdown");
  });
});

describe("mentions", () => {
  it.each([
    ["<@U0123ABCD|wang>", "U0123ABCD"],
    ["<@U0123ABCD>", "U0123ABCD"],
    ["U0123ABCD", "U0123ABCD"],
    ["@U0123ABCD", "U0123ABCD"],
    ["<@W0123ABCD>", "W0123ABCD"],
    ["<#C0123|general>", undefined],
    ["wang", undefined],
  ])("%s → %s", (token, id) => {
    expect(parseUserId(token)).toBe(id);
  });
});
