// 职级：工作区的职级阶梯、成员所在职级，以及各职级对目标的覆盖。
import type { levels as en } from "../en/levels.ts";

export const levels = {
  "level.parse.usage": "用法：{usage}。{list} 可查看职级阶梯。",
  "level.parse.name": "“{name}”不能作为职级名称：最多 60 个字符的文字（不能是成员或频道），也不能单独使用 list、create、rename、remove 或 none。",
  "level.parse.members": "用法：{example} —— 请指定一名或多名成员。",
  "level.parse.periodFromTeam": "职级只覆盖目标值和权重；考核周期和最低数据量沿用各团队的目标。用法：{usage}。",
  "level.unknown": "没有名为“{name}”的职级。{list} 可查看职级阶梯。",
  "level.taken": "已经有名为“{name}”的职级（名称不区分大小写）。",
  "level.created": "已创建职级 {level}，位于阶梯最高一级（第 {position} 级）。用 {add} 为成员设定职级；用 {targets} 覆盖目标。",
  "level.renamed": "职级 {level} 已更名为 {name}。",
  "level.removed": "已删除职级 {level}及其目标覆盖。",
  "level.remove.hasMembers": "{level} 还有 {count, plural, other {# 名成员}}。请先为他们设定其他职级（{usage}），再删除。",
  "level.assigned": "已设为 {level} 职级：{people}。",
  "level.alreadyAssigned": "已经是 {level} 职级：{people}。",
  "level.cleared": "已取消职级：{people}。",
  "level.alreadyCleared": "本来就没有职级：{people}。",
  "level.target.set": "{level} 现在覆盖{label}：目标 {target}，权重 {weight, number}，适用于该职级在所有团队的成员（考核周期和最低数据量沿用各团队的设置；团队未设{label}目标时按月考核）。",
  "level.target.removed": "{removed, select, yes {{level} 不再覆盖{label}，其成员按所在团队的目标考核。} other {{level} 没有覆盖{label}。}}",
  "level.list.none": "还没有职级。用 {create} 创建第一个（最低的）职级。",
  "level.list.title": "共 {count, plural, other {# 个职级}}，由低到高：",
  "level.list.line": "• {position, number}. <b>{level}</b> · {members, plural, other {# 名成员}} · {hasTargets, select, yes {覆盖：{targets}} other {仅用团队目标}}",
  "level.list.target": "{label} {target}（权重 {weight, number}）",
} satisfies Record<keyof typeof en, string>;
