// `/spur export` 与 `/spur forget`：导出一个周期的数据，以及删除成员的个人数据。
import type { dataRights as en } from "../en/data-rights.ts";

export const dataRights = {
  "dataRights.parse.export": "这里无法识别 {arg}。用法：{usage}。",
  "dataRights.parse.forget": "用法：{usage} —— 请从 @ 列表中选择成员。",
  "dataRights.parse.period": "{key} 不是我认识的周、月或季度（例如 2026-W47、2026-11、2026-Q4）。",
  "dataRights.export.refused": "只有 Spur 管理员可以导出工作区数据，请联系工作区管理员。",
  "dataRights.export.personalOnly": "请在与我的私聊中发送 {command}：文件包含个人数据，绝不会发到频道。",
  "dataRights.export.preparing":
    "正在准备 {period} 的 {format} 导出；{where, select, dm {稍后会发到你与 Spur 的私信} other {稍后会发到这里}}。",
  "dataRights.period": "{key}（{from} – {to}）",
  "dataRights.export.file": "{part, select, kudos {点赞记录} kpis {KPI 记录} feedback {反馈汇总} other {Spur 导出}} {key}",
  "dataRights.export.summary":
    "Spur 导出 {period}：点赞 {kudos, plural, other {# 行}}，KPI 记录 {kpiRecords, plural, other {# 条}}，反馈汇总 {feedback, plural, other {# 条}}。反馈按人按月汇总；" +
    "匿名回答仅在至少 {threshold} 人匿名作答时才计入，且不包含任何单条回答或评语。",
  "dataRights.forget.refused": "只有 Spur 管理员可以删除成员数据，请联系工作区管理员。",
  "dataRights.forget.self": "你不能删除自己的数据，请让其他管理员操作。",
  "dataRights.forget.already": "该成员的数据已被删除。",
  "dataRights.forget.unknown": "在本工作区找不到 {who}。",
  "dataRights.forget.confirm":
    "此操作将永久删除 {name} 在 Spur 中的个人数据：姓名、邮箱和聊天账号、其发出或收到的点赞理由、其署名的反馈评语和关于其的评语、提醒、退订设置和工单系统映射。积分、KPI 数值和评分以“{former}”计入团队总计。已发到聊天中的消息不会改变。",
  "dataRights.forget.howToConfirm": "确认请点击按钮，或发送 {command}。",
  "dataRights.forget.button": "删除 {name} 的数据",
  "dataRights.forget.confirmTitle": "删除个人数据？",
  "dataRights.forget.confirmText": "此操作无法撤销。",
  "dataRights.forget.confirmYes": "删除",
  "dataRights.forget.done": "完成：该成员的个人数据已删除（共修改或删除 {count, plural, other {# 条记录}}）。审计日志只记录此操作，不记录是谁。",
  "dataRights.forget.stale": "Spur 无法读取这次点击，消息可能已过期。请重新执行命令。",
} satisfies Record<keyof typeof en, string>;
