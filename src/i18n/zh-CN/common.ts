import type { common as en } from "../en/common.ts";

export const common = {
  "actor.unknown": "无法在此工作区中找到你的信息，请稍后重试。",
  "error.internal": "Spur 出了点问题，请一分钟后再试。",
  "form.cancel": "取消",
  "form.optional": "{label}（选填）",
  "error.unreadable": "Spur 无法读取该内容（{reason}）。",
} satisfies Record<keyof typeof en, string>;
