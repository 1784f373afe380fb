// What `npm run batch` says: the sheet's problems (第N行 列X：…), the dates' problems, and its output.
import { formatDueShort } from "../domain/model/calendar.ts";

const day = (d: Date) => formatDueShort(d).replace(/ \d{2}:\d{2}$/, "");

export const batchTexts = {
  usage: [
    "用法 / usage:",
    "  npm run batch -- add <名称> --transition-due <YYYY-MM-DD[ HH:mm]> --window <YYYY-MM-DD>..<YYYY-MM-DD> --units FILE.csv",
    "        新建一批（如 第二批）：表格列为 unit_name, unit_key, group, government_room, domains（多个域名用 / 分隔，unit_key 可留空自动生成）；先全部校验，全部成功才写入",
    "  npm run batch -- list                 列出各批及其截止时间和进度",
    "  npm run batch -- close <名称>          结束这一批的提醒（数据保留，导出照常）",
  ].join("\n"),
  // The name and the dates.
  nameMissing: "缺少批次名称，例如：npm run batch -- add 第二批 …",
  nameTaken: (name: string) => `已有名为「${name}」的批次，请换一个名称（npm run batch -- list 查看现有批次）。`,
  nameBad: (name: string) => `批次名称「${name}」不能含有 / 或空格，且不超过 20 个字，例如：第二批`,
  transitionMissing: "缺少 --transition-due（过渡栏目上线的截止时间），例如：--transition-due 2027-08-20",
  transitionBad: (text: string) => `--transition-due「${text}」看不懂，请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:mm（北京时间），例如：2027-08-20 18:00`,
  transitionPast: (text: string, now: string) => `--transition-due ${text} 已经过去（现在是 ${now}），请给一个以后的时间。`,
  windowMissing: "缺少 --window（网站关停的时间段），例如：--window 2027-08-21..2027-08-23",
  windowBad: (text: string) => `--window「${text}」看不懂，请写成 开始日期..结束日期，例如：2027-08-21..2027-08-23`,
  windowBackwards: (text: string) => `--window ${text} 的结束日期早于开始日期，请把两个日期对调。`,
  windowPast: (text: string, now: string) => `--window ${text} 已经结束（现在是 ${now}），请给一个以后的时间段。`,
  unitsMissing: "缺少 --units FILE.csv（这一批的单位表）",
  // The sheet's cells.
  header: (missing: string[]) => `第1行：缺少列 ${missing.join("、")}（应有 unit_name, unit_key, group, government_room, domains）`,
  nameEmpty: "缺少单位名称",
  nameRepeated: (row: number) => `单位名称与第${row}行重复`,
  nameOfExisting: (name: string, key: string, batches: string) =>
    `「${name}」已是现有单位（unit_key ${key}${batches ? `，在${batches}中` : ""}）。若确是同一单位的另一个网站，请在 unit_key 填 ${key}；否则请换一个名称`,
  keyBad: (key: string) => `「${key}」不能作为 unit_key：只能用小写字母、数字和 -，以字母开头，不超过 32 个字符`,
  keyRepeated: (row: number) => `unit_key 与第${row}行重复`,
  keyOtherName: (key: string, name: string) => `unit_key ${key} 是现有单位「${name}」的，与本行的单位名称不一致`,
  groupBad: (value: string) => `未知分组「${value}」，应为 department（部门）或 township（镇、区、街道、管委会）`,
  roomBad: (value: string) => `「${value}」应为 yes（在政府机房）、no 或留空（视为 no）`,
  domainsEmpty: "缺少域名（多个域名用 / 分隔，例如 jtxx.gov.cn/www.jtxx.cn）",
  domainBad: (domain: string) => `「${domain}」不是域名`,
  domainRepeated: (domain: string, row: number) => `域名 ${domain} 与第${row}行重复`,
  domainInOpenBatch: (domain: string, unit: string, batches: string) => `域名 ${domain} 已在${batches}（${unit}）中，尚未结束`,
  domainOfOtherUnit: (domain: string, unit: string) => `域名 ${domain} 已属于单位「${unit}」`,
  noRows: "文件中没有数据行",
  // Output.
  refused: (problems: number) => `新建批次失败，未写入任何数据。请修改以下 ${problems} 处后重新运行：`,
  added: (name: string, units: number, items: number) =>
    `已新建「${name}」：${units} 个单位，${items} 个事项，2 个截止时间（已记入审计日志）。用 npm run units -- export 导出单位表补充联系人，或在 Slack 用 /shutdown assign 指定联系人。`,
  keyMade: (name: string, key: string) => `  ${name}：unit_key 自动生成为 ${key}`,
  unknownBatch: (name: string, names: string[]) => `没有名为「${name}」的批次。现有：${names.join("、")}`,
  closed: (name: string) => `「${name}」已结束：不再发送这一批的提醒，数据保留（已记入审计日志）。`,
  alreadyClosed: (name: string) => `「${name}」早已结束，未做修改。`,
  none: "还没有任何批次。",
  listLine: (b: { name: string; units: number; finished: number; items: number; closedAt: Date | null; deadlines: { title: string; opensAt: Date | null; dueAt: Date }[] }) =>
    [
      `${b.name}${b.closedAt ? `（已结束 ${formatDueShort(b.closedAt)}）` : "（进行中）"}：${b.units} 个单位，完成 ${b.finished}/${b.items} 项（${b.items === 0 ? 0 : Math.floor((b.finished * 100) / b.items)}%）`,
      ...b.deadlines.map((d) => `  ${d.title}：${d.opensAt ? `${day(d.opensAt)}–${day(d.dueAt)}` : `${formatDueShort(d.dueAt)} 截止`}`),
    ].join("\n"),
};
