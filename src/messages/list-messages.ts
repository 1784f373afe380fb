// How a list that does not fit in one Slack message ends, and what a cut message says.

export const listTexts = {
  /** After the label of a form field one may leave empty, in the text rendering of a modal. */
  optional: " (任意)",
  moreItems: (n: number) => `…及其他 ${n} 项`,
  moreUnits: (n: number) => `…及其他 ${n} 个单位`,
  /** Last resort when a message would still exceed Slack's limits: says what is not shown. */
  overBudget: (blocks: number) => `…及其他 ${blocks} 项（内容太多，未能显示）：请输入 /shutdown status 或打开本应用主页查看。`,
};
