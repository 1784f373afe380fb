import { describe, expect, it } from "vitest";
import { IcpNumberInputSchema, parseIcpNumber, sameIcpNumber } from "../src/domain/icp-number.ts";

describe("a 备案号 as people type it is read and normalised", () => {
  it.each([
    ["苏ICP备12345678号", "苏ICP备12345678号", null],
    ["苏ICP备12345678号-1", "苏ICP备12345678号-1", 1],
    ["苏ICP备2021012345号-12", "苏ICP备2021012345号-12", 12],
    ["京ICP备050706号", "京ICP备050706号", null],
    ["蜀ICP备08088888号", "蜀ICP备08088888号", null],
    // full-width digits, letters and hyphen
    ["苏ＩＣＰ备１２３４５６７８号－１", "苏ICP备12345678号-1", 1],
    // spaces, full-width spaces, lower case
    [" 苏 icp 备 12345678 号 ", "苏ICP备12345678号", null],
    ["苏\u3000ICP备\u300012345678号", "苏ICP备12345678号", null],
    // 号 missing, or after the site number
    ["苏ICP备12345678", "苏ICP备12345678号", null],
    ["苏ICP备12345678-1", "苏ICP备12345678号-1", 1],
    ["苏ICP备12345678-1号", "苏ICP备12345678号-1", 1],
    // dashes of Chinese keyboards
    ["苏ICP备12345678号—1", "苏ICP备12345678号-1", 1],
    ["苏ICP备12345678号——2", "苏ICP备12345678号-2", 2],
    ["苏ICP备12345678号–3", "苏ICP备12345678号-3", 3],
    ["苏ICP备12345678号−4", "苏ICP备12345678号-4", 4],
    ["苏ICP备12345678号-01", "苏ICP备12345678号-1", 1],
    // 备案 for 备, a label or quotes around it
    ["苏ICP备案12345678号", "苏ICP备12345678号", null],
    ["备案号：苏ICP备12345678号-1", "苏ICP备12345678号-1", 1],
    ["「苏ICP备12345678号」", "苏ICP备12345678号", null],
    ["“苏ICP备12345678号-1”。", "苏ICP备12345678号-1", 1],
    ["苏ICP备\u200B12345678号", "苏ICP备12345678号", null],
  ])("%s → %s", (typed, text, site) => {
    const r = parseIcpNumber(typed);
    expect(r.ok && r.number).toMatchObject({ text, site });
  });

  it("keeps the subject's number apart from the site number", () => {
    const r = parseIcpNumber("苏ICP备12345678号-3");
    expect(r.ok && r.number).toEqual({ text: "苏ICP备12345678号-3", subject: "苏ICP备12345678号", province: "苏", serial: "12345678", site: 3 });
  });
});

describe("a 备案号 that cannot be read gets a Chinese reply saying how to write it", () => {
  it.each([
    ["", "icp_empty", "/shutdown set icp 苏ICP备12345678号"],
    ["   ", "icp_empty", "请写上备案号"],
    ["京ICP证030173号", "icp_license_number", "经营许可证"],
    ["12345678", "icp_not_a_number", "形如「苏ICP备12345678号」"],
    ["jtda.gov.cn", "icp_not_a_number", "不是备案号"],
    ["ICP备12345678号", "icp_no_province", "缺少省份简称"],
    ["川ICP备12345678号", "icp_province_alias", "「蜀ICP备」"],
    ["贵ICP备12345678号", "icp_province_alias", "贵州"],
    ["港ICP备12345678号", "icp_unknown_province", "「港」不是省份简称"],
    ["苏ICP备12345号", "icp_serial_length", "5 位"],
    ["苏ICP备12345678901号", "icp_serial_length", "11 位"],
    ["苏ICP备12345678号-0", "icp_site_number", "1 到 999"],
    ["苏ICP备12345678号-1000", "icp_site_number", "1 到 999"],
    ["苏ICP备12345678号1", "icp_unreadable", "看不懂备案号"],
    ["苏ICP备1234a5678号", "icp_unreadable", "看不懂备案号"],
    ["苏ICP备12345678号号", "icp_unreadable", "看不懂备案号"],
    ["苏ICP备12345678号 苏ICP备87654321号", "icp_unreadable", "看不懂备案号"],
  ])("%j is refused (%s)", (typed, code, hint) => {
    const r = parseIcpNumber(typed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain(hint);
  });

  it("quotes what was typed, not the normalised text", () => {
    const r = parseIcpNumber("苏ＩＣＰ备１２３号");
    expect(!r.ok && r.error.message).toContain("「苏ＩＣＰ备１２３号」");
  });
});

describe("the 备案号 field of a form or CSV", () => {
  it("is normalised on success", () => {
    expect(IcpNumberInputSchema.parse("苏icp备12345678—1")).toBe("苏ICP备12345678号-1");
  });

  it("carries the Chinese message and the code on failure", () => {
    const r = IcpNumberInputSchema.safeParse("川ICP备12345678号");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("蜀ICP备");
  });
});

describe("two ways of writing the same filing", () => {
  it.each([
    ["苏ICP备12345678号-1", "苏ICP备12345678-1", true],
    ["苏ICP备12345678号", "苏ＩＣＰ备１２３４５６７８号", true],
    ["苏ICP备12345678号-1", "苏ICP备12345678号-2", false],
    ["苏ICP备12345678号", "苏ICP备12345678号-1", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(sameIcpNumber(a, b)).toBe(same);
  });
});
