// `/spur team …` (Teams: `admin team …`): teams, their leads and their members.
export const teamsAdmin = {
  "team.parse.usage": "Usage: {list}, or see {help} for every team command.",
  "team.parse.name":
    "\"{name}\" can't be a team name: use up to 80 characters of words (no people or channels), and not list, create, rename, archive or help on their own.",
  "team.parse.members": "Usage: {example} — name one or more people.",
  "team.unknown": "There is no team called \"{name}\". {list} shows the teams.",
  "team.isArchived": "{team} is archived; create a new team instead.",
  "team.taken": "There is already a team called \"{name}\" (names are compared without case).",
  "team.created":
    "Team {team} created: digest {day} at {time} ({timeZone}). Next: {channel}, {lead}, {add}.",
  "team.renamed": "{team} is now called {name}.",
  "team.archive.default": "{team} is the workspace's default team (people Spur meets first join it), so it can't be archived.",
  "team.archive.hasMembers":
    "{team} still has {count, plural, one {# member} other {# members}}. Move them to another team first ({usage}), then archive it.",
  "team.archived": "{team} is archived: it posts nothing more, and its history stays as it was.",
  "team.refused.notAMember": "{who} is a bot or no longer in the workspace.",
  "team.lead.added": "Now leading {team}: {people}.",
  "team.lead.alreadyAdded": "Already leading {team}: {people}.",
  "team.lead.removed": "No longer leading {team}: {people}.",
  "team.lead.alreadyRemoved": "Not leading {team}: {people}.",
  "team.assigned": "Moved to {team}: {people}. Their earlier kudos and KPI records stay with the team they were in.",
  "team.alreadyAssigned": "Already in {team}: {people}.",
  "team.list.title": "{count, plural, one {# team} other {# teams}}:",
  "team.list.line":
    "• <b>{team}</b>{isDefault, select, yes { (default)} other {}}{archived, select, yes { (archived)} other {}} — {channel} · {timeZone} · digest {day} {time} · leads: {leads} · {members, plural, one {# member} other {# members}}",
  "team.list.noChannel": "no channel",
  "team.list.noLeads": "none",
  "help.teams.title": "<b>Teams</b> (admins):",
  "help.teams.list": "• {cmd} — every team with its channel, time zone, digest, leads and members",
  "help.teams.create": "• {create} / {rename} / {archive} — names are unique without case; the default team stays",
  "help.teams.settings": "• {channel} · {timezone} · {digest} — one team's channel, time zone and digest",
  "help.teams.leads": "• {cmd} — who leads the team (a lead may lead several teams)",
  "help.teams.targets": "• {cmd} — one team's KPI targets and weights (its leads too)",
  "help.levels": "• {list} · {create} · {add} · {targets} — levels (Agent I, Senior …) and their target overrides",
  "help.teams.add": "• {cmd} — move people into the team (their past kudos and KPIs stay where they happened)",
} as const;
