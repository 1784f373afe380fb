// What `npm run units -- import` says about a file it cannot read. Chinese; rows are numbered as
// a spreadsheet shows them (the header is 第1行).

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

export const sheetTexts = {
  fileTooLarge: (limit: number) => `文件超过 ${mb(limit)}，不予导入。单位表通常只有几十 KB，请确认选对了文件（用 units export 导出的表）。`,
  invalidUtf8: (row: number, column: string) =>
    `第${row}行 列${column}：含有不是 UTF-8 的字符（文件可能是 GBK 编码或已损坏）。请在 Excel/WPS 中“另存为 CSV UTF-8”后重新导入。`,
  quoteNotClosed: (row: number, column: string) =>
    `第${row}行 列${column}：引号 " 没有闭合，之后的内容都会被读进这一格。请检查这一格的引号。`,
  badQuote: (row: number, column: string) => `第${row}行 列${column}：引号 " 位置不对（引号只能包住整个单元格）。`,
  tooFewCells: (row: number, column: string, got: number, want: number) =>
    `第${row}行 列${column}：这一行只有 ${got} 列，表头有 ${want} 列。缺少的列不会当作“清空”，请补齐整行（可先用 units export 导出模板）。`,
  tooManyCells: (row: number, got: number, want: number) =>
    `第${row}行 列${want + 1}：这一行有 ${got} 列，表头只有 ${want} 列。多出的内容可能是没加引号的逗号。`,
  cellTooLong: (row: number, column: string, limit: number) => `第${row}行 列${column}：超过 ${limit} 个字符，不予导入。`,
  unreadable: (row: number, detail: string) => `第${row}行：无法读取（${detail}）。`,
  header: (missing: string[], all: string[]) => `第1行：缺少列 ${missing.join("、") || all.join("、")}（请先用 units export 导出模板）`,
  duplicateHeader: (column: string) => `第1行 列${column}：列名重复。`,
  /** A row's problems, as 第N行 列X：… */
  cell: (row: number, column: string, problem: string) => `第${row}行 列${column}：${problem}`,
  badFormat: "格式不正确",
  unknownUnit: (unitKey: string) => `未找到单位「${unitKey}」，请使用导出表中的 unit_key`,
  nameMismatch: (name: string, unitKey: string, unitName: string) => `「${name}」与 unit_key ${unitKey} 的单位「${unitName}」不一致`,
  badYesNo: (value: string) => `「${value}」应为 yes、no 或留空（未知）`,
  contactNameMissing: "填写了联系方式但缺少联系人姓名",
  differsFromRow: (row: number, unitKey: string) => `与第${row}行（同一单位 ${unitKey}）不一致`,
  duplicateContact: "联系人重复",
  noDataRows: "文件中没有数据行",
};

/** The status report's words: the Excel workbook's sheets and the first sheet's columns. */
export const reportSheetTexts = {
  sheets: { units: "单位进度", items: "全部事项" },
  creator: "网站关停协调机器人",
  columns: { number: "序号", unit: "单位", group: "分组", domains: "域名", progress: "完成情况", contacts: "联系人", updated: "最后更新" },
  group: { department: "部门", township: "镇、区、街道、管委会" },
} as const;
