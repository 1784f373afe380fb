// Text commands that change the simulated world, as a rehearsal types them:
//   site jtda.gov.cn down | dns jtda.gov.cn gone | whois jtda.gov.cn gone | unbind jtda.gov.cn …
// `help` lists them all.
import type { DefaultSite, PageMode, RegistryServerMode, ResolverMode, World } from "./world.ts";

export interface CommandResult {
  ok: boolean;
  text: string;
}

const PAGE_WORDS: Record<string, PageMode> = {
  "404": "not-found",
  "410": "gone",
  "503": "error",
  suspended: "suspended",
  notfiled: "not-filed",
  "not-filed": "not-filed",
  closed: "closed",
  expired: "expired",
  loop: "redirect-loop",
  away: "redirect-away",
  huge: "huge",
  slow: "slow",
  hang: "hang",
};

const PAGE_TEXT: Record<PageMode, string> = {
  up: "网站正常",
  "not-found": "所有页面 404",
  gone: "所有页面 410",
  error: "所有页面 503",
  suspended: "显示「网站暂停访问」页面",
  "not-filed": "显示「未备案」拦截页面",
  closed: "显示关停公告",
  expired: "显示「空间已到期」页面",
  "redirect-loop": "重定向循环",
  "redirect-away": "跳转到区政府网站群",
  huge: "首页 10 MB",
  slow: "极慢（每 250 毫秒 4 个字节）",
  hang: "收到请求后不应答",
};

const DEFAULT_SITES: DefaultSite[] = ["nginx", "bt-panel", "iis", "not-found", "bad-request"];
const RESOLVER_MODES: ResolverMode[] = ["answer", "servfail", "refused", "silent"];
const REGISTRY_MODES: RegistryServerMode[] = ["answer", "rate-limited", "silent", "off", "error"];

export const WORLD_HELP = [
  "site <域名> up|down|off|reset|silent|404|410|503|suspended|notfiled|closed|expired|loop|away|huge|slow|hang",
  "dns <域名> present|gone|nxdomain|nodata|ttl <秒>",
  "whois <域名> registered|gone",
  "unbind <域名> · bind <域名>",
  "server <域名> default nginx|bt-panel|iis|not-found|bad-request",
  "resolver <序号> answer|servfail|refused|silent|caching|nocaching",
  "registry whois|rdap answer|rate-limited|silent|off|error",
  "cache flush · clock +<秒> · show <域名>",
].join("\n");

function describe(world: World, name: string): string {
  const d = world.domain(name);
  const server = world.servers.get(d.address)!;
  const dns = d.dns === "present" ? `解析到 ${d.address}（TTL ${d.ttl}）` : d.dns === "nxdomain" ? "NXDOMAIN" : "解析记录已删除（NODATA）";
  const web = server.mode === "off" ? "服务器已关闭（连接被拒绝）" : server.mode !== "on" ? `服务器 ${server.mode}` : d.bound ? PAGE_TEXT[d.page] : `已解绑（默认站点 ${server.defaultSite}）`;
  return `${d.name}：${dns}；${web}；注册局：${d.registry === "registered" ? "已注册" : "无记录"}`;
}

export function applyWorldCommand(world: World, line: string): CommandResult {
  const [verb = "", ...args] = line.trim().split(/\s+/);
  const fail = (text: string): CommandResult => ({ ok: false, text });
  const has = (name: string | undefined) => name !== undefined && world.domains.has(name.toLowerCase());
  const need = (name: string | undefined) => (has(name) ? null : fail(`不认识的域名「${name ?? ""}」。`));
  try {
    switch (verb.toLowerCase()) {
      case "site": {
        const [name, word = ""] = args;
        const missing = need(name);
        if (missing) return missing;
        const d = world.domain(name!);
        const w = word.toLowerCase();
        if (w === "up") {
          world.setServer(d.address, { mode: "on" });
          world.update(d.name, { page: "up", bound: true });
        } else if (w === "down" || w === "off") world.setServer(d.address, { mode: "off" });
        else if (w === "reset" || w === "silent") world.setServer(d.address, { mode: w });
        else if (PAGE_WORDS[w]) {
          world.setServer(d.address, { mode: "on" });
          world.update(d.name, { page: PAGE_WORDS[w] });
        } else return fail(`site 后面应是 up、down、404、suspended 等，不是「${word}」。`);
        return { ok: true, text: describe(world, d.name) };
      }
      case "dns": {
        const [name, word = "", value] = args;
        const missing = need(name);
        if (missing) return missing;
        const w = word.toLowerCase();
        if (w === "present" || w === "back") world.update(name!, { dns: "present" });
        else if (w === "gone" || w === "nodata" || w === "deleted") world.update(name!, { dns: "nodata" });
        else if (w === "nxdomain") world.update(name!, { dns: "nxdomain" });
        else if (w === "ttl" && value && /^\d+$/.test(value)) world.update(name!, { ttl: Number(value) });
        else return fail("dns 后面应是 present、gone、nxdomain、nodata 或 ttl <秒>。");
        return { ok: true, text: describe(world, name!) };
      }
      case "whois": {
        const [name, word = ""] = args;
        const missing = need(name);
        if (missing) return missing;
        const w = word.toLowerCase();
        if (w !== "gone" && w !== "registered") return fail("whois 后面应是 registered 或 gone。");
        world.update(name!, { registry: w });
        return { ok: true, text: describe(world, name!) };
      }
      case "unbind":
      case "bind": {
        const missing = need(args[0]);
        if (missing) return missing;
        world.update(args[0]!, { bound: verb.toLowerCase() === "bind" });
        return { ok: true, text: describe(world, args[0]!) };
      }
      case "server": {
        const [name, word, kind] = args;
        const missing = need(name);
        if (missing) return missing;
        if (word !== "default" || !DEFAULT_SITES.includes(kind as DefaultSite)) return fail(`server <域名> default ${DEFAULT_SITES.join("|")}`);
        world.setServer(world.domain(name!).address, { defaultSite: kind as DefaultSite });
        return { ok: true, text: describe(world, name!) };
      }
      case "resolver": {
        const [which = "", word = ""] = args;
        const ids = [...world.resolvers.keys()];
        const id = /^\d+$/.test(which) ? ids[Number(which) - 1] : ids.find((i) => i === which);
        if (!id) return fail(`没有解析服务器「${which}」；共有 ${ids.length} 个（1…${ids.length}）。`);
        if (word === "caching" || word === "nocaching") world.setResolver(id, { caching: word === "caching" });
        else if (RESOLVER_MODES.includes(word as ResolverMode)) world.setResolver(id, { mode: word as ResolverMode });
        else return fail(`resolver <序号> ${RESOLVER_MODES.join("|")}|caching|nocaching`);
        const r = world.resolvers.get(id)!;
        return { ok: true, text: `解析服务器 ${id}：${r.mode}${r.caching ? "，缓存" : ""}` };
      }
      case "registry": {
        const [which = "", word = ""] = args;
        if ((which !== "whois" && which !== "rdap") || !REGISTRY_MODES.includes(word as RegistryServerMode)) {
          return fail(`registry whois|rdap ${REGISTRY_MODES.join("|")}`);
        }
        world.setRegistryServer(which, word as RegistryServerMode);
        return { ok: true, text: `${which}：${word}` };
      }
      case "cache":
        if (args[0] !== "flush") return fail("cache flush");
        world.flushCaches();
        return { ok: true, text: "解析缓存已清空。" };
      case "clock": {
        const m = /^\+(\d+)$/.exec(args[0] ?? "");
        if (!m) return fail("clock +<秒>");
        world.advance(Number(m[1]));
        return { ok: true, text: `模拟时钟前进 ${m[1]} 秒。` };
      }
      case "show": {
        const missing = need(args[0]);
        return missing ?? { ok: true, text: describe(world, args[0]!) };
      }
      case "help":
        return { ok: true, text: WORLD_HELP };
      default:
        return fail(`不认识的命令「${verb}」。\n${WORLD_HELP}`);
    }
  } catch (error) {
    return fail((error as Error).message);
  }
}
