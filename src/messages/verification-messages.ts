// Every text of the verification probes a person reads, in one place.
import { formatDueShort } from "../domain/model/calendar.ts";
import type { Verification, VerifiedTask } from "../domain/model/verification.ts";

export const VERIFICATION_LABEL: Record<Verification, string> = {
  unverified: "未核查",
  confirmed: "已核实",
  contradicted: "不符",
  inconclusive: "无法判断",
};

export const VERIFIED_TASK_LABEL: Record<VerifiedTask, string> = {
  site: "网站关停",
  unbind: "解除绑定",
  domain: "域名注销",
};

export const OFFLINE_NOTICE = "核查无法访问外网";

const VERIFIED_TASK_SHORT: Record<VerifiedTask, string> = { site: "网站", unbind: "解绑", domain: "域名" };

/** Still there, and nobody has reported it done: not a contradiction of anything. */
export const STILL_THERE = "仍存在";

/** 不符 only against a report of done; otherwise what is still there is just 仍存在. */
export function shownVerdict(verification: Verification, reportedDone: boolean): string {
  return verification === "contradicted" && !reportedDone ? STILL_THERE : VERIFICATION_LABEL[verification];
}

/** The words of the evidence lines for what a probe met on its way. */
export const probeWords = {
  otherSite: "其他网站",
  noAnswer: "没有答复",
  dnsStatus: { servfail: "SERVFAIL", refused: "REFUSED", timeout: "超时", unreachable: "无法连接", error: "出错" } as Record<string, string>,
};

const when = (at: Date) => formatDueShort(at);
const titled = (status: number, title: string | null) => (title ? `HTTP ${status}，标题「${title}」` : `HTTP ${status}`);
const list = (values: readonly string[], max = 3) => (values.length > max ? `${values.slice(0, max).join("、")} 等` : values.join("、"));
const clock = (at: Date) => formatDueShort(at).split(" ")[1]!;

/** Lines of evidence, "6月22日 10:00 jtda.gov.cn 仍可访问（HTTP 200，标题「金坛档案局」）". */
export const evidenceLines = {
  siteUp: (at: Date, domain: string, status: number, title: string | null) => `${when(at)} ${domain} 仍可访问（${titled(status, title)}）`,
  siteChanged: (at: Date, domain: string, status: number, title: string | null) =>
    `${when(at)} ${domain} 仍有网页（${titled(status, title)}），但与关停前的网站不同，无法判断`,
  siteRefused: (at: Date, domain: string) => `${when(at)} ${domain} 已无法访问（连接被拒绝）`,
  siteReset: (at: Date, domain: string) => `${when(at)} ${domain} 已无法访问（连接被重置）`,
  siteTlsFailed: (at: Date, domain: string) => `${when(at)} ${domain} 已无法访问（HTTPS 握手失败，HTTP 也无网站）`,
  siteNotFound: (at: Date, domain: string, status: number) => `${when(at)} ${domain} 已无法访问（HTTP ${status}）`,
  siteUnknownHost: (at: Date, domain: string, status: number) => `${when(at)} ${domain} 已无法访问（HTTP ${status}，服务器不再认识该域名）`,
  siteDownPage: (at: Date, domain: string, phrase: string) => `${when(at)} ${domain} 已无法访问（显示「${phrase}」页面）`,
  siteNoResolution: (at: Date, domain: string) => `${when(at)} ${domain} 已无法访问（域名已无解析）`,
  siteRedirected: (at: Date, domain: string, to: string) => `${when(at)} ${domain} 已不再提供原网站（跳转到 ${to}）`,
  siteTimeout: (at: Date, domain: string) => `${when(at)} ${domain} 无法判断（连接超时，服务器没有应答）`,
  siteTooManyRedirects: (at: Date, domain: string, max: number) => `${when(at)} ${domain} 无法判断（重定向超过 ${max} 次）`,
  siteStatus: (at: Date, domain: string, status: number) => `${when(at)} ${domain} 无法判断（HTTP ${status}）`,
  siteNoDns: (at: Date, domain: string) => `${when(at)} ${domain} 无法判断（解析服务器没有给出答复）`,
  siteError: (at: Date, domain: string) => `${when(at)} ${domain} 无法判断（访问出错）`,

  dnsPresent: (at: Date, domain: string, addresses: readonly string[], ttl: number | null) =>
    `${when(at)} ${domain} 仍能解析到 ${list(addresses)}${
      ttl === null ? "" : `（TTL ${ttl} 秒：若刚删除记录，递归解析器的缓存最迟 ${clock(new Date(at.getTime() + ttl * 1000))} 过期）`
    }`,
  dnsCnamePresent: (at: Date, domain: string, cnames: readonly string[]) => `${when(at)} ${domain} 仍有 CNAME 记录（指向 ${list(cnames)}）`,
  dnsMixed: (at: Date, domain: string, addresses: readonly string[], ttl: number | null, goneFrom: readonly string[]) =>
    `${when(at)} ${domain} 在 ${list(goneFrom)} 已查不到，另有解析服务器仍返回 ${list(addresses)}${
      ttl === null ? "" : `（可能是缓存，最迟 ${clock(new Date(at.getTime() + ttl * 1000))} 过期）`
    }`,
  dnsGone: (at: Date, domain: string, resolvers: readonly string[], registry: "gone" | "present" | null) =>
    `${when(at)} ${domain} 已查不到解析记录（${list(resolvers)}）${
      registry === "gone" ? "，注册局也已无该域名" : registry === "present" ? "；域名仍在注册局登记" : ""
    }`,
  registryGone: (at: Date, domain: string) => `${when(at)} ${domain} 注册局已无该域名（解析服务器没有给出答复）`,
  dnsUnsure: (at: Date, domain: string, what: string) => `${when(at)} ${domain} 无法判断（解析服务器：${what}）`,

  unbindServes: (at: Date, domain: string, server: string) => `${when(at)} ${domain} 仍绑定在原服务器 ${server}（返回原网站页面）`,
  unbindServesDomain: (at: Date, domain: string, server: string, status: number) =>
    `${when(at)} ${domain} 仍绑定在原服务器 ${server}（服务器仍为该域名单独应答，HTTP ${status}）`,
  unbindDefault: (at: Date, domain: string, server: string) => `${when(at)} ${domain} 已从原服务器 ${server} 解绑（返回默认站点）`,
  unbindStatus: (at: Date, domain: string, server: string, status: number) => `${when(at)} ${domain} 已从原服务器 ${server} 解绑（HTTP ${status}）`,
  unbindNoAnswer: (at: Date, domain: string, server: string) => `${when(at)} ${domain} 已从原服务器 ${server} 解绑（原服务器无应答）`,
  unbindNoBaseline: (at: Date, domain: string) => `${when(at)} ${domain} 无法检查解绑（没有关停前的基线，不知道原服务器地址）`,
  unbindChanged: (at: Date, domain: string, server: string) => `${when(at)} ${domain} 无法判断是否解绑（原服务器 ${server} 返回的网页与关停前不同）`,
  unbindUnsure: (at: Date, domain: string, server: string) => `${when(at)} ${domain} 无法判断是否解绑（原服务器 ${server} 无应答，但网络状况不明）`,

  offline: (at: Date, domain: string) => `${when(at)} ${domain} 无法判断：${OFFLINE_NOTICE}`,
  notChecked: (at: Date, domain: string) => `${when(at)} ${domain} 未核查`,
};

/** What a contact should do when the probes contradict their report. */
export const verificationAdvice = {
  site: (domain: string) => `${domain} 仍可访问：请关闭原网站，或请服务商停止该站点。`,
  domain: (domain: string, addresses: readonly string[]) =>
    addresses.length > 0
      ? `仍能解析到 ${list(addresses)}：请在域名服务商处删除 ${domain} 的解析记录（或向注册商注销域名）。`
      : `${domain} 仍有解析记录：请在域名服务商处删除解析记录（或向注册商注销域名）。`,
  unbind: (domain: string, server: string) => `原服务器 ${server} 仍绑定 ${domain}：请在 Web 服务器上删除该域名的绑定（站点/虚拟主机配置）。`,
};

/** Appended when a present DNS answer may still be a recursive resolver's cache of a deleted record. */
export const cacheNote = (until: Date) => `可能是解析缓存，${when(until)} 后再看`;

// ---- What people see of the verification ---------------------------------------------------

/** The line beside an item's state: "🔍 核查：不符 — 6月22日 10:00 jtda.gov.cn 仍可访问（…）". */
export function verificationLine(view: { verification: Verification; summary: string | null; accepted: { reason: string } | null }, reportedDone = true): string {
  if (view.accepted) return `🔍 核查：协调人已认可（${view.accepted.reason}）`;
  // NOTE: "still there" contradicts nothing while nobody has reported it done: no 不符 then.
  if (view.verification === "contradicted" && !reportedDone) return `🔍 核查${view.summary ? ` — ${view.summary}` : ""}`;
  return `🔍 核查：${VERIFICATION_LABEL[view.verification]}${view.summary ? ` — ${view.summary}` : ""}`;
}

/** The DMs of a verification: a report contradicted, a finished task not yet reported. */
export const verificationDmTexts = {
  contradictedHeader: "核查结果与报告不符",
  contradicted: (unitName: string, itemLabel: string) => `你报告「${unitName} ${itemLabel}」已完成，但机器人上网核查的结果不同：`,
  whatToDo: (advice: string) => `*请处理：*${advice}`,
  contradictedFoot: "处理后不必再报告：机器人每小时核查一次，连续三次查不到即记为已核实。如确有特殊情况（例如内网、防火墙），请告诉区电子政务中心。",
  confirmHeader: "核查发现事项似乎已完成",
  confirm: (unitName: string, itemLabel: string) => `机器人上网核查，「${unitName} ${itemLabel}」似乎已经完成，但还没有人报告：`,
  confirmAsk: "如确已完成，请点下面的按钮确认；如果还没有，请忽略本消息。",
  fallbackContradicted: (unitName: string, itemLabel: string) => `核查不符：${unitName} ${itemLabel}`,
  fallbackConfirm: (unitName: string, itemLabel: string) => `请确认：${unitName} ${itemLabel} 是否已完成`,
};

/** The button of the "confirmed but not reported" DM. */
export const CONFIRM_BUTTON: Record<VerifiedTask, string> = {
  site: "是，已关停",
  unbind: "是，已解绑",
  domain: "是，已注销",
};

/** The digest's section and the overview's line. */
export const verificationDigestTexts = {
  contradictedHeading: (n: number) => `*🔍 核查不符（${n} 项）*：报告已完成，但网上仍能查到`,
  contradictedItem: (unitName: string, itemLabel: string, summary: string | null) => `• ${unitName} ${itemLabel}：${summary ?? ""}`,
  contacts: " · 联系人：",
  offline: (at: Date) => `⚠️ ${OFFLINE_NOTICE}：${when(at)} 的核查没有任何解析服务器或注册局应答，结果都是「无法判断」（不会记为不符）。请检查服务器能否访问外网。`,
  overviewLine: (counts: Record<Verification, number>) =>
    `🔍 核查：${(["confirmed", "contradicted", "inconclusive", "unverified"] as const).map((v) => `${VERIFICATION_LABEL[v]} ${counts[v]}`).join(" · ")}`,
};

/** `/shutdown verify` and `/shutdown accept`, and `npm run verify`. */
export const verifyReplyTexts = {
  header: (scope: string, at: Date) => `核查 ${scope}（${when(at)}）`,
  scopeAll: (domains: number) => `全部 ${domains} 个域名`,
  offline: `${OFFLINE_NOTICE}：这次核查的结果都是「无法判断」，不会记为不符。`,
  domainHead: (domain: string, unitName: string) => `*${domain}*（${unitName}）`,
  task: (task: VerifiedTask, verification: Verification, summary: string, reportedDone: boolean) =>
    `• ${VERIFIED_TASK_LABEL[task]}：${shownVerdict(verification, reportedDone)} — ${summary}`,
  /** A domain in one line and its evidence under it, for a pass over many. */
  domainLine: (domain: string, unitName: string, tasks: readonly { task: VerifiedTask; verification: Verification; reportedDone: boolean }[], summary: string) =>
    `*${domain}*（${unitName}）${tasks.map((t) => `${VERIFIED_TASK_SHORT[t.task]} ${shownVerdict(t.verification, t.reportedDone)}`).join(" · ")}\n　${summary}`,
  evidence: (probe: string, asked: string, of: string, answer: string, ms: number) => `${probe.toUpperCase()} ${asked} @ ${of} → ${answer}（${Math.round(ms)} 毫秒）`,
  icpFilled: (unitName: string, icp: string) => `已从网站页脚读到 ${unitName} 的备案号 ${icp}，登记为备案号。`,
  icpDiffers: (unitName: string, onRecord: string, found: string) => `注意：${unitName} 登记的备案号是 ${onRecord}，网站页脚显示的是 ${found}。`,
  counts: (counts: Record<Verification | "present", number>) =>
    (["confirmed", "contradicted", "present", "inconclusive", "unverified"] as const)
      .map((v) => `${v === "present" ? STILL_THERE : VERIFICATION_LABEL[v]} ${counts[v]}`)
      .join(" · "),
  moreNotes: (n: number) => `…另有 ${n} 条备案号记录，见各单位详情（/shutdown unit <单位>）。`,
  disabled: "核查已关闭（VERIFY=off）：机器人不上网核查。",
  accepted: (unitName: string, itemLabel: string, reason: string) => `已记录：${unitName} ${itemLabel} 由协调人认可为已完成（${reason}）。核查结果不再提醒联系人。`,
  acceptedAgain: (unitName: string, itemLabel: string) => `${unitName} ${itemLabel} 之前已由协调人认可；理由已更新。`,
  whichDomain: (unitName: string, domains: readonly string[]) => `${unitName} 有 ${domains.length} 个域名，请写明是哪一个，例如：/shutdown accept ${unitName} domain ${domains[0]} 理由`,
  unknownDomain: (unitName: string, domain: string, domains: readonly string[]) => `${unitName} 没有域名 ${domain}；它的域名是：${domains.join("、")}`,
};

/** The line `npm run verify` prints per domain. */
export const verifyCliTexts = {
  line: (domain: string, unitKey: string, verdicts: string, summary: string) => `${domain}\t${unitKey}\t${verdicts}\t${summary}`,
  verdicts: (site: Verification, unbind: Verification, domain: Verification) =>
    `网站 ${VERIFICATION_LABEL[site]} · 解绑 ${VERIFICATION_LABEL[unbind]} · 域名 ${VERIFICATION_LABEL[domain]}`,
  done: (domains: number, seconds: number, dryRun: boolean) => `核查了 ${domains} 个域名，用时 ${seconds.toFixed(1)} 秒${dryRun ? "（试运行：没有保存，也没有发送消息）" : ""}。`,
  unknownDomain: (domain: string) => `没有域名 ${domain}。请用 npm run units 查看各单位的域名。`,
  disabled: "VERIFY=off：核查已关闭。去掉 VERIFY=off（或设为 on）再运行。",
  offline: `${OFFLINE_NOTICE}：没有任何解析服务器或 WHOIS 服务器应答，结果都是「无法判断」。`,
};
