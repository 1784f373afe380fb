// How `verify` (核查) and `accept` (认可) are understood, and what a coordinator reads when not.
import { describe, expect, it } from "vitest";
import { directory, failure, parse } from "../helpers/parse-fixture.ts";
import { parseCommand } from "../../src/domain/command/parse-command.ts";
import { UnitDirectory } from "../../src/domain/command/unit-directory.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { readCampaignSeed } from "../../src/store/seed-repository.ts";


describe("verify and accept", () => {
  it.each([
    ["verify", { kind: "verify" }],
    ["核查", { kind: "verify" }],
    ["核查 档案局", { kind: "verify", unit: "jtda" }],
    ["档案局 核查", { kind: "verify", unit: "jtda" }],
    ["verify jtda.gov.cn", { kind: "verify", unit: "jtda", domain: "jtda.gov.cn" }],
    ["核查 https://JTDA.GOV.CN/", { kind: "verify", unit: "jtda", domain: "jtda.gov.cn" }],
    ["accept 档案局 site 防火墙屏蔽外网，已现场确认", { kind: "accept", unit: "jtda", task: "site", reason: "防火墙屏蔽外网，已现场确认" }],
    ["认可 档案局 关停 已现场确认关停", { kind: "accept", unit: "jtda", task: "site", reason: "已现场确认关停" }],
    ["档案局 accept unbind 服务器已下线", { kind: "accept", unit: "jtda", task: "unbind", reason: "服务器已下线" }],
    ["accept 区司法局 domain jtpf.gov.cn 已交市局注销", { kind: "accept", unit: "jtsf", task: "domain", domain: "jtpf.gov.cn", reason: "已交市局注销" }],
  ])("%s", (text, command) => {
    expect(parse(text)).toEqual(command);
  });

  it.each([
    ["verify example.com", "verify_usage", "「example.com」不是单位名，也不是本次关停的域名"],
    ["核查 不存在的局", "verify_usage", "/shutdown verify 档案局"],
    ["verify 档案局 现在", "extra_words", ""],
    ["accept", "accept_usage", "请写明单位、事项和理由"],
    ["accept 档案局 site", "accept_usage", "例如：/shutdown accept 档案局 site"],
    ["accept 档案局 icp 已注销", "not_verified_task", "只有 site（网站关停）、unbind（解除绑定）、domain（域名注销）由机器人上网核查"],
    ["accept 档案局 网占 已关", "unknown_task", ""],
  ])("%s is refused with what to type", (text, code, words) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });
});
