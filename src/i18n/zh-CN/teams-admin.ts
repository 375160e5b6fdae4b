// `/spur team …`（Teams：`admin team …`）：团队、组长和成员。
import type { teamsAdmin as en } from "../en/teams-admin.ts";

export const teamsAdmin = {
  "team.parse.usage": "用法：{list}，全部团队命令见 {help}。",
  "team.parse.name": "“{name}”不能作为团队名称：最多 80 个字符的文字（不能是成员或频道），也不能单独使用 list、create、rename、archive 或 help。",
  "team.parse.members": "用法：{example} —— 请写出一位或多位成员。",
  "team.parse.here": "用法：{usage}，在要对应的频道中发送（here 后面不加内容）。",
  "team.unknown": "没有名为“{name}”的团队。{list} 可查看所有团队。",
  "team.isArchived": "{team} 已归档；请新建一个团队。",
  "team.taken": "已经有名为“{name}”的团队了（名称不区分大小写）。",
  "team.created": "已创建团队 {team}：周报于{day} {time}（{timeZone}）发布。下一步：{channel}、{lead}、{add}。",
  "team.renamed": "{team} 已改名为 {name}。",
  "team.archive.default": "{team} 是本工作区的默认团队（Spur 首次遇到的人会加入该团队），不能归档。",
  "team.archive.hasMembers": "{team} 还有 {count, plural, other {# 名成员}}。请先把他们调到其他团队（{usage}），再归档。",
  "team.archived": "{team} 已归档：不再发布任何内容，历史记录保持不变。",
  "team.refused.notAMember": "{who} 是机器人，或已不在本工作区。",
  "team.lead.added": "现在担任 {team} 组长：{people}。",
  "team.lead.alreadyAdded": "已经是 {team} 组长：{people}。",
  "team.lead.removed": "不再担任 {team} 组长：{people}。",
  "team.lead.alreadyRemoved": "本来就不是 {team} 组长：{people}。",
  "team.assigned": "已调入 {team}：{people}。之前的点赞和 KPI 记录仍归属原来的团队。",
  "team.alreadyAssigned": "已经在 {team}：{people}。",
  "team.list.title": "共 {count, plural, other {# 个团队}}：",
  "team.list.line":
    "• <b>{team}</b>{isDefault, select, yes {（默认）} other {}}{archived, select, yes {（已归档）} other {}} —— {channel} · {timeZone} · 周报{day} {time} · 组长：{leads} · {members, plural, other {# 名成员}}{mapped, select, yes { · 在 {mappedChannel} 中输入的命令作用于该团队} other {}}",
  "team.list.noChannel": "未设置频道",
  "team.list.noLeads": "无",
  "help.teams.title": "<b>团队</b>（管理员）：",
  "help.teams.list": "• {cmd} —— 所有团队及其频道、时区、周报时间、组长和成员",
  "help.teams.create": "• {create} / {rename} / {archive} —— 名称不区分大小写且不能重复；默认团队不能归档",
  "help.teams.settings": "• {channel} · {timezone} · {digest} —— 单个团队的频道、时区和周报时间",
  "help.teams.here": "• {cmd} —— 在频道中发送：此后在该频道输入的命令都作用于该团队，团队的播报也发到这里",
  "help.teams.leads": "• {cmd} —— 团队的组长（一位组长可以带多个团队）",
  "help.teams.targets": "• {cmd} —— 某个团队的 KPI 目标和权重（该团队的组长也可修改）",
  "help.levels": "• {list} · {create} · {add} · {targets} —— 职级（如初级客服、高级客服）及其目标覆盖",
  "help.teams.add": "• {cmd} —— 把成员调入该团队（之前的点赞和 KPI 仍归属原团队）",
  "team.here.mapped":
    "{channel} 现在是 {team} 的频道：在这里输入的命令都作用于 {team}，团队的点赞播报和周报也发到这里。{moved, select, yes {此前它属于 {previous}。} other {}}",
  "team.here.notChannel": "请在要对应的频道中发送 {command}：私聊或群聊不能作为团队频道。",
  "team.install.mapped":
    "这个频道属于 {team}：在这里输入的命令都作用于 {team}，团队的点赞播报和周报也发到这里。要给其他团队指定频道，请管理员在该频道中发送 {here}。",
  "team.install.unmapped":
    "这个频道还没有对应任何 Spur 团队，因此在这里输入的命令作用于每个人自己所在的团队。若要让某个频道中的命令都作用于同一个团队（排行榜、周报、点赞提醒和反馈），请管理员在该频道中发送 {here}，例如 {example}。",
  "team.scope.notLed": "你不是 {team} 的组长：组长只能管理自己带的团队（{count, plural, =0 {你目前没有带任何团队} other {你带的团队：{led}}}）。",
  "team.scope.several": "你带的团队有 {teams}：请写明团队名称（{example}），或在该团队的频道中发送。",
  "team.scope.severalChannel": "你带的团队有 {teams}：请在对应团队的频道中发送。",
} satisfies Record<keyof typeof en, string>;
