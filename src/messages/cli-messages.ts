// What the command-line tools say to the person running them. Chinese.

export const cliTexts = {
  /** What node:util parseArgs refused, said in Chinese (src/cli/args-problem.ts). */
  unknownOption: (option: string) => `不认识的选项 ${option}。`,
  optionNeedsValue: (option: string) => `选项 ${option} 后面要写一个值。`,
  optionTakesNoValue: (option: string) => `选项 ${option} 后面不要写值（写 ${option} 即可）。`,
  unexpectedArgument: (arg: string) => `多了一个参数「${arg}」：这里只接受以 -- 开头的选项。`,
  badArguments: (detail: string) => `命令行参数不对（${detail}）。`,
  seeUsage: "各命令的用法见 README 的「Command-line tools (for coordinators)」一节。",
  stopping: (signal: string) => `收到 ${signal}：发完手上这一条就停止，其余保留待发，下次运行时发送。再按一次 Ctrl-C 立即退出。`,
  badExportFormat: (got: string) => `--format 只能是 csv、json 或 xlsx（收到「${got}」）。例如：npm run export -- --format xlsx`,
  workbookWritten: (file: string, units: number, items: number) => `已写入 ${file}（${units} 个单位，${items} 项）。`,
  needsToken: "需要 SLACK_BOT_TOKEN（xoxb- 开头；测试或沙盒另需 SLACK_API_URL）才能发送。只想看看会发什么，请加 --dry-run。",
  remindUsage: [
    "用法：npm run remind -- [--now 时间] [--dry-run]",
    "  --now      以这个时间执行一次提醒，ISO 8601，例如 2027-06-21T09:00:00+08:00（不写时区按北京时间）；默认现在",
    "  --dry-run  只显示将发送的消息，不发送、不写入任何数据",
  ].join("\n"),
  badNow: (got: string | undefined) => `--now 看不懂「${got}」，例如 2027-06-21T09:00:00+08:00`,
  passReport: (r: { day: string; planned: number; sent: number; alreadySent: number; elsewhere: number; left: number; refused: number }) =>
    `${r.day}：计划 ${r.planned} 条，本次发送 ${r.sent} 条，之前已发送 ${r.alreadySent} 条，` +
    `另一进程正在发送 ${r.elsewhere} 条，未能发送 ${r.left} 条${r.left > 0 ? "（保留待发，下次提醒时重试）" : ""}` +
    `${r.refused > 0 ? `，被 Slack 拒收 ${r.refused} 条（不再重试，将写入下一份日报）` : ""}。`,
  digestUsage: [
    "用法：npm run digest -- [--now 时间] [--dry-run]",
    "  --now      以这个时间生成当天的日报，ISO 8601，例如 2027-06-21T17:00:00+08:00；默认现在",
    "  --dry-run  只显示日报内容，不发送、不写入任何数据",
  ].join("\n"),
  digestCsvAttached: (fileName: string) => `（将附上完整进度表 CSV：${fileName}）`,
  digestRefused: (error: string | undefined) => `日报被 Slack 拒收（${error}），不再重试；已私信通知协调员。`,
  digestLeft: (errors: (string | undefined)[]) => `日报未能发送：${errors.join("；")}（保留待发，下次重试）`,
  digestSent: (day: string) => `${day} 的日报已发送。`,
  unitsUsage: [
    "用法 / usage:",
    "  npm run units -- export [--format csv|json]   导出单位、域名、联系人与情况",
    "  npm run units -- import FILE.csv              导入（先全部校验，全部成功才写入）",
  ].join("\n"),
  badUnitsFormat: (got: string) => `--format 只能是 csv 或 json（收到「${got}」）`,
  fileNotFound: (file: string) => `找不到文件「${file}」`,
  importRefused: (problems: number) => `导入失败，未写入任何数据。请修改以下 ${problems} 处后重新导入：`,
  importDone: (units: number, changed: number, changes: number) => `导入完成：${units} 个单位，其中 ${changed} 个有变化，共 ${changes} 处修改（已记入审计日志）。`,
  welcomesSent: (sent: number, left: number) =>
    `已私信 ${sent} 位新联系人，告诉他们负责的单位和清单。` + (left > 0 ? `另有 ${left} 条暂未发出，机器人下一次提醒时补发。` : ""),
  welcomesQueued: (n: number) => `${n} 位新联系人的欢迎私信已排好，机器人下一次提醒时发出（未设置 SLACK_BOT_TOKEN，本命令不发消息）。`,
  seedComplete: "种子数据已齐全，没有新增。 / Seed already complete: nothing added.",
  seedAdded: (a: { units: number; domains: number; items: number; deadlines: number }) =>
    `已新增 / added: ${a.units} 个单位, ${a.domains} 个域名, ${a.items} 个事项, ${a.deadlines} 个截止时间`,
};

/** What `npm start` says at start and stop; the credentials line in Chinese and English. */
export const startTexts = {
  missingCredentials: (missing: string[]) =>
    [
      `缺少 Slack 凭据：${missing.join("、")}。请在 .env 中填写（见 README「创建 Slack 应用」）；没有 Slack 应用时可先运行 npm run sandbox 体验。`,
      `Missing Slack credentials: ${missing.join(", ")}. Set them in .env (see README, "Creating the Slack app"), or try the bot without Slack: npm run sandbox.`,
    ].join("\n"),
  startedSocketMode: "关停协调机器人已启动（Socket Mode）。",
  startedHttp: (host: string, port: number) => `关停协调机器人已启动：http://${host}:${port}/slack/events （健康检查 /healthz）`,
  stopping: (signal: string) => `${signal}：正在停止…`,
};
