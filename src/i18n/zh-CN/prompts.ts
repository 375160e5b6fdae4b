import type { prompts as en } from "../en/prompts.ts";

export const prompts = {
  "prompts.usage.title": "<b>每周点赞提醒</b>（“这周谁帮了你？”）",
  "prompts.usage.member": "• {off} / {on} —— 关闭或重新开启你自己的提醒",
  "prompts.usage.schedule": "• {cmd} —— 组长和管理员：设置团队收到提醒的时间（团队时区）",
  "prompts.usage.team": "• {off} / {on} —— 组长和管理员：为整个团队关闭或开启提醒",
  "prompts.usage.named": "• {schedule} / {off} —— 按名称指定团队（组长：仅限自己带的团队；在团队频道中发送时即为该团队）",
  "prompts.leadsOnly": "只有 Spur 管理员和组长可以设置团队的点赞提醒。{off} 可以关闭你自己的提醒。",
  "prompts.lineBreak": "{all}\n{line}",
  "prompts.scheduleUsage": "用法：{cmd}（24 小时制，团队时区）。",
  "prompts.optedOut": "你将不再收到每周的“这周谁帮了你？”提醒。用 {on} 可以重新开启。",
  "prompts.optedIn": "你将重新收到每周的“这周谁帮了你？”提醒。",
  "prompts.teamOff": "{team} 的每周点赞提醒已关闭。",
  "prompts.scheduled":
    "{team} 将在每{day, select, 1 {周一} 2 {周二} 3 {周三} 4 {周四} 5 {周五} 6 {周六} other {周日}} {time}（{timeZone}）收到“这周谁帮了你？”提醒。",
  "prompts.dm.summary": "这周谁帮了你？一句点赞就能让 TA 开心一整天。",
  "prompts.dm.text": "👋 <b>这周谁帮了你？</b>一句点赞就能让 TA 开心一整天。",
  "prompts.kudosHint": "🌟 是谁帮了你？用 {command} 给他们点个赞吧，只需片刻。",
  "prompts.dm.give": "去点赞",
  "prompts.dm.dismiss": "这周先不了",
  "prompts.dm.optOut": "不想收到这类提醒？{off}。",
  "prompts.dismissed": "没问题 —— 下周见。（{off} 可以关闭这类提醒。）",
  "prompts.stale": "Spur 无法读取这次点击 —— 这条消息可能已过期。请重新输入命令再试一次。",
} satisfies Record<keyof typeof en, string>;
