// Positions and levels: the workspace's ladder, who holds which level, and each level's target overrides.
export const levels = {
  "level.parse.usage": "Usage: {usage}. {list} shows the ladder.",
  "level.parse.name": "\"{name}\" can't be a level's name: up to 60 characters of text (no people or channels), and not list, create, rename, remove or none alone.",
  "level.parse.members": "Usage: {example} — name one or more people.",
  "level.parse.periodFromTeam": "A level overrides only a target and its weight; the period and minimum volume come from each team's target. Usage: {usage}.",
  "level.unknown": "There is no level called \"{name}\". {list} shows the ladder.",
  "level.taken": "There is already a level called \"{name}\" (names are compared without case).",
  "level.created": "Level {level} created, at the top of the ladder (position {position}). Give it to people with {add}; override a target with {targets}.",
  "level.renamed": "Level {level} is now called {name}.",
  "level.removed": "Level {level} removed, with its target overrides.",
  "level.remove.hasMembers":
    "{level} is held by {count, plural, one {# member} other {# members}}: give {count, plural, one {them} other {them}} another level first ({usage}), then remove it.",
  "level.assigned": "Now at level {level}: {people}.",
  "level.alreadyAssigned": "Already at level {level}: {people}.",
  "level.cleared": "No level now: {people}.",
  "level.alreadyCleared": "Had no level: {people}.",
  "level.target.set":
    "{level} now overrides {label}: target {target}, weight {weight, number}, for its members in every team (the period and minimum volume stay each team's; monthly where a team has no {label} target).",
  "level.target.removed": "{removed, select, yes {{level} no longer overrides {label}: its members are scored on their team's target.} other {{level} had no {label} override.}}",
  "level.list.none": "No levels yet. Create the first (the lowest) with {create}.",
  "level.list.title": "{count, plural, one {# level} other {# levels}}, lowest first:",
  "level.list.line":
    "• {position, number}. <b>{level}</b> · {members, plural, one {# member} other {# members}} · {hasTargets, select, yes {overrides: {targets}} other {team targets only}}",
  "level.list.target": "{label} {target} (weight {weight, number})",
} as const;
