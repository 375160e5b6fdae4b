import type { recognitionAdmin as en } from "../en/recognition-admin.ts";

export const recognitionAdmin = {
  "recognitionSettings.title": "点赞设置",
  "recognitionSettings.usage.title": "<b>点赞设置</b>（工作区管理员）：{show} 打开设置表单；也可以用以下命令修改某一项",
  "recognitionSettings.usage.allowance": "• {cmd} —— 每人每天或每周可送出的积分",
  "recognitionSettings.usage.maxPoints": "• {cmd} —— 单次点赞最多可送的积分",
  "recognitionSettings.usage.cooldown": "• {cmd} —— 给同一位同事两次点赞之间的间隔分钟数（0 = 不限制）",
  "recognitionSettings.usage.emoji": "• {cmd} —— 可用于点赞的表情回应",
  "recognitionSettings.usage.values": "• {cmd}（或 none）以及 {required}",
  "recognitionSettings.usage.leaderboard": "• {cmd} —— 谁可以查看排行榜",
  "recognitionSettings.usage.notifyLead": "• {cmd} —— 同事获赞时通知其组长",
  "recognitionSettings.parse.usage": "用法：{usage}。",
  "recognitionSettings.parse.values": "请列出价值观，例如 {example}，或写 {none}。",
  "recognitionSettings.parse.noEmoji": "请至少列出一个表情，例如 {example}。",
  "recognitionSettings.parse.emojiName": "“{name}”不是表情名称（请使用 star、tada 这样的名称）。",
  "recognitionSettings.parse.emojiPoints": "{emoji} 的积分必须是 {min} 到 {max} 之间的整数。",
  "recognitionSettings.parse.valueName": "“{name}”不是有效的价值观名称（只能使用字母、数字、- 和 _）。",
  "recognitionSettings.parse.tooManyValues": "公司价值观最多只能设置 {max} 个。",
  "recognitionSettings.parse.unknown": "没有名为 {name} 的设置。\n{usage}",
  "recognitionSettings.lineBreak": "{all}\n{line}",
  "recognitionSettings.field":
    "{field, select, recognitionChannelId {表扬频道} allowancePoints {积分额度} allowancePeriod {额度周期} maxPointsPerGift {单次点赞积分上限} cooldownMinutes {点赞间隔} emojiPoints {点赞表情} companyValues {公司价值观} valueRequired {必须注明价值观} leaderboardVisibility {排行榜可见范围} notifyLead {组长通知} other {{field}}}",
  "recognitionSettings.saved": "点赞设置 —— {count, plural, =0 {没有任何变更。} other {已保存：{fields}。}}",
  "recognitionAdmin.usage.settings": "• {cmd} —— 点赞规则：积分额度、单次上限、点赞间隔、点赞表情、价值观、表扬频道、排行榜可见范围",
  "recognitionAdmin.usage.revoke": "• {cmd} —— 撤销一次点赞（点赞 ID 可在 {history} 中查看）",
  "revoke.usage": "用法：{usage} —— 点赞 ID 可以在 {history} 中查看。",
  "revoke.done":
    "已撤销点赞 <code>{id}</code>（给 {who} 的 {points, plural, other {# 分}}）。它不再计入统计；撤销理由已记入审计日志。",
  "revoke.notFound": "在此工作区中找不到点赞 <code>{id}</code>。",
  "revoke.ambiguous": "有不止一条点赞的 ID 以 <code>{id}</code> 开头，请输入更长的 ID。",
  "revoke.alreadyRevoked": "点赞 <code>{id}</code> 已经撤销过了。",
  "recognitionSettings.invalid.range":
    "{setting, select, allowancePoints {积分额度} maxPointsPerGift {单次点赞积分} other {点赞间隔}}必须是 {min} 到 {max} 之间的整数。",
  "recognitionSettings.invalid.giftOverAllowance": "单次点赞积分不能超过积分额度。",
  "recognitionSettings.invalid.noEmoji": "请至少保留一个点赞表情。",
  "recognitionSettings.invalid.noValues": "要求标注价值观之前，请先列出公司价值观。",
} satisfies Record<keyof typeof en, string>;
