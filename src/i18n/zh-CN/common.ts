import type { common as en } from "../en/common.ts";

export const common = {
  "actor.unknown": "无法在此工作区中找到你的信息，请稍后重试。",
  "error.internal": "Spur 出了点问题，请一分钟后再试。",
  "form.cancel": "取消",
  "form.done": "完成",
  "error.unreadable": "Spur 无法读取该内容（{reason}）。",
  "interaction.staleClick": "Spur 无法读取这次点击 —— 这条消息可能已过期。请重新运行命令。",
  "private.sentToPersonalChat": "{why}，所以我把它发到了我们的私聊里。",
  "private.askInPersonalChat": "{why}：请在与 Spur 的私聊中发送 {command}。",
} satisfies Record<keyof typeof en, string>;
