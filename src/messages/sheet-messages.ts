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
};
