// Every text a /shutdown user reads. Chinese; wording can be reviewed here without touching logic.
import type { ItemState, TaskKey } from "../domain/tasks.ts";

export const TASK_LABEL: Record<TaskKey, string> = {
  column: "过渡栏目",
  backup: "数据备份/迁移",
  site: "网站关停",
  unbind: "解除绑定",
  domain: "域名注销",
  icp: "备案注销",
  ipicp: "IP备案",
};

export const TASK_WHAT: Record<TaskKey, string> = {
  column: "在网站群平台开设过渡栏目（统一模板，页头放单位标识，栏目路径格式命名）",
  backup: "自行备份需迁移的数据，并与区电子政务中心约定迁移；无需迁移则标记不适用",
  site: "6月21日—23日彻底关停原网站",
  unbind: "在 web 服务器上取消域名与网站的绑定",
  domain: "到域名注册机构注销域名；不能注销的，删除域名解析记录",
  icp: "注销备案号并取消接入服务",
  ipicp: "二级域名系统改用 IP 访问，并到电信运营商办理 IP 备案；没有二级域名系统则标记不适用",
};

export const STATE_LABEL: Record<ItemState, string> = {
  todo: "未开始",
  doing: "进行中",
  done: "已完成",
  blocked: "受阻",
  na: "不适用",
};

export const STATE_ICON: Record<ItemState, string> = {
  todo: "⬜",
  doing: "🔄",
  done: "✅",
  blocked: "⛔",
  na: "➖",
};

export const METHOD_LABEL = { cancelled: "已注销", dns_removed: "已删除解析" } as const;

export const USAGE_LINE = "用法：/shutdown [单位] status | done|doing|todo <事项> [域名] [备注] | blocked <事项> <原因> | na <事项> <原因> | set … | help";

export const HELP_EXAMPLES = [
  ["/shutdown status", "查看本单位清单、截止时间和下一步"],
  ["/shutdown done column", "过渡栏目已上线"],
  ["/shutdown doing site 已联系服务商", "网站关停进行中，附备注"],
  ["/shutdown done domain jtda.gov.cn", "域名已注销"],
  ["/shutdown done domain jtda.gov.cn dns", "域名不能注销，已删除解析记录"],
  ["/shutdown blocked icp 等待电信回复", "遇到问题，写明原因"],
  ["/shutdown na backup 无数据需要迁移", "不适用，写明原因（关停、域名、备案不能不适用）"],
  ["/shutdown set provider local", "接入服务商是区电信运营商（other：其他）"],
  ["/shutdown set icp 苏ICP备12345678号", "登记备案号"],
  ["/shutdown set secondlevel yes", "有二级域名系统（no：没有）"],
  ["/shutdown set migrate no", "没有数据需要迁移（yes：有）"],
  ["/shutdown set phone 0519-82900326", "登记联系电话（email：邮箱）"],
  ["/shutdown form", "在表单中一次填写整个清单和单位情况"],
] as const;

export const HELP_COORDINATOR_EXAMPLES = [
  ["/shutdown 档案局 done site", "代任一单位报告（所有单位命令前加单位名）"],
  ["/shutdown assign 档案局 @王芳", "指派联系人（unassign 取消）"],
  ["/shutdown overview", "全部单位总览"],
  ["/shutdown unit 档案局", "单位详情与最近 10 条记录"],
  ["/shutdown deadlines", "查看截止时间"],
  ["/shutdown deadline shutdown 2027-06-25 18:00", "修改截止时间（北京时间）"],
  ["/shutdown coordinator add @李强", "添加协调员（remove 移除）"],
  ["/shutdown digest", "立即在协调频道发布简报（digest preview 仅自己预览）"],
  ["/shutdown export", "把状态表 CSV 发到私信"],
] as const;

export const TASK_WORDS_HELP = "事项：column 栏目 · backup 备份 · site 关停 · unbind 解绑 · domain 域名 · icp 备案 · ipicp IP备案";
export const STATE_WORDS_HELP = "状态：todo 未开始 · doing 进行中 · done 完成 · blocked 受阻 · na 不适用";

export const msg = {
  noteTooLong: (max: number, length: number) => `备注或原因最多 ${max} 个字，这次写了 ${length} 个字，没有记录。请缩短后再提交。`,
  noteTooLongHint: (unit: string, state: string, task: string, max: number) => `例如：/shutdown ${unit} ${state} ${task} <不超过 ${max} 字的说明>`,
  nameTooLong: (max: number, length: number) => `最多 ${max} 个字，这里有 ${length} 个字`,
  unknownWord: (word: string, suggestion?: string) =>
    suggestion ? `没看懂「${word}」，你是不是要找「${suggestion}」？` : `没看懂「${word}」。`,
  unknownUnit: (word: string, suggestion?: string) =>
    suggestion ? `未找到单位「${word}」，你是不是要找「${suggestion}」？` : `未找到单位「${word}」。单位可写名称（如 档案局）、简称（jtda）或域名。`,
  missingTask: (state: string) => `请写明哪个事项，例如：/shutdown ${state} site`,
  unknownTask: (word: string, suggestion?: string) =>
    `不认识事项「${word}」${suggestion ? `，你是不是要写「${suggestion}」？` : "。"}`,
  reasonRequired: (state: ItemState) =>
    `「${STATE_LABEL[state]}」需要写明原因，例如：/shutdown ${state} ${state === "na" ? "backup 无数据需要迁移" : "icp 等待电信回复"}`,
  naForbidden: (task: TaskKey) => `「${TASK_LABEL[task]}」是每个单位都必须完成的事项，不能标记为不适用。遇到困难请用：/shutdown blocked ${task} <原因>`,
  missingUnitArg: (command: string) => `请写明单位，例如：/shutdown ${command} 档案局`,
  missingUser: (command: string) => `请 @ 要操作的人，例如：/shutdown ${command} @王芳`,
  badUser: (word: string) => `「${word}」不是 Slack 用户，请直接 @ 对方（例如 @王芳）。`,
  setUsage: "用法：/shutdown set provider local|other · icp <备案号> · secondlevel yes|no · migrate yes|no · phone <电话> · email <邮箱>",
  setMissingValue: (field: string) => `请写明要设置的值，例如：/shutdown set ${field} ${field === "provider" ? "local" : field === "icp" ? "苏ICP备12345678号" : field === "phone" ? "0519-82900326" : field === "email" ? "name@example.gov.cn" : "yes"}`,
  badProvider: (word: string) => `接入服务商只能是 local（本地电信，即区电信运营商）或 other（其他），收到「${word}」。`,
  badYesNo: (field: string, word: string) => `${field} 只能是 yes 或 no（是/否），收到「${word}」。`,
  deadlineUsage: "用法：/shutdown deadline <transition|shutdown> <YYYY-MM-DD[ HH:mm]>，例如 /shutdown deadline shutdown 2027-06-25 18:00",
  badDateTime: (text: string) => `看不懂时间「${text}」，请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:mm（北京时间），例如 2027-06-25 18:00`,
  unknownDeadline: (key: string, keys: string[]) => `没有截止时间「${key}」，可选：${keys.join("、")}`,
  coordinatorUsage: "用法：/shutdown coordinator add|remove @某人",
  tooManyWords: (extra: string) => `多余的内容「${extra}」，请检查命令。`,
};
