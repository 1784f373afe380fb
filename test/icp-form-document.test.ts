import { describe, expect, it } from "vitest";
import { shanghaiInstant } from "../src/domain/model/calendar.ts";
import type { IcpFiling } from "../src/domain/icp-filing.ts";
import {
  describeMissingFields,
  draftCancellationReason,
  icpFormDataFor,
  icpFormFileName,
  listMissingFields,
  type IcpFormData,
} from "../src/icp-form/icp-form-data.ts";
import { A4, renderIcpForm, renderIcpFormBook } from "../src/icp-form/icp-form-document.ts";
import { count, paragraphsOutsideTables, readDocx, tableRows } from "./helpers/docx-xml.ts";

// 00:30 on June 15 in Shanghai is still June 14 in UTC: the form is dated by Shanghai's calendar.
const now = new Date("2027-06-14T16:30:00Z");
const window = { opensAt: shanghaiInstant(2027, 6, 21), dueAt: shanghaiInstant(2027, 6, 23, 23, 59, 59) };

const filing = (over: Partial<IcpFiling> = {}): IcpFiling => ({
  id: 1,
  number: "苏ICP备05012345号-1",
  domains: ["jtda.gov.cn"],
  sponsorName: "常州市金坛区档案局",
  reason: null,
  ...over,
});
const wangfang = { name: "王芳", phone: "0519-82900326", email: "wangfang@jtda.gov.cn" };

const full: IcpFormData = icpFormDataFor(filing(), wangfang, { shutDownAt: null, window });


describe("the 附件4 document of one filing", () => {
  it("has the title and the application date, Shanghai's day of `now`, above the table", async () => {
    const { document } = await readDocx(await renderIcpForm(full, now));
    expect(paragraphsOutsideTables(document).slice(0, 2)).toEqual(["注销网站备案号、取消接入服务申请表", "申请日期：2027年6月15日"]);
  });

  it("lays the table out as the paper form: the note, one row per field, the reason, the signature line", async () => {
    const { document } = await readDocx(await renderIcpForm(full, now));
    const rows = tableRows(document);
    expect(rows).toEqual([
      ["用户备案信息（以下信息必须填写清楚）"],
      ["备案号", "苏ICP备05012345号-1"],
      ["域名", "jtda.gov.cn"],
      ["主办单位名称", "常州市金坛区档案局"],
      ["联系人姓名", "王芳"],
      ["联系人电话", "0519-82900326"],
      ["联系人邮箱", "wangfang@jtda.gov.cn"],
      ["备案注销原因\n（必须填写详细原因）", full.reason],
      ["申请人签字（盖章）："],
    ]);
  });

  it("names all domains of the filing in the 域名 row", async () => {
    const data = icpFormDataFor(filing({ domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"] }), wangfang, { shutDownAt: null, window });
    const rows = tableRows((await readDocx(await renderIcpForm(data, now))).document);
    expect(rows[2]).toEqual(["域名", "jtpf.gov.cn、jtsfxz.gov.cn"]);
  });

  it("leaves the signature and stamp row empty beneath its label", async () => {
    const { document } = await readDocx(await renderIcpForm(full, now));
    const signatureRow = document.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!.at(-1)!;
    expect(signatureRow).toContain('w:gridSpan w:val="2"');
    expect(signatureRow).toMatch(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/);
    expect(Number(/<w:trHeight w:val="(\d+)"/.exec(signatureRow)![1])).toBeGreaterThanOrEqual(2000);
  });

  it("is one A4 portrait page section", async () => {
    const { document } = await readDocx(await renderIcpForm(full, now));
    expect(count(document, /<w:sectPr>/)).toBe(1);
    expect(document).toContain(`<w:pgSz w:w="${A4.width}" w:h="${A4.height}" w:orient="portrait"/>`);
    expect([A4.width, A4.height]).toEqual([11906, 16838]);
  });

  it("names 宋体 for East Asian and Latin text in every run and in the defaults", async () => {
    const { document, styles } = await readDocx(await renderIcpForm(full, now));
    const fonts = document.match(/<w:rFonts [^>]*\/>/g) ?? [];
    expect(fonts.length).toBeGreaterThan(15);
    for (const f of fonts) {
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('w:ascii="宋体"');
      expect(f).toContain('w:hint="eastAsia"');
    }
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('w:eastAsia="宋体"');
    expect(defaults).toContain('<w:lang w:eastAsia="zh-CN"/>');
  });

  it("carries its title in the document properties", async () => {
    const { core } = await readDocx(await renderIcpForm(full, now));
    expect(core).toContain("<dc:title>注销网站备案号、取消接入服务申请表</dc:title>");
  });

  it("keeps text people typed as text, markup characters included", async () => {
    const data = { ...full, sponsorName: "金坛区<测试>&单位" };
    const { document } = await readDocx(await renderIcpForm(data, now));
    expect(document).toContain("金坛区&lt;测试&gt;&amp;单位");
    expect(tableRows(document)[3]).toEqual(["主办单位名称", "金坛区<测试>&单位"]);
  });
});

describe("a form made from what the store lacks", () => {
  const bare = icpFormDataFor(filing({ number: null, sponsorName: null, domains: ["xuebu.gov.cn"] }), { name: "陈静", phone: null, email: null }, {
    shutDownAt: null,
    window,
  });

  it("is still made, the missing fields left blank", async () => {
    const rows = tableRows((await readDocx(await renderIcpForm(bare, now))).document);
    expect(rows.slice(1, 7)).toEqual([
      ["备案号", ""],
      ["域名", "xuebu.gov.cn"],
      ["主办单位名称", ""],
      ["联系人姓名", "陈静"],
      ["联系人电话", ""],
      ["联系人邮箱", ""],
    ]);
  });

  it("names each missing field with the command that fills it", () => {
    expect(listMissingFields(bare)).toEqual([
      { field: "icpNumber", label: "备案号", command: "/shutdown set icp <备案号>" },
      { field: "sponsorName", label: "主办单位名称", command: "/shutdown set sponsor <主办单位名称>" },
      { field: "contactPhone", label: "联系人电话", command: "/shutdown set phone <电话>" },
      { field: "contactEmail", label: "联系人邮箱", command: "/shutdown set email <邮箱>" },
    ]);
  });

  it("counts a blank text as missing, and names every field of an empty form", () => {
    const empty: IcpFormData = { icpNumber: " ", domains: [], sponsorName: "", contactName: null, contactPhone: null, contactEmail: null, reason: "" };
    expect(listMissingFields(empty).map((m) => m.label)).toEqual(["备案号", "域名", "主办单位名称", "联系人姓名", "联系人电话", "联系人邮箱", "备案注销原因"]);
    expect(listMissingFields(empty).find((m) => m.field === "reason")?.command).toBe("/shutdown set reason <注销原因>");
  });

  it("puts the unit in front for a coordinator, and the domains for a unit with several filings", () => {
    const commands = listMissingFields(bare, { unitPrefix: "薛埠镇", severalFilings: true }).map((m) => m.command);
    expect(commands[0]).toBe("/shutdown 薛埠镇 set icp <备案号> xuebu.gov.cn");
    expect(commands[1]).toBe("/shutdown 薛埠镇 set sponsor <主办单位名称>");
  });

  it("reads as a reply: a heading, then one line per field", () => {
    expect(describeMissingFields(bare)).toEqual([
      "申请表中以下内容还没有登记，已留空，可手写或登记后重新生成：",
      "• 备案号：/shutdown set icp <备案号>",
      "• 主办单位名称：/shutdown set sponsor <主办单位名称>",
      "• 联系人电话：/shutdown set phone <电话>",
      "• 联系人邮箱：/shutdown set email <邮箱>",
    ]);
    expect(describeMissingFields(full)).toEqual([]);
  });
});

describe("备案注销原因", () => {
  it("says the site joined the cluster and went dark in the window, and asks for the cancellation", () => {
    expect(draftCancellationReason(filing(), { shutDownAt: null, window })).toBe(
      "根据区政府网站群集约化建设工作安排，本单位网站（jtda.gov.cn）已整合至区政府网站群，原网站于2027年6月21日至23日彻底关停，不再提供服务。现申请注销网站备案号苏ICP备05012345号-1，并取消该网站的接入服务。",
    );
  });

  it("names the day the unit reported the site shut down, Shanghai's calendar", () => {
    const reason = draftCancellationReason(filing({ domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"] }), {
      shutDownAt: new Date("2027-06-21T17:00:00Z"),
      window,
    });
    expect(reason).toContain("本单位网站（jtpf.gov.cn、jtsfxz.gov.cn）");
    expect(reason).toContain("原网站已于2027年6月22日彻底关停");
  });

  it.each([
    [shanghaiInstant(2027, 6, 30), shanghaiInstant(2027, 7, 2, 23, 59), "2027年6月30日至7月2日"],
    [shanghaiInstant(2027, 6, 23), shanghaiInstant(2027, 6, 23, 23, 59), "2027年6月23日"],
  ])("writes a window as a range", (opensAt, dueAt, text) => {
    expect(draftCancellationReason(filing(), { shutDownAt: null, window: { opensAt, dueAt } })).toContain(`于${text}彻底关停`);
  });

  it("is the filing's own when it has one", () => {
    const data = icpFormDataFor(filing({ reason: "单位撤并，网站停止运行，申请注销备案并取消接入。" }), wangfang, { shutDownAt: null, window });
    expect(data.reason).toBe("单位撤并，网站停止运行，申请注销备案并取消接入。");
  });
});

describe("the combined document for printing", () => {
  const forms = [
    full,
    icpFormDataFor(filing({ id: 2, number: "苏ICP备10023456号", domains: ["jtpf.gov.cn", "jtsfxz.gov.cn"], sponsorName: "常州市金坛区司法局" }), null, {
      shutDownAt: null,
      window,
    }),
    icpFormDataFor(filing({ id: 3, number: "苏ICP备10023457号", domains: ["xuebu.gov.cn"], sponsorName: "常州市金坛区薛埠镇人民政府" }), null, {
      shutDownAt: null,
      window,
    }),
  ];

  it("has one form per page: a title and a table per form, every form after the first on a new page", async () => {
    const { document } = await readDocx(await renderIcpFormBook(forms, now));
    expect(count(document, /<w:t xml:space="preserve">注销网站备案号、取消接入服务申请表<\/w:t>/)).toBe(3);
    expect(count(document, /<w:tbl>/)).toBe(3);
    expect(count(document, /<w:pageBreakBefore\/>/)).toBe(2);
    expect(count(document, /<w:sectPr>/)).toBe(1);
    const numbers = tableRows(document).filter((r) => r[0] === "备案号").map((r) => r[1]);
    expect(numbers).toEqual(["苏ICP备05012345号-1", "苏ICP备10023456号", "苏ICP备10023457号"]);
  });

  it("starts each form's page with its title", async () => {
    const { document } = await readDocx(await renderIcpFormBook(forms, now));
    const breaks = document.split("<w:pageBreakBefore/>").slice(1);
    for (const rest of breaks) expect(rest.slice(0, 600)).toContain("注销网站备案号、取消接入服务申请表");
  });

  it("of one form is the form itself, and of none is refused", async () => {
    const { document } = await readDocx(await renderIcpFormBook([full], now));
    expect(count(document, /<w:pageBreakBefore\/>/)).toBe(0);
    expect(() => renderIcpFormBook([], now)).toThrow(RangeError);
  });
});

describe("file names", () => {
  it.each([
    ["jtda", "苏ICP备05012345号-1", 1, "jtda-苏ICP备05012345号-1.docx"],
    ["jtsf", null, 2, "jtsf-未登记备案号-2.docx"],
    ["jtsf", null, 1, "jtsf-未登记备案号.docx"],
  ] as const)("%s %s → %s", (unit, number, ordinal, name) => {
    expect(icpFormFileName(unit, number, ordinal)).toBe(name);
  });
});
