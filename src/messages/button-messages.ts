// Texts of buttons, modals and App Home. Chinese.
export const BUTTON_TEXT = { done: "完成", doing: "进行中", blocked: "遇到问题", approve: "批准", reject: "拒绝" } as const;

export const MODAL_TEXT = {
  reasonTitle: "遇到问题",
  reasonLabel: "遇到了什么问题？",
  reasonPlaceholder: "例如：等待电信回复注销申请",
  reasonRequired: "请写明遇到的问题，协调员会据此帮你协调。",
  domainTitle: "域名注销完成",
  domainMethodLabel: "如何处理的？",
  domainCancelled: "已在注册机构注销域名",
  domainDns: "不能注销，已删除解析记录",
  noteLabel: "备注（可不填）",
  submit: "提交",
  cancel: "取消",
  formTitle: "关停清单",
  formStateLabel: "状态",
  formNoteLabel: "备注 / 原因",
  formFacts: "单位情况",
  providerLabel: "网站接入服务商",
  providerLocal: "区电信运营商（由区电子政务中心代办备案注销）",
  providerOther: "其他（自行办理）",
  unknown: "未知",
  icpLabel: "备案号",
  icpPlaceholder: "苏ICP备12345678号",
  secondLevelLabel: "是否有二级域名网站系统",
  migrateLabel: "是否有数据需要迁移",
  yes: "是",
  no: "否",
  doneCancelled: "已注销",
  doneDns: "已删除解析（代替注销）",
  reasonNeeded: "「受阻」和「不适用」需要写明原因。",
};

export const HOME_TEXT = {
  /** "更新于 6月22日 09:30", the same format as every other time the bot shows. */
  updated: (when: string) => `更新于 ${when}`,
  welcomeTitle: "网站关停协调",
};

export const BUTTON_REPLY = {
  notAllowedHere: "你不能操作这条消息里的事项：它不属于你负责的单位。如需帮助请联系协调员。",
  formSaved: (unit: string, changes: number) => (changes > 0 ? `已保存${unit}的清单：${changes} 处修改。` : `${unit}的清单没有变化。`),
  joinCoordinatorsOnly: "只有协调员可以审批加入申请。",
};
