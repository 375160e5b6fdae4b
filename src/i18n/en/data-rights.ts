// `/spur export` and `/spur forget`: a period's data as a file, and erasing a member's personal data.
export const dataRights = {
  "dataRights.parse.export": "I can't read {arg} here. Usage: {usage}.",
  "dataRights.parse.forget": "Usage: {usage} — pick the person from the @ list.",
  "dataRights.parse.period": "{key} is not a week, month or quarter I know (e.g. 2026-W47, 2026-11, 2026-Q4).",
  "dataRights.export.refused": "Only Spur admins can export the workspace's data. Ask a workspace admin.",
  "dataRights.export.personalOnly": "Send {command} to me in a personal chat: the file holds personal data, so it never goes to a channel.",
  "dataRights.export.preparing":
    "Preparing the {format} export for {period}; {where, select, dm {it arrives in your DM with Spur} other {it arrives here in a moment}}.",
  "dataRights.period": "{key} ({from} – {to})",
  "dataRights.export.file": "{part, select, kudos {Kudos} kpis {KPI records} feedback {Feedback aggregates} other {Spur export}} {key}",
  "dataRights.export.summary":
    "Spur export for {period}: {kudos, plural, one {# kudos row} other {# kudos rows}}, {kpiRecords, plural, one {# KPI record} other {# KPI records}}, " +
    "{feedback, plural, one {# feedback aggregate} other {# feedback aggregates}}. Feedback is aggregated per person and month; anonymous answers count only " +
    "where at least {threshold} people answered anonymously, and no individual answer or comment is included.",
  "dataRights.forget.refused": "Only Spur admins can erase a member's data. Ask a workspace admin.",
  "dataRights.forget.self": "You can't erase your own data; ask another admin.",
  "dataRights.forget.already": "That member's data was already erased.",
  "dataRights.forget.unknown": "I couldn't find {who} in this workspace.",
  "dataRights.forget.confirm":
    "This erases {name}'s personal data in Spur for good: their name, email and chat ids, the reasons of kudos they gave or received, their named feedback comments and comments about them, prompts, opt-outs and helpdesk mappings. Points, KPI numbers and ratings stay in team totals under \"{former}\". Messages already posted in chat are not changed.",
  "dataRights.forget.howToConfirm": "To go ahead, click the button or send {command}.",
  "dataRights.forget.button": "Erase {name}'s data",
  "dataRights.forget.confirmTitle": "Erase personal data?",
  "dataRights.forget.confirmText": "This cannot be undone.",
  "dataRights.forget.confirmYes": "Erase",
  "dataRights.forget.done":
    "Done: the member's personal data was erased ({count, plural, one {# record} other {# records}} changed or deleted). The audit log records that it happened, not who it was.",
  "dataRights.forget.stale": "Spur couldn't read that click — the message may be out of date. Please try the command again.",
} as const;
