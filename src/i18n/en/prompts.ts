// The weekly recognition prompt: its direct message and buttons, and `/spur prompts …`.
export const prompts = {
  "prompts.usage.title": "<b>Weekly recognition prompts</b> (\"Who helped you this week?\")",
  "prompts.usage.member": "• {off} / {on} — stop or restart your own prompt",
  "prompts.usage.schedule": "• {cmd} — leads and admins: when the team gets it, in the team's time zone",
  "prompts.usage.team": "• {off} / {on} — leads and admins: turn it off or on for the whole team",
  "prompts.usage.named": "• {schedule} / {off} — a team by name (leads: the teams they lead; sent in a team's channel, that team)",
  "prompts.leadsOnly": "Only Spur admins and team leads can set a team's prompts. {off} stops your own.",
  "prompts.lineBreak": "{all}\n{line}",
  "prompts.scheduleUsage": "Usage: {cmd} (24-hour time, team time zone).",
  "prompts.optedOut": "You won't get the weekly \"Who helped you this week?\" prompt any more. {on} brings it back.",
  "prompts.optedIn": "You'll get the weekly \"Who helped you this week?\" prompt again.",
  "prompts.teamOff": "Weekly recognition prompts are off for {team}.",
  "prompts.scheduled":
    "{team} gets \"Who helped you this week?\" on {day, select, 1 {Mondays} 2 {Tuesdays} 3 {Wednesdays} 4 {Thursdays} 5 {Fridays} 6 {Saturdays} other {Sundays}} at {time} ({timeZone}).",
  "prompts.dm.summary": "Who helped you this week? A quick kudos makes their day.",
  "prompts.dm.text": "👋 <b>Who helped you this week?</b> A quick kudos makes their day.",
  "prompts.dm.give": "Give kudos",
  "prompts.kudosHint": "🌟 Who was it? Send them kudos with {command} — it only takes a moment.",
  "prompts.dm.dismiss": "Not this week",
  "prompts.dm.optOut": "Prefer not to get this? {off}.",
  "prompts.dismissed": "No problem — see you next week. ({off} stops these prompts.)",
  "prompts.stale": "Spur couldn't read that click — the message may be out of date. Please try the command again.",
} as const;
