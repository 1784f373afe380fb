import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { comparePage, takeFingerprint } from "../../src/verification/fingerprint.ts";
import { classifySitePage } from "../../src/verification/http-probe.ts";
import { pageFactsOf } from "../../src/verification/page-facts.ts";
import { decodeBody, detectDownPage, extractTitle, findIcpNumber, icpMainNumber, visibleText } from "../../src/verification/page-reading.ts";
import type { PageFacts } from "../../src/verification/verification-types.ts";
import { closedPage, defaultSitePage, expiredPage, notFiledPage, sitePage, statusPage, suspendedPage, type Page } from "../../tools/fake-internet/pages.ts";

function facts(page: Page, url = "http://jtda.gov.cn/"): PageFacts {
  return pageFactsOf({ ok: true, status: page.status, headers: { "content-type": page.contentType }, body: page.body, truncated: false, timedOut: false, certificate: null }, url);
}

const OTHER_SITE: Page = {
  status: 200,
  contentType: "text/html; charset=utf-8",
  body: Buffer.from(
    `<html><head><title>某某科技有限公司</title></head><body>${"<p>专业提供软件开发、网站建设、小程序定制服务，欢迎来电咨询合作。</p>".repeat(40)}<footer>浙ICP备19000001号</footer></body></html>`,
  ),
};

const JTDA = { name: "jtda.gov.cn", title: "金坛档案局", icpNumber: "苏ICP备05012345号-1", charset: "utf-8" as const };

describe("the ICP number in a page's footer", () => {
  const cases: [string, string | null][] = [
    ["版权所有 金坛档案局 苏ICP备05012345号-1 政府网站标识码 3204820012", "苏ICP备05012345号-1"],
    ["苏ICP备05012345号", "苏ICP备05012345号"],
    ["备案号：苏 ICP 备 05012345 号 - 2", "苏ICP备05012345号-2"],
    ["苏icp备05012345号-1", "苏ICP备05012345号-1"],
    ["京ICP证030173号", "京ICP证030173号"],
    ["苏ICP备05012345-1号", "苏ICP备05012345号-1"],
    ["苏公网安备 32048202000123号 政府网站标识码 3204820012", null],
    ["页面里没有备案号", null],
  ];
  it.each(cases)("%j → %j", (text, expected) => {
    expect(findIcpNumber(text)).toBe(expected);
  });

  it("takes the footer's (the last) when a page names another filing in its body", () => {
    expect(findIcpNumber("友情链接：常州市政府 苏ICP备01000001号 …… 版权所有 苏ICP备05012345号-1")).toBe("苏ICP备05012345号-1");
  });

  it("compares filings without the site's suffix", () => {
    expect(icpMainNumber("苏ICP备05012345号-1")).toBe("苏ICP备05012345号");
    expect(icpMainNumber("苏ICP备05012345号")).toBe("苏ICP备05012345号");
  });
});

describe("reading a page", () => {
  it("decodes GB2312/GBK pages by their Content-Type, by their meta tag, or by guessing", () => {
    const page = sitePage({ ...JTDA, charset: "gbk" });
    expect(extractTitle(decodeBody(page.body, "text/html; charset=gb2312"))).toBe("金坛档案局");
    expect(extractTitle(decodeBody(page.body, "text/html"))).toBe("金坛档案局");
    const bare = iconv.encode("<html><head><title>金坛区人民政府</title></head><body>欢迎访问</body></html>", "gbk");
    expect(extractTitle(decodeBody(bare, null))).toBe("金坛区人民政府");
  });

  it("decodes entities and squashes spaces in the title", () => {
    expect(extractTitle("<TITLE>\n  &#37329;&#22363;&#26723;&#26696;&#23616; &amp;&nbsp;首页 </TITLE>")).toBe("金坛档案局 & 首页");
    expect(extractTitle("<title></title>")).toBeNull();
  });

  it("leaves scripts, styles and comments out of the text", () => {
    expect(visibleText("<style>.a{}</style><script>var x='未备案'</script><!-- 未备案 --><p>正常 内容</p>")).toBe("正常 内容");
  });

  it("finds the title and ICP number of an old government home page", () => {
    const page = facts(sitePage(JTDA));
    expect(page).toMatchObject({ status: 200, title: "金坛档案局", icpNumber: "苏ICP备05012345号-1", downPage: null });
    expect(page.textLength).toBeGreaterThan(1500);
  });
});

describe("pages that mean no site is here", () => {
  const cases: [string, string, Page][] = [
    ["a cloud provider's 未备案 interception (403)", "not-filed", notFiledPage(0)],
    ["a provider's 未根据工信部相关法律规则进行备案", "not-filed", notFiledPage(1)],
    ["an access provider's 尚未完成备案 notice, in GBK", "not-filed", notFiledPage(2)],
    ["网站暂停访问", "suspended", suspendedPage(0)],
    ["该站点已暂停", "suspended", suspendedPage(1)],
    ["403 该网站已被暂停", "suspended", suspendedPage(2)],
    ["the unit's own closure notice under the old title", "closed", closedPage(JTDA)],
    ["空间已到期", "expired", expiredPage()],
    ["nginx's welcome page", "default-site", defaultSitePage("nginx")],
    ["宝塔's 没有找到站点", "default-site", defaultSitePage("bt-panel")],
    ["IIS's start page", "default-site", defaultSitePage("iis")],
  ];
  it.each(cases)("%s → %s", (_name, kind, page) => {
    expect(facts(page).downPage).toBe(kind);
  });

  it("are not found in a live home page whose news list says 网站暂停访问 or 关停", () => {
    expect(detectDownPage("金坛档案局", visibleText(sitePage(JTDA).body.toString("utf8")))).toBeNull();
  });
});

describe("what one page says about the old site", () => {
  const baseline = takeFingerprint("jtda.gov.cn", facts(sitePage(JTDA)), "127.0.0.9", ["127.0.0.9"], ["http"], "2027-06-19T10:00:00+08:00");
  const cases: [string, string, string, Page, boolean][] = [
    ["the old page, no baseline yet", "present", "no-baseline", sitePage(JTDA), false],
    ["the old page, like the baseline", "present", "like-baseline", sitePage(JTDA), true],
    ["the same site with a new title but the same filing", "present", "like-baseline", sitePage({ ...JTDA, title: "金坛区档案馆" }), true],
    ["another site altogether", "inconclusive", "changed", OTHER_SITE, true],
    ["404 everywhere", "gone", "not-found", statusPage(404), true],
    ["410", "gone", "not-found", statusPage(410), true],
    ["503", "inconclusive", "server-error", statusPage(503), true],
    ["a provider's suspension page", "gone", "down-page", suspendedPage(0), true],
    ["the server's default site", "gone", "down-page", defaultSitePage("nginx"), false],
    ["400 for an unknown host", "gone", "unknown-host", defaultSitePage("bad-request"), true],
  ];
  it.each(cases)("%s → %s (%s)", (_name, outcome, reason, page, withBaseline) => {
    expect(classifySitePage(facts(page), withBaseline ? baseline : null)).toEqual({ outcome, reason });
  });

  it("tells the same site by title, filing or text", () => {
    const same = facts(sitePage(JTDA));
    expect(comparePage(same, baseline)).toEqual({ similar: true, by: "title" });
    expect(comparePage({ ...same, title: "首页" }, baseline)).toEqual({ similar: true, by: "icp" });
    expect(comparePage({ ...same, title: "首页", icpNumber: null }, baseline)).toEqual({ similar: true, by: "text" });
    expect(comparePage(facts(defaultSitePage("nginx")), baseline).similar).toBe(false);
  });
});
