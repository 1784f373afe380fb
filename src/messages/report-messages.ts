// What the rules of reporting say when they refuse or warn. Chinese.
import { formatDayShort } from "./day-format.ts";

export const reportTexts = {
  unknownDomain: (domain: string, unit: string, domains: string[]) => `「${domain}」不是${unit}的域名。${unit}的域名：${domains.join("、")}`,
  domainRequired: (unit: string, domains: string[]) => `${unit}有 ${domains.length} 个域名（${domains.join("、")}），请写明是哪一个。`,
  noSuchItem: (unit: string, task: string) => `${unit}没有「${task}」事项，请联系协调员。`,
  methodOnlyWhenDone: "「dns/解析」只在域名注销完成时填写。",
  naForbidden: (task: string) => `「${task}」是每个单位都必须完成的事项，不能标记为不适用。`,
  subdomainDnsOnly: (domain: string) => `${domain} 是上级单位域名下的二级域名，不能由本单位注销，只能删除解析记录。`,
  badExpectedDate: "这个日期不存在，请检查。",
  expectedDatePassed: (at: Date) => `预计完成日期 ${formatDayShort(at)} 已经过去了，请写今天或以后的日期。`,
  siteBeforeWindow: (opens: Date, due: Date, prefix: string) =>
    `提醒：关停窗口是 ${formatDayShort(opens)}至${formatDayShort(due)}（附件2 一），现在还没开始。已按你的报告记录为完成；如果原网站其实还在运行，请改为：/shutdown ${prefix}doing site`,
  siteBeforeColumn: "提醒：过渡栏目还没有完成，关停原网站前请确认过渡栏目已上线。",
  icpBeforeSite: "提醒：网站关停还没有报告完成，备案注销一般在网站彻底关停之后办理。",
  wasDone: (done: string, now: string) => `注意：该事项原为「${done}」，现改为「${now}」。`,
};
