// `/spur team …` (Teams: `admin team …`): teams, their leads and their members.
export const teamsAdmin = {
  "team.parse.usage": "Usage: {list}, or see {help} for every team command.",
  "team.parse.name":
    "\"{name}\" can't be a team name: use up to 80 characters of words (no people or channels), and not list, create, rename, archive or help on their own.",
  "team.parse.members": "Usage: {example} — name one or more people.",
  "team.parse.here": "Usage: {usage}, sent in the channel to map (nothing after here).",
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
    "• <b>{team}</b>{isDefault, select, yes { (default)} other {}}{archived, select, yes { (archived)} other {}} — {channel} · {timeZone} · digest {day} {time} · leads: {leads} · {members, plural, one {# member} other {# members}}{mapped, select, yes { · commands in {mappedChannel} act on it} other {}}",
  "team.list.noChannel": "no channel",
  "team.list.noLeads": "none",
  "help.teams.title": "<b>Teams</b> (admins):",
  "help.teams.list": "• {cmd} — every team with its channel, time zone, digest, leads and members",
  "help.teams.create": "• {create} / {rename} / {archive} — names are unique without case; the default team stays",
  "help.teams.settings": "• {channel} · {timezone} · {digest} — one team's channel, time zone and digest",
  "help.teams.here": "• {cmd} — sent in a channel: commands typed there act on the team, and its posts go there",
  "help.teams.leads": "• {cmd} — who leads the team (a lead may lead several teams)",
  "help.teams.targets": "• {cmd} — one team's KPI targets and weights (its leads too)",
  "help.levels": "• {list} · {create} · {add} · {targets} — levels (Agent I, Senior …) and their target overrides",
  "help.teams.add": "• {cmd} — move people into the team (their past kudos and KPIs stay where they happened)",
  "team.here.mapped":
    "{channel} is now {team}'s channel: commands typed here act on {team}, and its shoutouts and weekly digest are posted here.{moved, select, yes { It was {previous}'s before.} other {}}",
  "team.here.notChannel": "Send {command} in the channel to map: a personal or group chat can't be a team's channel.",
  "team.install.mapped":
    "This channel is {team}'s: commands typed here act on {team}, and its shoutouts and weekly digest are posted here. To give another team a channel, an admin sends {here} in it.",
  "team.install.unmapped":
    "This channel isn't mapped to a Spur team, so commands typed here act on each person's own team. To make commands typed in a channel act on one team (its leaderboard, digest, prompts and feedback), an admin sends {here} in it, for example {example}.",
  "team.scope.notLed":
    "You don't lead {team}: leads act on the teams they lead ({count, plural, =0 {you lead none} other {yours: {led}}}).",
  "team.scope.several": "You lead {teams}: name the team ({example}) or send it in the team's channel.",
  "team.scope.severalChannel": "You lead {teams}: send it in the channel of the team you mean.",
} as const;
