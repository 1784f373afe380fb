// Every text the sandbox terminal prints of its own: Chinese first, English after where it helps a newcomer.

export const TERMINAL_COMMANDS = [
  ["/shutdown …", "以当前身份发送斜杠命令", "send a slash command as the current user"],
  [":as <user|unit>", "切换身份；写单位则切换到它的第一位联系人", "act as a user, or as a unit's first contact"],
  [":users", "列出用户、所属单位和协调员", "list users, their units, coordinators"],
  [":dm [user]", "查看私信（默认当前用户）", "read a user's direct messages"],
  [":channel [channel]", "查看频道消息（默认协调频道）", "read a channel (default: the coordinators')"],
  [":click <n>", "按下最近显示的第 n 个按钮", "press button n of the last message shown"],
  [":now <YYYY-MM-DD HH:mm>", "调整机器人的时钟（北京时间），并运行期间到点的定时任务", "move the bot's clock and run the jobs that fell due"],
  [":remind", "现在运行一次提醒（与定时提醒相同）", "run the reminder pass now, as the cron does"],
  [":digest", "现在运行当天的日报（每天只发一次）", "run the day's digest now (once a day)"],
  [":export [csv|json]", "打印状态导出", "print the status export"],
  [":batch add|list|close …", "同 npm run batch（按沙盒时钟）：新建、列出、结束批次", "npm run batch on the sandbox's store and clock"],
  [":verify", "现在核查一次全部域名（模拟互联网，与每小时的核查相同）", "run a verification pass against the simulated internet"],
  [":site <domain> down|up|404…", "改变模拟互联网：网站关停/恢复", "change the simulated internet: a site"],
  [":dns <domain> gone|back", "删除/恢复解析记录", "delete or restore its DNS records"],
  [":whois <domain> gone", "注册局删除该域名", "the registry drops the domain"],
  [":help", "显示本帮助", "this help"],
  [":quit", "退出", "leave"],
] as const;

export const sandboxMessages = {
  help: (): string[] => [
    "沙盒命令 / sandbox commands:",
    ...TERMINAL_COMMANDS.map(([cmd, zh, en]) => `  ${cmd.padEnd(26)}${zh} / ${en}`),
    "提示：在 /shutdown 命令里写 @王芳 或 @wangfang，会像 Slack 一样变成提及。以 # 开头的行是注释。",
    "Tip: @name in a /shutdown command becomes a mention, as Slack does. Lines starting with # are comments.",
  ],

  intro: (o: { dbPath: string; clock: string; coordinator: string; samples: string[]; rehearsalStart: string; sampleUnit: string }): string[] => [
    "关停协调机器人 · 沙盒：真实的机器人，本地模拟的 Slack，不连接任何工作区。",
    "Sandbox: the real bot against a local Slack stand-in; no Slack workspace needed.",
    `数据 store: ${o.dbPath}（--fresh 重新开始 / start over）  时钟 clock: ${o.clock}（北京时间）`,
    `你以协调员身份开始 you start as a coordinator: ${o.coordinator}。示例联系人 sample contacts: ${o.samples.join(" · ") || "（暂无 none）"}`,
    "先试试 / try first:",
    "  /shutdown overview                  全部单位总览 / every unit at a glance",
    `  :as ${o.sampleUnit}   然后 then   /shutdown status     以联系人身份查看清单 / act as a unit's contact`,
    "  /shutdown done column 栏目已上线     报告完成 / report an item done",
    `  :now ${o.rehearsalStart}               把时钟拨到演练开始 / move the clock to the rehearsal`,
    "  :help                               全部沙盒命令 / every sandbox command",
  ],

  prompt: (who: string) => `${who}> `,
  echo: (who: string, line: string) => `${who}> ${line}`,

  // parsing of terminal lines
  notACommand: (line: string) =>
    `看不懂「${line}」：命令以 / 或 : 开头，例如 /shutdown status 或 :help（commands start with / or :）`,
  unknownSlash: (word: string) => `沙盒只有 /shutdown 命令，收到「${word}」。例如：/shutdown status（only /shutdown is available）`,
  unknownTerminal: (word: string, suggestion?: string) =>
    `没有沙盒命令「:${word}」${suggestion ? `，你是不是要输入「:${suggestion}」？` : "。"}输入 :help 查看全部命令（unknown command; type :help）`,
  needsArgument: (usage: string) => `缺少参数，用法：${usage}`,
  noArguments: (name: string, extra: string) => `:${name} 不需要参数，多余的内容「${extra}」`,
  badButtonNumber: (text: string) => `按钮编号应为正整数，收到「${text}」。例如：:click 1`,
  badClockTime: (text: string) => `看不懂时间「${text}」，请写成 YYYY-MM-DD HH:mm（北京时间），例如 :now 2027-06-12 09:00`,
  badExportFormat: (text: string) => `导出格式只能是 csv 或 json，收到「${text}」`,

  // people
  actingAs: (who: string) => `现在的身份 now acting as：${who}`,
  newUser: (id: string) => `已在模拟工作区新建用户 ${id}（new user in the stand-in）`,
  unknownWho: (word: string, suggestion?: string) =>
    `没有用户或单位「${word}」${suggestion ? `，你是不是要找「${suggestion}」？` : "。"}输入 :users 查看用户。`,
  unitWithoutContact: (unit: string) =>
    `${unit}还没有联系人。先以协调员身份登记：/shutdown assign ${unit} @某人（or :as U0SOMEONE to make a new user）`,
  usersHeader: "用户 users（* 当前 current）:",
  coordinatorRole: "协调员",
  noUnits: "（未登记）",

  // what the bot did
  ephemeralReply: "↩ 仅你可见 (ephemeral reply)",
  emptyAck: "↩ 已确认，无回复内容 (acknowledged, nothing to show)",
  httpFailure: (status: number, body: string) => `✗ 机器人回应 HTTP ${status}${body ? `：${body}` : ""}`,
  clickUnhandled: "机器人没有处理这个按钮（the bot did not handle this button）",
  noResponse: "（机器人没有再发消息 / nothing more from the bot）",
  responseUrlReply: (kind: string) => `↩ response_url ${kind}`,
  responseKinds: { ephemeral: "仅你可见", inChannel: "发到频道", replace: "替换原消息", delete: "删除原消息" },
  dmArrived: (who: string) => `✉ 私信 → ${who} (DM)`,
  channelArrived: (channel: string) => `# ${channel} 新消息 (channel post)`,
  messageUpdated: (where: string) => `✎ ${where} 的消息已更新 (message updated)`,
  ephemeralArrived: (who: string, where: string) => `↩ 仅 ${who} 可见，在 ${where} (ephemeral)`,

  // reading
  nothingYet: (where: string) => `${where}：还没有消息（no messages yet）`,
  showingLast: (shown: number, total: number) => `共 ${total} 条，显示最近 ${shown} 条（${total} messages, last ${shown} shown）`,
  dmTitle: (who: string) => `与 ${who} 的私信 (DM with ${who})`,
  unknownChannel: (word: string, known: string[]) => `没有频道「${word}」，可选：${known.join("、")}`,

  // buttons
  noButtons: "最近显示的消息里没有按钮（no buttons shown yet）",
  noSuchButton: (n: number, max: number) => `没有第 ${n} 个按钮，最近显示的按钮是 1–${max}`,
  clicking: (text: string, actionId: string) => `按下 [${text}]（${actionId}）`,

  // clock and jobs
  clockMoved: (from: string, to: string) => `时钟 ${from} → ${to}（北京时间 / Asia/Shanghai）`,
  clockBackwards: "时钟往回拨，不运行定时任务（clock moved back; no jobs run）",
  noJobsDue: "期间没有到点的定时任务（no jobs fell due）",
  jumped: (days: number) =>
    `时钟前进了 ${days} 天，超过 7 天：如同机器人这段时间没有运行，只补运行今天错过的任务（as if the bot had been off; only today's missed runs are made up）`,
  jobRunning: (at: string, job: "reminders" | "digest") => `⏰ ${at} ${job === "reminders" ? "提醒 (reminder pass)" : "日报 (digest)"}`,
  verifyRunning: (at: string) => `🔍 ${at} 核查 (verification pass)`,
  verifySummary: (domains: number, items: number, counts: string, offline: boolean) => `核查了 ${domains} 个域名（${items} 项）：${counts}${offline ? "（核查无法访问外网）" : ""}`,
  world: (text: string) => `🌐 ${text}`,
  noWorld: "沙盒没有模拟互联网（no simulated internet）。",
  remindSummary: (sent: number, already: number, failed: string[]) =>
    [
      `提醒已发送 ${sent} 条`,
      ...(already > 0 ? [`今天已发送过 ${already} 条，不重复发送`] : []),
      ...(failed.length > 0 ? [`未能发送 ${failed.length} 条：${failed.join("；")}`] : []),
    ].join("，") + "。",
  digestPosted: (day: string) => `${day} 的日报已发布到协调频道。`,
  sendFailed: (failed: string[]) => `未能发送：${failed.join("；")}（保留待发，下次运行时重试）`,
  modalOpened: "▣ 机器人打开了一个表单（沙盒不能提交表单，请改用 /shutdown 命令）/ a modal opened; the sandbox cannot submit it",

  // script mode
  lineFailed: (lineNo: number) => `✗ 第 ${lineNo} 行未能执行（line ${lineNo} could not be run）`,
  scriptSummary: (failed: number[]) => `${failed.length} 行未能执行：第 ${failed.join("、")} 行（${failed.length} line(s) failed）`,
  bye: "再见。沙盒数据保留在 store 中，下次继续（bye; the store keeps the sandbox's data）",

  // start
  badArgs: (problem: string) =>
    `参数有误：${problem}\n用法 usage: npm run sandbox -- [--db PATH] [--fresh]`,
  assignFailed: (unit: string, reply: string) => `示例联系人登记失败（${unit}）：${reply}`,
};
