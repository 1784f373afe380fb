// What the bot's log says about its own health at start and when something breaks. Chinese first,
// then English for whoever runs the server.

export const healthTexts = {
  notInChannel: (channel: string) =>
    `机器人不在协调人频道 ${channel} 中：日报、提醒升级和加入申请都发不出去。请在该频道输入 /invite @关停协调 把机器人拉进频道。` +
    ` / The bot is not a member of DIGEST_CHANNEL_ID ${channel}: digests, escalations and join requests cannot be posted. Invite it with /invite.`,
  channelNotFound: (channel: string) =>
    `找不到协调人频道 ${channel}（频道 ID 写错了，或频道已删除）。请检查 DIGEST_CHANNEL_ID。 / DIGEST_CHANNEL_ID ${channel} does not exist for the bot.`,
  channelUnreachable: (channel: string, error: string) =>
    `暂时无法确认机器人是否在协调人频道 ${channel} 中（${error}），稍后会再检查。 / Could not check DIGEST_CHANNEL_ID ${channel} (${error}); will check again.`,
  channelUnset: "没有设置 DIGEST_CHANNEL_ID：日报和提醒升级不会发送。 / DIGEST_CHANNEL_ID is not set: no digest or escalation is posted.",
  channelOk: (channel: string) => `机器人在协调人频道 ${channel} 中。 / The bot is a member of ${channel}.`,
};
