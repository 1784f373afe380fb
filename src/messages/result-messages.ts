// Replies to /shutdown: confirmations and refusals. Chinese.
import { STATE_LABEL, TASK_LABEL } from "./command-messages.ts";
import type { ItemState, TaskKey } from "../domain/model/tasks.ts";
import { channelLink, joinMd, md, mention } from "./mrkdwn.ts";

export const CENTER_CONTACT = "区电子政务中心内容保障科（市民中心C栋417室，电话 82900326）";

/** Coordinators' commands, as a contact refused one reads their name. */
const COMMAND_NAME: Record<string, string> = {
  assign: "指派联系人",
  unassign: "取消指派",
  overview: "总览",
  unit: "单位详情",
  deadlines: "截止时间",
  deadline: "修改截止时间",
  coordinator: "协调员",
  digest: "简报",
  export: "导出",
};

const FACT_LABEL: Record<string, string> = {
  localTelecom: "接入服务商",
  secondLevel: "二级域名系统",
  migrateData: "数据迁移",
  icpNumber: "备案号",
};

function factValue(field: string, value: string | boolean): string {
  if (field === "localTelecom") return value ? "区电信运营商（由区电子政务中心代办备案注销）" : "其他（自行办理备案注销）";
  if (typeof value === "boolean") return value ? "有" : "没有";
  return value;
}

export const accessMessages = {
  notRegisteredShort: "你还没有登记为任何单位的联系人。",
  notRegistered:
    `你还没有登记为任何单位的联系人，暂时不能报告进度。请联系${CENTER_CONTACT}，由协调员用「/shutdown assign <单位> @你」把你加入，或输入「/shutdown join <单位>」（例如 /shutdown join 档案局）申请加入。`,
  notYourUnit: (own: string[]) =>
    own.length > 0
      ? `你只能操作本单位（${own.join("、")}）的事项。如需代其他单位报告，请联系协调员。`
      : "你不是该单位的联系人，不能操作它的事项。",
  severalUnits: (own: string[], example: string) =>
    `你是 ${own.length} 个单位（${own.join("、")}）的联系人，请在命令前写明单位，例如：/shutdown ${own[0]} ${example}`,
  coordinatorNeedsUnit: (example: string) => `请在命令前写明单位，例如：/shutdown 档案局 ${example}`,
  coordinatorsOnly: (command: string) => `「${COMMAND_NAME[command] ?? command}」只有协调员可以使用。输入 /shutdown 帮助 查看你能用的命令。`,
  contactFieldOwnOnly: "电话和邮箱是联系人本人的信息，只能由本人设置；协调员请用 npm run units -- import 修改。",
};

export const resultMessages = {
  working: "正在处理，请稍候…",
  storeBusy: "系统繁忙，请稍后再试。这条命令没有执行，什么也没有改变。",
  failed: "处理失败，请稍后再试；若一直失败请联系协调员。",
  storeFault: "系统暂时无法保存（数据存储出错），这条命令没有保存，什么也没有改变。请稍后再试；若一直如此，请联系协调员。",
  storeMissing: "系统的数据文件已被删除或移走，这条命令没有保存。请立即联系协调员（管理员需恢复数据文件后重启机器人）。",
  timedOut: "处理超时，这条命令可能没有保存。请输入 /shutdown status 查看，必要时重新输入。",
  digestPosted: (channel: string) => md`已在 ${channelLink(channel)} 发布简报。`,
  exportSent: (format: "xlsx" | "csv") => (format === "xlsx" ? "进度表（Excel）已发到你的私信。" : "进度表（CSV）已发到你的私信。"),
  cannotSend: "现在无法发送消息，请稍后再试。",
  sendFailed: (error: string) => `发送失败（${error}），请稍后再试。`,
  duplicateRequest: "这条命令已经处理过了（Slack 重复送达），没有重复执行。",
  itemGone: "这个事项已不存在，请输入 /shutdown status 查看最新清单。",
  itemUnchanged: (unit: string, task: TaskKey, state: ItemState) =>
    `${unit}「${TASK_LABEL[task]}」已经是「${STATE_LABEL[state]}」，没有变化。`,
  factSet: (unit: string, field: string, value: string | boolean) =>
    `已记录：${unit} ${FACT_LABEL[field] ?? field} → ${factValue(field, value)}`,
  factAlreadySet: (unit: string, field: string, value: string | boolean) =>
    `${unit} ${FACT_LABEL[field] ?? field}本来就是「${factValue(field, value)}」，已按此更新清单：`,
  factUnchanged: (unit: string) => `${unit}的信息与原来相同，没有变化。`,
  contactSet: (field: string, value: string) => `已记录你的${field === "phone" ? "电话" : "邮箱"}：${value}`,
  assignment: (kind: "assign" | "unassign", unit: string, userId: string, changed: boolean) =>
    kind === "assign"
      ? changed
        ? md`已把 ${mention(userId)} 登记为${unit}的联系人，并已私信告诉对方要做的事和截止时间。`
        : md`${mention(userId)} 已经是${unit}的联系人，没有变化。`
      : changed
        ? md`已取消 ${mention(userId)} 的${unit}联系人身份。`
        : md`${mention(userId)} 不是${unit}的联系人，没有变化。`,
  unknownDeadline: (key: string, keys: string[]) => `没有截止时间「${key}」，可选：${keys.join("、")}。例如 /shutdown deadline ${keys[0]} 2027-06-25 18:00`,
  dueBeforeOpen: (title: string, opens: string) => `「${title}」从 ${opens} 开始，截止时间必须晚于开始时间。`,
  deadlineMoved: (title: string, from: string, to: string, told: number) =>
    `已修改「${title}」截止时间：${from} → ${to}（北京时间）。${told > 0 ? `已私信通知有未完成事项的 ${told} 位联系人。` : "没有需要通知的联系人。"}`,
  /** 「第二批 过渡栏目上线」: a deadline's title when there is more than one batch. */
  batchDeadlineTitle: (batchName: string, title: string) => `${batchName} ${title}`,
  deadlineUnchanged: (title: string) => `「${title}」截止时间与原来相同，没有变化。`,
  coordinatorFromEnvironment: "这位协调员是在配置（COORDINATOR_USER_IDS）中指定的，不能用命令移除，请修改配置。",
  coordinatorChanged: (action: "add" | "remove", userId: string, changed: boolean, all: string[]) => {
    const who = mention(userId);
    const head =
      action === "add"
        ? changed ? md`已添加协调员 ${who}。` : md`${who} 已经是协调员，没有变化。`
        : changed ? md`已移除协调员 ${who}。` : md`${who} 不是协调员，没有变化。`;
    return md`${head}\n当前协调员：${all.length ? joinMd(all.map(mention), "、") : "（无）"}`;
  },
};
