import type { common as en } from "../en/common.ts";

export const common = {
  "common.thisChannel": "本频道",
  "actor.unknown": "无法在此工作区中找到你的信息，请稍后重试。",
  "error.internal": "Spur 出了点问题，请一分钟后再试。",
  "error.databaseUnavailable": "Spur 暂时无法连接到它的数据库，因此什么也没有做。请稍后再试。",
  "form.cancel": "取消",
  "form.optional": "{label}（选填）",
  "form.done": "完成",
  "error.notInstalled": "Spur 已不再安装在此工作区中。请联系管理员重新添加。",
  "error.unreadable": "Spur 无法读取该内容（{reason}）。",
  "interaction.staleClick": "Spur 无法读取这次点击 —— 这条消息可能已过期。请重新运行命令。",
  "interaction.staleCard": "Spur 无法读取这张卡片 —— 它可能已过期。请重新运行命令。",
  "interaction.unknownAction": "Spur 不认识这个操作。应用可能已过期，请联系管理员更新。",
  "private.sentToPersonalChat": "{why}，所以我把它发到了我们的私聊里。",
  "private.askInPersonalChat": "{why}：请在与 Spur 的私聊中发送 {command}。",
  "private.onlyInPersonalChat": "{why}：请在与 Spur 的私聊中发给我（{command}），那里只有你能看到。",
} satisfies Record<keyof typeof en, string>;
