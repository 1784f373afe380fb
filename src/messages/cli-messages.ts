// What the command-line tools say to the person running them. Chinese.

export const cliTexts = {
  stopping: (signal: string) => `收到 ${signal}：发完手上这一条就停止，其余保留待发，下次运行时发送。再按一次 Ctrl-C 立即退出。`,
  badExportFormat: (got: string) => `--format 只能是 csv、json 或 xlsx（收到「${got}」）。例如：npm run export -- --format xlsx`,
  workbookWritten: (file: string, units: number, items: number) => `已写入 ${file}（${units} 个单位，${items} 项）。`,
};
