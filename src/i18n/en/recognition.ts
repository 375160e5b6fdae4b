// Kudos: giving, the allowance, history, and the refusals of the recognition rules.
export const recognition = {
  "kudos.usage":
    "Give kudos like this: {example} — one or more people, optional points (default 1), then what they did. Add company values with #tags. {form} alone opens a form; {balance} shows what you can still give; {history} lists recent kudos.",
  "kudos.parse.balanceArgs": "{balance} takes no arguments.",
  "kudos.parse.historyArgs": "Use {history} for yours, or {historyOf}.",
  "kudos.parse.noRecipients": "Who should get the kudos? Start with one or more @mentions. {usage}",
  "kudos.parse.tooManyRecipients":
    "That's {count} people — kudos can go to at most {max} at once. For a whole team, try a shoutout in the channel.",
  "kudos.parse.invalidPoints": "Points must be a whole number from 1 to {max} (you wrote {written}).",
  "kudos.parse.missingReason": "Say what they did — kudos need a reason, e.g. {example}.",
  "kudos.parse.reasonTooLong": "Please keep the reason under {max} characters (yours has {length}).",
  "kudos.refused.botGiver": "Bots can't give kudos.",
  "kudos.refused.deactivatedGiver": "Deactivated accounts can't give kudos.",
  "kudos.refused.unknownRecipient": "I couldn't find {who} in this workspace. Pick people from the @mention list.",
  "kudos.refused.self": "You can't give kudos to yourself — recognition means most coming from a teammate.",
  "kudos.refused.botRecipient": "{name} is a bot — kudos are for people. Thank the human behind it instead!",
  "kudos.refused.deactivatedRecipient": "{name}'s account is deactivated, so they can't receive kudos.",
  "kudos.refused.allowance":
    "{several, select, yes {That gift costs {cost} points} other {That's {cost} points}}, but you have {left} of your {allowance} points left {period, select, day {today} other {this week}}. Your allowance resets {reset}.",
  "kudos.refused.cooldown":
    "You recognised {name} recently. To keep kudos meaningful you can give them kudos again after {again} ({timeZone} time).",
  "kudos.refused.pointsCap": "Points must be a whole number from 1 to {max} per gift.",
  "kudos.refused.unknownValue": "#{tag} isn't one of our company values. {hint}",
  "kudos.refused.didYouMean": "Did you mean #{suggestion}?",
  "kudos.refused.ourValues": "Our values are {values}.",
  "kudos.refused.valueRequired": "Please tag a company value: {values}.",
  "kudos.sent": "Kudos sent! {who}{count, plural, one {} other { each}} got {points, plural, one {# point} other {# points}}.",
  "kudos.duplicate": "Those kudos to {who} were already recorded — nothing was sent twice.",
  "kudos.shoutoutGoesTo": "The shoutout goes to {channel}.",
  "kudos.allowanceLeft":
    "You have {left, plural, one {# point} other {# points}} left to give {period, select, day {today} other {this week}}.",
  "kudos.reset": "at {when} ({timeZone} time)",
  "kudos.balance":
    "You can still give <b>{remaining, plural, one {# point} other {# points}}</b> {period, select, day {today} other {this week}} ({spent} of {allowance} used). Your allowance resets {reset}.",
  "kudos.shoutoutHere": "The shoutout goes to this channel.",
  "kudos.history.title": "{self, select, yes {Your kudos} other {Kudos of {name}}} — {from}–{to} of {total}",
  "kudos.history.given": "{date} → {who} <b>{points, plural, one {# point} other {# points}}</b> — {reason}{tags} <code>{id}</code>",
  "kudos.history.received": "{date} ← {who} <b>{points, plural, one {# point} other {# points}}</b> — {reason}{tags} <code>{id}</code>",
  "kudos.history.revoked": "<s>{line}</s> <i>(revoked)</i>",
  "kudos.history.empty": "No kudos yet.",
  "kudos.history.newer": "Newer",
  "kudos.history.older": "Older",
  "kudos.history.private": "Kudos history is private: you can see your own, and leads can see their team's.",
  "kudos.history.unknownSubject": "I couldn't find {who} in this workspace.",
} as const;
