// The pages of the simulated internet: old government home pages as they looked, and the pages
// providers and servers show instead (未备案 interceptions, suspensions, closure notices, default sites).
import iconv from "iconv-lite";
import type { DefaultSite, FakeDomain } from "./world.ts";

export interface Page {
  status: number;
  body: Buffer;
  contentType: string;
  headers?: Record<string, string>;
}

function html(status: number, title: string, body: string, charset: "utf-8" | "gbk" = "utf-8", declareInHeader = true): Page {
  const metaCharset = charset === "gbk" ? "gb2312" : "utf-8";
  const text = `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=${metaCharset}"><title>${title}</title></head>\n<body>${body}</body></html>\n`;
  return {
    status,
    body: charset === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8"),
    contentType: declareInHeader ? `text/html; charset=${metaCharset}` : "text/html",
  };
}

const NEWS = [
  "关于做好2027年防汛防旱工作的通知",
  "区政府召开全区安全生产工作会议",
  "关于系统维护期间网站暂停访问的通知",
  "关于本网站将于6月21日关停并迁移至区政府网站群的公告",
  "2027年度政府信息公开工作年度报告",
  "关于开展“双随机、一公开”监管工作的实施方案",
  "区领导调研重点项目建设情况",
  "关于公布行政权力事项清单的公告",
  "全区档案工作会议顺利召开",
  "关于征集2027年为民办实事项目的公告",
  "政务服务“一网通办”推进情况通报",
  "关于调整部分公交线路的通告",
  "区人大常委会开展专题视察活动",
  "关于印发《政务公开工作要点》的通知",
  "金坛区第四季度重点工作推进会召开",
  "关于开展政府网站自查整改工作的通知",
  "区政协召开专题协商会",
  "关于做好高温天气劳动保护工作的通知",
  "全区优化营商环境工作推进会召开",
  "关于公开征求意见的公告",
];

/** An old government home page: navigation, a long news list, and the footer with the ICP number. */
export function sitePage(d: Pick<FakeDomain, "name" | "title" | "icpNumber" | "charset">): Page {
  const news = Array.from({ length: 60 }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, "0");
    return `<li><a href="/art/2027/5/${day}/art_${1000 + i}.html">${NEWS[i % NEWS.length]}</a><span>2027-05-${day}</span></li>`;
  }).join("\n");
  const footer = [
    `主办单位：${d.title}`,
    "地址：江苏省常州市金坛区金坛大道88号 邮编：213200",
    "联系电话：0519-82821234",
    d.icpNumber ? `<a href="https://beian.miit.gov.cn/" target="_blank">${d.icpNumber}</a>` : "",
    "政府网站标识码：3204820012",
    "苏公网安备 32048202000123号",
  ].join(" &nbsp; ");
  const body = `
<div class="header"><img src="/images/logo.png" alt="${d.title}"><h1>${d.title}</h1></div>
<div class="nav"><a href="/">首页</a> <a href="/col/col1/">机构概况</a> <a href="/col/col2/">政务动态</a> <a href="/col/col3/">政府信息公开</a> <a href="/col/col4/">政务服务</a> <a href="/col/col5/">互动交流</a> <a href="/col/col6/">专题专栏</a></div>
<div class="main"><h2>政务动态</h2><ul>${news}</ul>
<h2>政府信息公开</h2><p>政府信息公开指南 政府信息公开制度 法定主动公开内容 政府信息公开年报 依申请公开 政策解读 规划计划 财政预决算 人事信息 建议提案办理</p>
<h2>互动交流</h2><p>局长信箱 在线咨询 网上调查 意见征集 常见问题解答 办件查询 投诉建议</p></div>
<div class="footer">${footer}</div>`;
  return html(200, d.title, body, d.charset);
}

const NOT_FILED = [
  () =>
    html(
      403,
      "网站暂时无法访问",
      "<h1>该网站暂时无法进行访问</h1><p>可能原因：</p><ol><li>您访问的网站未备案，或者原备案号被取消。</li><li>域名在访问黑名单中。</li></ol><p>如果您是网站管理员，请登录云服务商的备案系统核实备案信息。</p>",
    ),
  () =>
    html(
      200,
      "网站备案信息未通过验证",
      "<h2>网站暂时无法访问</h2><p>该网站未根据工信部相关法律规则进行备案。</p><p>如果您是网站所有者，请尽快完成备案；如您是访客，请稍后再试。</p>",
    ),
  () =>
    html(
      200,
      "提示信息",
      "<p>根据国家工业和信息化部《非经营性互联网信息服务备案管理办法》，未经备案不得在中华人民共和国境内从事非经营性互联网信息服务。</p><p>该网站尚未完成备案，已被暂停接入。</p>",
      "gbk",
    ),
];

const SUSPENDED = [
  () => html(200, "网站暂停访问", "<div class=\"box\"><h1>网站暂停访问</h1><p>该网站已暂停访问，如有疑问请联系网站管理员。</p></div>"),
  () => html(200, "提示", "<p>该站点已暂停，请联系空间服务商。</p>"),
  () => html(403, "403 Forbidden", "<h1>403 Forbidden</h1><p>该网站已被暂停。</p>"),
];

export function notFiledPage(variant: number): Page {
  return NOT_FILED[variant % NOT_FILED.length]!();
}

export function suspendedPage(variant: number): Page {
  return SUSPENDED[variant % SUSPENDED.length]!();
}

/** A unit's own closure notice: the old title, a few lines. */
export function closedPage(d: Pick<FakeDomain, "title" | "charset">): Page {
  return html(
    200,
    d.title,
    `<div class="notice"><h2>公告</h2><p>本网站已关停。根据区政府网站集约化工作要求，原网站内容已整合至金坛区人民政府网站，请访问 www.jintan.gov.cn 。</p><p>${d.title}</p></div>`,
    d.charset,
  );
}

export function expiredPage(): Page {
  return html(200, "网站已过期", "<p>该网站空间已到期，请联系服务商续费后恢复访问。</p>");
}

export function statusPage(status: 404 | 410 | 503): Page {
  const text = { 404: "404 Not Found", 410: "410 Gone", 503: "503 Service Temporarily Unavailable" }[status];
  return html(status, text, `<center><h1>${text}</h1></center><hr><center>nginx</center>`);
}

/** What a server answers for a Host it has no site for. */
export function defaultSitePage(kind: DefaultSite): Page {
  switch (kind) {
    case "nginx":
      return html(
        200,
        "Welcome to nginx!",
        "<h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is successfully installed and working. Further configuration is required.</p><p><em>Thank you for using nginx.</em></p>",
      );
    case "bt-panel":
      return html(
        200,
        "没有找到站点",
        "<h1>没有找到站点</h1><h3>您的请求在Web服务器中没有找到对应的站点！</h3><p>可能原因：</p><ol><li>您没有将此域名或IP绑定到对应站点!</li><li>配置文件未生效!</li></ol><p>如何解决：检查是否已经绑定到对应站点，若确认已绑定，请尝试重载Web服务。</p>",
      );
    case "iis":
      return html(200, "IIS Windows Server", '<div id="container"><a href="https://go.microsoft.com/fwlink/?linkid=66138"><img src="iisstart.png" alt="IIS"></a></div>');
    case "not-found":
      return statusPage(404);
    case "bad-request":
      return html(400, "Bad Request", "<h2>Bad Request - Invalid Hostname</h2><hr><p>HTTP Error 400. The request hostname is invalid.</p>");
  }
}
