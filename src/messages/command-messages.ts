// Every text a /shutdown user reads. Chinese; wording can be reviewed here without touching logic.
import type { ItemState, TaskKey } from "../domain/model/tasks.ts";

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
  backup: "自行备份需要迁移的数据，并与区电子政务中心约定迁移时间",
  site: "在关停时间段内彻底关停原网站",
  unbind: "在 web 服务器上取消域名与网站的绑定",
  domain: "到域名注册机构注销域名；不能注销的，删除域名解析记录",
  icp: "注销备案号并取消接入服务",
  ipicp: "二级域名下的网站系统临时改用 IP 地址访问，并自行到电信运营商办理 IP 备案",
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

/** One line of help: what to type, and what it means. */
export type HelpExample = readonly [command: string, meaning: string];

/** How a report is written, for people: no notation, an example. Only in help. */
export const HELP_GRAMMAR = "写法：/shutdown 做到哪一步 哪一项 [备注]，例如「/shutdown 完成 栏目 已套用统一模板」；顺序随意，「/shutdown 栏目 完成」「/shutdown 栏目已上线」也可以。";

export const HELP_REPORT_EXAMPLES: readonly HelpExample[] = [
  ["栏目已上线", "过渡栏目已在网站群上线"],
  ["完成 备份", "需要迁移的数据已备份；没有数据要迁移：「无需迁移」"],
  ["网站已关停", "原网站已彻底关停（6月21日—23日）"],
  ["解绑 完成", "已在 web 服务器上取消域名与网站的绑定"],
  ["域名 已注销", "域名已注销；不能注销、已删除解析记录：「完成 域名 解析」"],
  ["备案 提交", "已提交备案注销申请；办完后：「完成 备案」"],
  ["已送达", "区电信接入的：附件4申请表已签字盖章送到中心（中心受理、提交管局、完成由中心登记）"],
  ["等待 备案 7月10日 工信部审核中", "要等别人办理：写上预计完成日期，到期前不催办"],
  ["遇到问题 备案 等待电信回复", "遇到问题，写明原因，协调员会帮你协调"],
  ["不适用 IP备案 没有二级域名系统", "不需要做的事项，写明原因（网站关停、域名注销不能不适用）"],
];

export const HELP_VIEW_EXAMPLES: readonly HelpExample[] = [
  ["状态", "本单位的清单、截止时间和下一步"],
  ["表单", "在表单里一次填写整个清单和单位情况"],
  ["申请表", "区电信接入的：把填好的附件4申请表（Word）发到你的私信"],
];

export const HELP_FACT_EXAMPLES: readonly HelpExample[] = [
  ["设置 接入商 本地电信", "接入服务商是区电信运营商，由中心代办备案注销（不是：「设置 接入商 其他」）"],
  ["设置 备案号 苏ICP备12345678号", "登记备案号（有两个备案号的，在后面写上它包含的域名）"],
  ["设置 主办单位 常州市金坛区档案局", "备案的主办单位名称（与公章一致）；申请表上的注销原因：「设置 注销原因 …」"],
  ["设置 二级域名 没有", "没有二级域名系统：IP备案自动改为不适用"],
  ["设置 迁移 没有", "没有数据需要迁移：数据备份/迁移自动改为不适用"],
  ["设置 电话 0519-82900326", "你的联系电话（邮箱：「设置 邮箱 name@example.gov.cn」）"],
];

export const HELP_COORDINATOR_EXAMPLES = (year: number): readonly HelpExample[] => [
  ["档案局 完成 关停", "代任一单位报告：在命令前写单位名"],
  ["指派 档案局 @王芳", "登记联系人，对方会收到欢迎私信（取消：「取消指派 档案局 @王芳」）"],
  ["总览", "全部单位一览"],
  ["单位 档案局", "一个单位的详情和最近 10 条记录"],
  ["截止时间", "查看截止时间"],
  [`截止 shutdown ${year}-06-25 18:00`, "修改截止时间（北京时间），有未完成事项的联系人会收到私信"],
  ["协调员 添加 @李强", "添加协调员（移除：「协调员 移除 @李强」）"],
  ["简报", "立即在协调员频道发布简报（只给自己看：「简报 预览」）"],
  ["导出", "把进度表（Excel）发到你的私信（CSV：「导出 csv」）"],
  ["申请表汇总", "中心代办的备案注销，按步骤列出，可点 已受理 / 已提交管局 / 完成（合并打印版：「申请表汇总 文件」）"],
  ["档案局 icp 已受理", "登记中心的步骤（已受理、已提交管局、完成）"],
  ["核查 档案局", "机器人现在上网核查网站、解析、解绑和注册局，回复证据（全部域名：「核查」）"],
  ["认可 档案局 关停 已现场确认关停", "核查无法判断时（内网、防火墙），由协调员认可为已完成，记入审计"],
];

export const HELP_TEXTS = {
  title: "/shutdown 怎么用",
  report: "*报告进度*",
  view: "*查看*",
  facts: "*单位情况*",
  coordinator: "*协调员*",
  words: "事项可以写：栏目 · 备份 · 关停 · 解绑 · 域名 · 备案 · IP备案；也可以用英文：/shutdown done column、/shutdown status。",
  severalUnits: (units: string[]) => `你负责 ${units.length} 个单位（${units.join("、")}），命令前要写单位名，例如上面的「/shutdown ${units[0]} 状态」。`,
  fallback: "网站关停协调机器人的用法和例子。",
};

export const TASK_WORDS_HELP = "事项：栏目 · 备份 · 关停 · 解绑 · 域名 · 备案 · IP备案";

export const msg = {
  /** A reason to show in an example, fitting the task. */
  exampleReason: (state: ItemState, task: TaskKey) =>
    state === "blocked"
      ? task === "icp"
        ? "等待电信回复"
        : "原因"
      : ({ backup: "没有数据需要迁移", ipicp: "没有二级域名系统", icp: "备案属于上级域名的主办单位" } as Partial<Record<TaskKey, string>>)[task] ?? "原因",
  helpHint: "输入 /shutdown 帮助 查看例子。",
  noteTooLong: (max: number, length: number) => `备注或原因最多 ${max} 个字，这次写了 ${length} 个字，没有记录。请缩短后再提交。`,
  noteTooLongHint: (unit: string, state: string, task: string, max: number) => `例如：/shutdown ${unit} ${state} ${task} <不超过 ${max} 字的说明>`,
  nameTooLong: (max: number, length: number) => `最多 ${max} 个字，这里有 ${length} 个字`,
  unknownWord: (word: string, suggestion?: string) =>
    suggestion ? `没看懂「${word}」，你是不是要写「${suggestion}」？` : `没看懂「${word}」。`,
  unknownUnit: (word: string, suggestion?: string) =>
    suggestion ? `未找到单位「${word}」，你是不是要找「${suggestion}」？` : `未找到单位「${word}」。单位可写名称（如 档案局）、简称（jtda）或域名。`,
  ambiguousUnit: (word: string, names: string[]) => `「${word}」可能是 ${names.length} 个单位（${names.join("、")}），请写全单位名称。`,
  missingTask: (state: ItemState | "waiting") =>
    `请写明是哪一项（栏目、备份、关停、解绑、域名、备案、IP备案），例如：/shutdown ${state} ${state === "waiting" ? "icp 7月10日 工信部审核中" : state === "na" ? "backup 没有数据需要迁移" : state === "blocked" ? "icp 等待电信回复" : "column"}`,
  missingState: (task: TaskKey) =>
    `「${TASK_LABEL[task]}」怎么样了？完成了请输入：/shutdown done ${task}　正在办：/shutdown doing ${task}`,
  unknownState: (word: string, task: TaskKey, suggestion?: string) =>
    `没看懂「${TASK_LABEL[task]}」后面的「${word}」${suggestion ? `，你是不是要写「${suggestion}」？` : "。"}完成了请输入：/shutdown done ${task}`,
  unknownTask: (word: string, suggestion?: string) =>
    `不认识事项「${word}」${suggestion ? `，你是不是要写「${suggestion}」？` : "。"}事项可以写：栏目、备份、关停、解绑、域名、备案、IP备案。`,
  whichTask: (word: string, tasks: readonly TaskKey[]) =>
    `「${word}」是指哪一项？${tasks.map((t) => `${TASK_LABEL[t]}：/shutdown done ${t}`).join("　")}`,
  phraseContradiction: (word: string, task: TaskKey) =>
    `「${word}」和「${TASK_LABEL[task]}」对不上，请检查命令。「${TASK_LABEL[task]}」完成了请输入：/shutdown done ${task}`,
  waitingNeedsDate: (task: TaskKey, got?: string) =>
    `${got ? `看不懂日期「${got}」。` : ""}请写上预计完成的日期，例如：/shutdown waiting ${task} 7月10日 工信部审核中`,
  reasonRequired: (state: ItemState, task: TaskKey, example: string) => `「${STATE_LABEL[state]}」需要写明原因，例如：/shutdown ${state} ${task} ${example}`,
  naForbidden: (task: TaskKey) =>
    `「${TASK_LABEL[task]}」是每个单位都必须完成的事项，不能标记为不适用。遇到困难请输入：/shutdown blocked ${task} 原因`,
  missingUnitArg: (command: string) => `请写明单位，例如：/shutdown ${command} 档案局`,
  missingUser: (command: string) => `请 @ 要操作的人，例如：/shutdown ${command} @王芳`,
  badUser: (word: string) => `「${word}」不是 Slack 用户，请直接 @ 对方（例如 @王芳）。`,
  setUsage:
    "可以设置：接入商（/shutdown set provider local 是区电信运营商，other 是其他）· 备案号（/shutdown set icp 苏ICP备12345678号）· 主办单位（/shutdown set sponsor 常州市金坛区档案局）· 注销原因（/shutdown set reason …）· 二级域名（/shutdown set secondlevel no）· 数据迁移（/shutdown set migrate no）· 电话（/shutdown set phone 0519-82900326）· 邮箱（/shutdown set email name@example.gov.cn）",
  setMissingValue: (field: string) => `请写明要设置的值，例如：/shutdown set ${field} ${field === "provider" ? "local" : field === "icp" ? "苏ICP备12345678号" : field === "sponsor" ? "常州市金坛区档案局" : field === "reason" ? "本单位网站已整合至区政府网站群并关停，申请注销备案号并取消接入服务。" : field === "phone" ? "0519-82900326" : field === "email" ? "name@example.gov.cn" : "no"}`,
  deadlineUsage: "请写明哪个截止时间和改到什么时候（北京时间），例如：/shutdown deadline shutdown 2027-06-25 18:00（transition 是过渡栏目上线，shutdown 是网站关停）",
  badDateTime: (text: string) => `看不懂时间「${text}」，请写成 2027-06-25 或 2027-06-25 18:00（北京时间）`,
  verifyUsage: (word: string) => `「${word}」不是单位名，也不是本次关停的域名。请输入 /shutdown verify（全部）、/shutdown verify 档案局 或 /shutdown verify jtda.gov.cn`,
  acceptUsage: "请写明单位、事项和理由，例如：/shutdown accept 档案局 site 防火墙屏蔽了外网访问，已现场确认关停",
  notVerifiedTask: (task: string) => `「${task}」不是核查的事项：只有 site（网站关停）、unbind（解除绑定）、domain（域名注销）由机器人上网核查。例如：/shutdown accept 档案局 site 已现场确认关停`,
  coordinatorUsage: "请写明添加还是移除，例如：/shutdown coordinator add @李强 或 /shutdown coordinator remove @李强",
  tooManyWords: (extra: string) => `多余的内容「${extra}」，请检查命令。`,
};
