// The /leaderboard command: its window, its title, its rows and the caller's own rank.
export const leaderboard = {
  "leaderboard.usage": "Use {usage}, e.g. {example}.",
  "leaderboard.parse.unknown": "I didn't understand \"{token}\". {usage}",
  "leaderboard.private": "Your leads keep the leaderboard private for now. Your own numbers are in {scorecard}.",
  "leaderboard.window.week": "week {week}",
  "leaderboard.window.month": "{month}",
  "leaderboard.window.quarter": "Q{quarter} {year}",
  "leaderboard.window.all": "all time",
  "leaderboard.title": "{direction, select, given {Most generous} other {Most recognised}}{tag} — {team}, {window}",
  "leaderboard.row":
    "{rank, plural, =1 {🥇} =2 {🥈} =3 {🥉} other {#.}} {who} — {points, plural, one {# point} other {# points}} ({count} kudos)",
  "leaderboard.you": "You are #{rank} with {points, plural, one {# point} other {# points}}.",
  "leaderboard.youAbsent": "You are not on this board yet.",
  "leaderboard.empty": "No kudos in this window yet.",
  "leaderboard.summary": "{title}. {you}",
} as const;
