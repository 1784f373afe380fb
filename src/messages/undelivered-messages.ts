// What coordinators are told about messages Slack refused for good. Chinese.
import { channelLink, md, mention, type Mrkdwn } from "./mrkdwn.ts";

/** Why Slack refused, as a coordinator can act on it. */
export function undeliveredReason(code: string): string {
  switch (code) {
    case "not_in_channel":
      return "机器人不在该频道中，请在频道里输入 /invite @关停协调";
    case "channel_not_found":
      return "找不到该频道（频道 ID 有误或频道已删除），请检查 DIGEST_CHANNEL_ID";
    case "is_archived":
      return "该频道已归档";
    case "user_not_found":
    case "user_disabled":
      return "该用户不存在或已停用，请更换单位联系人";
    case "cannot_dm_bot":
      return "对方是机器人，不能发私信";
    case "invalid_blocks":
    case "invalid_blocks_format":
    case "msg_blocks_too_long":
    case "msg_too_long":
    case "invalid_arguments":
      return "消息内容不被 Slack 接受（过长或格式不对），请通知管理员";
    default:
      return "Slack 拒绝发送";
  }
}

const KIND_LABEL: Record<string, string> = {
  reminder: "提醒",
  escalation: "逾期提醒（协调人频道）",
  digest: "日报",
  "digest-now": "日报",
  "digest-file": "日报附件",
  "export-file": "导出文件",
  notice: "通知",
  welcome: "欢迎私信",
  "deadline-moved": "截止时间变化通知",
  "unit-done": "单位全部完成通知",
};

/** "reminder:2027-06-20:U0WANG" → 给 <@U0WANG> 的提醒（2027-06-20） */
export function undeliveredLine(entry: { key: string; kind: string; target: string; error: string }): Mrkdwn {
  const day = /\d{4}-\d{2}-\d{2}/.exec(entry.key)?.[0];
  const to = /^[UW]/.test(entry.target) ? mention(entry.target) : channelLink(entry.target);
  return md`• 给 ${to} 的${KIND_LABEL[entry.kind] ?? entry.kind}${day ? `（${day}）` : ""}：${undeliveredReason(entry.error)}（${entry.error}）`;
}

export const undeliveredTexts = {
  heading: (n: number) => md`*⚠️ 未能发送的消息（${n}）*　Slack 拒绝了这些消息，不会再重试：`,
  omitted: (n: number) => `…及其他 ${n} 条`,
  digestFailed: (channel: string, day: string, error: string) =>
    md`${day} 的网站关停日报没能发到 ${channelLink(channel)}：${undeliveredReason(error)}（${error}）。机器人不会再重试这一天的日报；问题解决后可输入 /shutdown digest 重新发布。`,
  alsoUndelivered: "此外，以下消息也没能发送：",
};
