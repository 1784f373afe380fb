// Wordings of pages that mean "no site here": an access provider blocking a domain that is not
// filed (未备案), a host suspending or expiring a site, a unit's closure notice, a web server's
// default page. Matched against the title, and against the text of short pages only (a live
// home page may well carry a headline such as 「关于网站关停的通知」).
import type { DownPageKind } from "./verification-types.ts";

export const DOWN_PAGE_PATTERNS: readonly { kind: DownPageKind; phrases: readonly string[] }[] = [
  {
    kind: "not-filed",
    phrases: [
      "未备案",
      "未进行备案",
      "未完成备案",
      "没有备案",
      "备案信息未通过",
      "未根据工信部相关法律规则进行备案",
      "备案号被取消",
      "备案已被注销",
      "备案信息不准确",
      "Non-compliance ICP Filing",
    ],
  },
  {
    kind: "expired",
    phrases: ["网站已过期", "空间已过期", "空间已到期", "主机已过期", "主机已到期", "虚拟主机已到期", "站点已过期", "域名已过期", "服务已到期"],
  },
  {
    kind: "default-site",
    phrases: [
      "Welcome to nginx",
      "Welcome to CentOS",
      "Welcome to OpenResty",
      "Welcome to tengine",
      "Test Page for the Nginx HTTP Server",
      "Apache2 Ubuntu Default Page",
      "Apache2 Debian Default Page",
      "Apache HTTP Server Test Page",
      "Test Page for the Apache HTTP Server",
      "IIS Windows Server",
      "Internet Information Services",
      "IIS7",
      "IIS8",
      "没有找到站点",
      "没有找到对应的站点",
      "站点创建成功",
      "域名未绑定",
      "未绑定域名",
      "域名没有绑定",
      "该域名尚未绑定",
      "No site configured",
    ],
  },
  {
    kind: "closed",
    phrases: [
      "网站已关闭",
      "本网站已关闭",
      "网站已关停",
      "本网站已关停",
      "网站已停止运行",
      "网站已停止服务",
      "本站已停止服务",
      "已停止访问",
      "网站已迁移",
      "本网站已迁移",
      "已整合至",
      "已并入",
    ],
  },
  {
    kind: "suspended",
    phrases: [
      "网站暂停访问",
      "网站已暂停",
      "站点已暂停",
      "暂停访问",
      "暂停服务",
      "已被暂停",
      "网站暂时无法访问",
      "该网站暂时无法访问",
      "站点已停止",
      "网站已停止",
      "网站已被关闭",
    ],
  },
];

/** Text longer than this is a real page: only its title counts. Provider pages are a few hundred characters. */
export const SHORT_PAGE_CHARS = 1_500;
