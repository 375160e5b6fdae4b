import type { leaderboard as en } from "../en/leaderboard.ts";

export const leaderboard = {
  "leaderboard.usage": "用法：{usage}，例如 {example}。",
  "leaderboard.parse.unknown": "我没看懂“{token}”。{usage}",
  "leaderboard.private": "组长暂时设置了排行榜不公开。你自己的数据可以在 {scorecard} 中查看。",
  "leaderboard.window.week": "{week} 周",
  "leaderboard.window.month": "{month}",
  "leaderboard.window.quarter": "{year} 年第 {quarter} 季度",
  "leaderboard.window.all": "全部时间",
  "leaderboard.title": "{direction, select, given {最慷慨榜} other {获赞榜}}{tag} —— {team}，{window}",
  "leaderboard.row": "{rank, plural, =1 {🥇} =2 {🥈} =3 {🥉} other {#.}} {who} —— {points, plural, other {# 分}}（{count} 次点赞）",
  "leaderboard.you": "你排第 {rank} 名，共 {points, plural, other {# 分}}。",
  "leaderboard.youAbsent": "你还没有上榜。",
  "leaderboard.empty": "这段时间还没有点赞。",
  "leaderboard.summary": "{title}。{you}",
} satisfies Record<keyof typeof en, string>;
