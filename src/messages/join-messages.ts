// Joining a unit as its contact. Chinese.
import { md, mention } from "./mrkdwn.ts";

export const joinMessages = {
  alreadyContact: (unit: string) => `你已经是${unit}的联系人，无需申请。输入 /shutdown status 查看清单。`,
  alreadyPending: (unit: string) => `你已申请成为${unit}的联系人，正在等待协调员审批。`,
  noChannel: "暂未配置协调员频道，无法提交申请。请直接联系区电子政务中心内容保障科（82900326）。",
  submitted: (unit: string) => `已提交申请：成为${unit}的联系人。协调员审批后会私信通知你。`,
  coordinatorsOnly: "只有协调员可以审批加入申请。",
  notFound: "这条申请已不存在。",
  alreadyDecided: "这条申请已经处理过了。",
  requestText: (userId: string, unit: string) => md`${mention(userId)} 申请成为 *${unit}* 的联系人。`,
  decidedText: (userId: string, unit: string, approved: boolean, by: string) =>
    md`${mention(userId)} 申请成为 *${unit}* 的联系人：${approved ? "✅ 已批准" : "❌ 已拒绝"}（${mention(by)}）`,
  rejectedDm: (unit: string) => `你成为${unit}联系人的申请未获批准。如有疑问请联系区电子政务中心内容保障科（82900326）。`,
};
