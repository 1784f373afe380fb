// What the command-line tools say to the person running them. Chinese.

export const cliTexts = {
  stopping: (signal: string) => `收到 ${signal}：发完手上这一条就停止，其余保留待发，下次运行时发送。再按一次 Ctrl-C 立即退出。`,
};
