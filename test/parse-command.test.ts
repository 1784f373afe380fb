import { describe, expect, it } from "vitest";
import { directory, failure, parse } from "./helpers/parse-fixture.ts";
import { parseCommand, parseUserId, ParseError } from "../src/domain/command/parse-command.ts";
import { UnitDirectory, unitDirectoryOf } from "../src/domain/command/unit-directory.ts";
import { DomainError } from "../src/domain/errors.ts";
import { readCampaignSeed } from "../src/store/seed-repository.ts";


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

  it("reads a deadline in Shanghai time, 23:59 as the end of the day", () => {
    const cmd = parse("deadline shutdown 2027-06-25 18:00");
    expect(cmd).toEqual({ kind: "deadline", key: "shutdown", at: new Date("2027-06-25T10:00:00Z") });
    // Setting a deadline back the way it reads (6月20日 23:59) restores the instant exactly.
    expect(parse("deadline transition 2027-06-20 23:59")).toEqual({ kind: "deadline", key: "transition", at: new Date("2027-06-20T15:59:59Z") });
    expect(parse("deadline transition 2027-06-20")).toEqual({ kind: "deadline", key: "transition", at: new Date("2027-06-20T15:59:59Z") });
    // A later batch's deadline: its name, then the key, or the key as the list shows it.
    const second = { kind: "deadline", key: "第二批/transition", at: new Date("2027-08-25T10:00:00Z") };
    expect(parse("deadline 第二批 transition 2027-08-25 18:00")).toEqual(second);
    expect(parse("deadline 第二批/transition 2027-08-25 18:00")).toEqual(second);
    expect(parse("deadline 第二批 transition 2027-08-25")).toEqual({ ...second, at: new Date("2027-08-25T15:59:59Z") });
  });
});

describe("the words people actually type", () => {
  it.each([
    // Sentence punctuation after a word, or between words.
    ["完成 关停。", { kind: "report", state: "done", task: "site" }],
    ["完成 关停，", { kind: "report", state: "done", task: "site" }],
    ["完成 关停：", { kind: "report", state: "done", task: "site" }],
    ["完成 关停、", { kind: "report", state: "done", task: "site" }],
    ["完成，关停", { kind: "report", state: "done", task: "site" }],
    ["完成、栏目。", { kind: "report", state: "done", task: "column" }],
    ["完成：备份", { kind: "report", state: "done", task: "backup" }],
    ["完成 栏目，已套用统一模板。", { kind: "report", state: "done", task: "column", note: "已套用统一模板。" }],
    // The task before the state.
    ["关停 完成", { kind: "report", state: "done", task: "site" }],
    ["解绑 已完成", { kind: "report", state: "done", task: "unbind" }],
    ["域名 已注销", { kind: "report", state: "done", task: "domain", method: "cancelled" }],
    ["域名 jtda.gov.cn 已注销", undefined],
    ["备案 已注销", { kind: "report", state: "done", task: "icp" }],
    ["备案 提交", { kind: "report", state: "doing", task: "icp", note: "已提交注销申请" }],
    ["备案 已提交 附件4已交中心", { kind: "report", state: "doing", task: "icp", note: "附件4已交中心" }],
    ["栏目 进行中 正在套用模板", { kind: "report", state: "doing", task: "column", note: "正在套用模板" }],
    ["IP备案 不适用 没有二级域名系统", { kind: "report", state: "na", task: "ipicp", note: "没有二级域名系统" }],
    // One word for both, or two words written together.
    ["网站已关停", { kind: "report", state: "done", task: "site" }],
    ["已关停", { kind: "report", state: "done", task: "site" }],
    ["网站已关停 服务器已下线", { kind: "report", state: "done", task: "site", note: "服务器已下线" }],
    ["栏目已上线", { kind: "report", state: "done", task: "column" }],
    ["关停完成", { kind: "report", state: "done", task: "site" }],
    ["完成关停", { kind: "report", state: "done", task: "site" }],
    ["已解绑", { kind: "report", state: "done", task: "unbind" }],
    ["无需迁移", { kind: "report", state: "na", task: "backup", note: "无需迁移" }],
    ["提交", { kind: "report", state: "doing", task: "icp", note: "已提交注销申请" }],
    ["已注销 域名", { kind: "report", state: "done", task: "domain", method: "cancelled" }],
    ["已删除解析", { kind: "report", state: "done", task: "domain", method: "dns_removed" }],
    ["档案局 网站已关停", { kind: "report", unit: "jtda", state: "done", task: "site" }],
    // A unit after the word, a part of its name, its name with the district in front.
    ["状态 区公安分局", { kind: "status", unit: "jtga" }],
    ["status 档案局", { kind: "status", unit: "jtda" }],
    ["表单 区统计局", { kind: "form", unit: "jttjj" }],
    ["公积金", { kind: "status", unit: "jtgjj" }],
    ["金坛区档案局", { kind: "status", unit: "jtda" }],
    ["金坛区档案局 完成 栏目", { kind: "report", unit: "jtda", state: "done", task: "column" }],
    ["常州市金坛区公安分局 状态", { kind: "status", unit: "jtga" }],
    ["公积金 done site", { kind: "report", unit: "jtgjj", state: "done", task: "site" }],
    ["档案 done site", { kind: "report", unit: "jtda", state: "done", task: "site" }],
    // Domains as people write them.
    ["done domain www.jtupo.gov.cn", { kind: "report", state: "done", task: "domain", domain: "www.jtupo.gov.cn" }],
    ["done domain http://www.jtupo.gov.cn/", { kind: "report", state: "done", task: "domain", domain: "www.jtupo.gov.cn" }],
    ["www.jtupo.gov.cn status", { kind: "status", unit: "jtupo" }],
    // Waiting for someone else, with the day it should be done.
    ["waiting icp 2027-07-10 工信部审核中", { kind: "report", state: "doing", task: "icp", expected: { year: 2027, month: 7, day: 10 }, note: "工信部审核中" }],
    ["等待 备案 7月10日 工信部审核中", { kind: "report", state: "doing", task: "icp", expected: { year: null, month: 7, day: 10 }, note: "工信部审核中" }],
    ["备案 等待中 7/10", { kind: "report", state: "doing", task: "icp", expected: { year: null, month: 7, day: 10 } }],
    ["waiting domain jtpf.gov.cn 2027年7月1日", { kind: "report", state: "doing", task: "domain", domain: "jtpf.gov.cn", expected: { year: 2027, month: 7, day: 1 } }],
    // Help.
    ["怎么用", { kind: "help" }],
    ["怎么用？", { kind: "help" }],
    ["帮助", { kind: "help" }],
    ["？", { kind: "help" }],
    ["export", { kind: "export", format: "xlsx" }],
    ["导出 csv", { kind: "export", format: "csv" }],
  ])("%j", (text, expected) => {
    if (expected === undefined) {
      expect(parse(text)).toEqual({ kind: "report", state: "done", task: "domain", domain: "jtda.gov.cn", method: "cancelled" });
      return;
    }
    expect(parse(text)).toEqual(expected);
  });
});

describe("a question is not guessed into a report", () => {
  it.each(["备案怎么注销？", "网站什么时候关", "栏目上线了吗"])("%j", (text) => {
    expect((failure(text) as ParseError).corrected).toBeUndefined();
  });
});

describe("a typo gets the same closest command wherever it is", () => {
  it.each([
    ["dnoe column", "unknown_word", "done column"],
    ["done colum", "unknown_task", "done column"],
    ["statsu", "unknown_word", "status"],
    ["stauts 档案局", "unknown_word", "status 档案局"],
    ["档按局 done site", "unknown_word", "档案局 done site"],
    ["set provdier local", "set_usage", "set provider local"],
    ["关停 完城", "unknown_state", "关停 完成"],
    ["关停", "missing_state", "done site"],
    ["assign 档按局 <@U1>", "unknown_unit", "assign 档案局 <@U1>"],
    // The unit typed stays in front.
    ["区统计局 dnoe column", "unknown_word", "区统计局 done column"],
    ["区统计局 na backup", "reason_required", "区统计局 na backup 没有数据需要迁移"],
    ["区公安分局 na icp", "reason_required", "区公安分局 na icp 备案属于上级域名的主办单位"],
    ["镇 状态", "ambiguous_unit", "薛埠镇 状态"],
    // A sentence in one breath.
    ["我们网站已经关了", "unknown_word", "done site"],
    ["过渡栏目已经弄好了", "unknown_word", "done column"],
    ["备案正在办理中", "unknown_word", "doing icp"],
  ])("%j → %s, offering /shutdown %s", (text, code, corrected) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).corrected).toBe(corrected);
  });
});

describe("text it cannot understand says which word and what was meant", () => {
  it.each([
    ["档按局 done site", "unknown_word", "你是不是要写「档案局」"],
    ["镇 done site", "ambiguous_unit", "薛埠镇、直溪镇"],
    ["statsu", "unknown_word", "「status」"],
    ["done", "missing_task", "/shutdown done column"],
    ["栏目 已关停", "contradiction", "/shutdown done column"],
    ["已注销", "which_task", "/shutdown done domain"],
    ["waiting icp", "waiting_date", "/shutdown waiting icp 7月10日"],
    ["waiting icp 下周", "waiting_date", "看不懂日期「下周」"],
    ["waiting icp 2027-02-30", "waiting_date", "/shutdown waiting icp"],
    ["done colum", "unknown_task", "「column」"],
    ["blocked icp", "reason_required", "需要写明原因"],
    ["na backup", "reason_required", "/shutdown na backup 没有数据需要迁移"],
    ["na ipicp", "reason_required", "/shutdown na ipicp 没有二级域名系统"],
    ["na site 已经关了", "na_forbidden", "不能标记为不适用"],
    ["na domain 不需要", "na_forbidden", "不能标记为不适用"],

    ["assign", "missing_unit", "/shutdown assign 档案局"],
    ["assign 档按局 <@U1>", "unknown_unit", "「档案局」"],
    ["assign 档案局", "missing_user", "@王芳"],
    ["assign 档案局 alice", "bad_user", "「alice」不是 Slack 用户"],
    ["deadline shutdown 6月25日", "bad_datetime", "2027-06-25 18:00"],
    ["deadline", "deadline_usage", "/shutdown deadline shutdown"],
    ["coordinator promote <@U1>", "coordinator_usage", "/shutdown coordinator add @李强"],
    ["set", "set_usage", "/shutdown set provider local"],
    ["set colour red", "set_usage", "/shutdown set provider local"],
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

  it.each([
    ["blocked icp 等 <@U0WANG|王芳> 回复", "等 @王芳 回复"],
    ["blocked icp 等<@U0WANG|王 芳>，回复", "等@王 芳，回复"],
    ["遇到问题 备案 <@U0WANG|王芳>、<@U0LI|李强> 在办", "@王芳、@李强 在办"],
    ["blocked icp 等 <@U0WANG> 回复", "等 <@U0WANG> 回复"],
  ])("a mention Slack made in a note reads as typed: %s", (text, note) => {
    expect(parse(text)).toMatchObject({ kind: "report", note });
  });
});

describe("the unit directory", () => {
  it("is made once per list of unit names, and anew for another list", () => {
    const names = directory.units;
    expect(unitDirectoryOf(names)).toBe(unitDirectoryOf(names));
    const renamed = names.map((u) => (u.key === "jtda" ? { ...u, name: "金坛区档案馆" } : u));
    expect(unitDirectoryOf(renamed)).not.toBe(unitDirectoryOf(names));
    expect(unitDirectoryOf(renamed).find("档案馆")?.key).toBe("jtda");
  });
});
