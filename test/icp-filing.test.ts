import { describe, expect, it } from "vitest";
import { DomainError } from "../src/domain/errors.ts";
import {
  REASON_MAX,
  decideFilingEntry,
  filingItemKey,
  pickFiling,
  readCancellationReason,
  readSponsorName,
  type IcpFiling,
} from "../src/domain/icp-filing.ts";

const sifa = { name: "区司法局", domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"] };
const dangan = { name: "档案局", domains: ["jtda.gov.cn"] };
const filing = (id: number, number: string | null, domains: string[]): IcpFiling => ({ id, number, domains, sponsorName: null, reason: null });
const others = [{ unitName: "区民政局", number: "苏ICP备11110000号-2" }];

function entry(unit: typeof sifa, filings: IcpFiling[], number: string, domains: string[] = []) {
  const r = decideFilingEntry(unit, filings, others, number, domains);
  if (!r.ok) throw r.error;
  return r.entry;
}

function refusal(unit: typeof sifa, filings: IcpFiling[], number: string, domains: string[] = []): DomainError {
  const r = decideFilingEntry(unit, filings, others, number, domains);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.entry)}`);
  return r.error;
}

describe("set icp <备案号> [domain…]", () => {
  it("numbers a unit's unnumbered filing, which covers all its domains", () => {
    expect(entry(dangan, [filing(1, null, ["jtda.gov.cn"])], "苏icp备12345678")).toEqual({
      number: "苏ICP备12345678号",
      targetId: 1,
      domains: ["jtda.gov.cn"],
      shrunk: [],
      absorbed: [],
      unfiled: [],
      changed: true,
    });
  });

  it("corrects the number of a unit's one filing, keeping the filing (and so its item and state)", () => {
    const e = entry(dangan, [filing(1, "苏ICP备12345678号", ["jtda.gov.cn"])], "苏ICP备12345679号");
    expect(e).toMatchObject({ targetId: 1, number: "苏ICP备12345679号", changed: true });
  });

  it("changes nothing when the number is already there, however it is typed", () => {
    const e = entry(dangan, [filing(1, "苏ICP备12345678号-1", ["jtda.gov.cn"])], "苏ＩＣＰ备１２３４５６７８－１");
    expect(e).toMatchObject({ targetId: 1, changed: false });
  });

  it("creates the first filing of a unit with none", () => {
    expect(entry(sifa, [], "苏ICP备12345678号")).toMatchObject({ targetId: null, domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"], changed: true });
  });

  it("splits a second filing off a unit with two domains: the named domain moves to the new number", () => {
    const e = entry(sifa, [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn", "jtsfxz.gov.cn"])], "苏ICP备87654321号", ["www.jtsfxz.gov.cn"]);
    expect(e).toEqual({
      number: "苏ICP备87654321号",
      targetId: null,
      domains: ["jtsfxz.gov.cn"],
      shrunk: [{ id: 1, domains: ["jtpf.gov.cn"] }],
      absorbed: [],
      unfiled: [],
      changed: true,
    });
  });

  it("numbers part of an unnumbered filing: it takes the number, the other domain waits for its own", () => {
    const e = entry(sifa, [filing(1, null, ["jtpf.gov.cn", "jtsfxz.gov.cn"])], "苏ICP备12345678号", ["JTPF.GOV.CN"]);
    expect(e).toMatchObject({ targetId: 1, domains: ["jtpf.gov.cn"], shrunk: [], unfiled: ["jtsfxz.gov.cn"] });
  });

  it("changes nothing when a number is repeated with its own domain", () => {
    const filings = [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号", ["jtsfxz.gov.cn"])];
    expect(entry(sifa, filings, "苏ICP备12345678号", ["jtpf.gov.cn"])).toMatchObject({ targetId: 1, changed: false });
    expect(entry(sifa, filings, "苏ICP备87654321号")).toMatchObject({ targetId: 2, domains: ["jtsfxz.gov.cn"], changed: false });
  });

  it("gives an existing number the domain of an unnumbered filing", () => {
    const filings = [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, null, ["jtsfxz.gov.cn"])];
    const e = entry(sifa, filings, "苏ICP备12345678号", ["jtsfxz.gov.cn"]);
    expect(e).toMatchObject({ targetId: 1, domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"], shrunk: [], absorbed: [2], changed: true });
  });

  it("renumbers the filing that a number takes every domain from", () => {
    const filings = [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号", ["jtsfxz.gov.cn"])];
    const e = entry(sifa, filings, "苏ICP备87654322号", ["jtsfxz.gov.cn"]);
    expect(e).toMatchObject({ targetId: 2, number: "苏ICP备87654322号", domains: ["jtsfxz.gov.cn"], shrunk: [], changed: true });
  });

  it.each([
    [dangan, [], "苏ICP备1234号", [], "icp_serial_length", "4 位"],
    [dangan, [], "苏ICP备11110000号-2", [], "icp_number_of_other_unit", "「区民政局」"],
    [dangan, [], "苏ICP备11110000-2", [], "icp_number_of_other_unit", "不能重复登记"],
    [dangan, [], "苏ICP备12345678号", ["jtmzw.gov.cn"], "icp_domain_not_of_unit", "档案局的域名：jtda.gov.cn"],
    [
      sifa,
      [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号", ["jtsfxz.gov.cn"])],
      "苏ICP备11112222号",
      [],
      "icp_domains_required",
      "请写明这个备案号包含哪些域名",
    ],
    [
      sifa,
      [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号", ["jtsfxz.gov.cn"])],
      "苏ICP备12345678号",
      ["jtsfxz.gov.cn"],
      "icp_filings_would_merge",
      "合并",
    ],
    [
      sifa,
      [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号", ["jtsfxz.gov.cn"])],
      "苏ICP备11112222号",
      ["jtpf.gov.cn", "jtsfxz.gov.cn"],
      "icp_filings_would_merge",
      "苏ICP备12345678号、苏ICP备87654321号",
    ],
  ] as const)("refuses %#: %s", (unit, filings, number, domains, code, phrase) => {
    const e = refusal(unit, [...filings], number, [...domains]);
    expect(e.code).toBe(code);
    expect(e.message).toContain(phrase);
  });

  it("keeps the first filing's item key as today's", () => {
    expect(filingItemKey("jtsf", 1)).toBe("jtsf/icp");
    expect(filingItemKey("jtsf", 2)).toBe("jtsf/icp/2");
  });
});

describe("the filing a command means", () => {
  const two = [filing(1, "苏ICP备12345678号", ["jtpf.gov.cn"]), filing(2, "苏ICP备87654321号-1", ["jtsfxz.gov.cn"])];

  it.each([
    ["苏ICP备87654321号-1", 2],
    ["苏icp备87654321—1", 2],
    ["jtpf.gov.cn", 1],
    ["WWW.JTSFXZ.GOV.CN", 2],
  ])("%s is filing %i", (word, id) => {
    expect((pickFiling(sifa, two, word) as IcpFiling).id).toBe(id);
  });

  it("is the only one when a unit has one", () => {
    expect((pickFiling(dangan, [filing(7, null, ["jtda.gov.cn"])]) as IcpFiling).id).toBe(7);
  });

  it.each([
    [sifa, two, undefined, "icp_filing_required", "有 2 个备案号（苏ICP备12345678号、苏ICP备87654321号-1）"],
    [sifa, two, "苏ICP备11111111号", "icp_unknown_filing", "区司法局的备案号：苏ICP备12345678号、苏ICP备87654321号-1"],
    [sifa, two, "jtda.gov.cn", "icp_unknown_filing", "不是区司法局登记的备案号或域名"],
    [dangan, [], undefined, "icp_no_filing", "还没有登记备案号"],
  ] as const)("refuses %#: %s", (unit, filings, word, code, phrase) => {
    const r = pickFiling(unit, filings, word);
    expect(r).toBeInstanceOf(DomainError);
    expect((r as DomainError).code).toBe(code);
    expect((r as DomainError).message).toContain(phrase);
  });
});

describe("set sponsor <主办单位名称>", () => {
  it.each([
    ["常州市金坛区档案局", "常州市金坛区档案局"],
    ["  常州市金坛区\u3000档案局 ", "常州市金坛区 档案局"],
    ["「常州市金坛区司法局」", "常州市金坛区司法局"],
    // The name reads as on the seal: full-width brackets stay.
    ["常州市金坛区人民政府办公室（外事办）", "常州市金坛区人民政府办公室（外事办）"],
  ])("%j is %j", (typed, name) => {
    expect(readSponsorName(typed)).toEqual({ ok: true, name });
  });

  it.each(["", "局", "12345678", "jtda.gov.cn", "常州市金坛区".repeat(8)])("%j is refused", (typed) => {
    const r = readSponsorName(typed);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain("/shutdown set sponsor 常州市金坛区档案局");
  });
});

describe("set reason <注销原因>", () => {
  it("keeps a detailed reason, spaces tidied", () => {
    expect(readCancellationReason("  网站已整合至区政府网站群，  已于6月22日关停。 ")).toEqual({ ok: true, reason: "网站已整合至区政府网站群， 已于6月22日关停。" });
  });

  it.each([
    ["关停", "icp_reason_too_short", "详细原因"],
    ["网".repeat(REASON_MAX + 1), "icp_reason_too_long", `${REASON_MAX} 字以内`],
  ])("refuses %#", (typed, code, phrase) => {
    const r = readCancellationReason(typed);
    expect(!r.ok && r.error.code).toBe(code);
    expect(!r.ok && r.error.message).toContain(phrase);
  });
});
