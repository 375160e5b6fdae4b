// Words every interaction shares: who you are, what went wrong.
export const common = {
  "actor.unknown": "I couldn't look you up in this workspace. Please try again.",
  "error.internal": "Something went wrong on Spur's side. Please try again in a minute.",
  "form.cancel": "Cancel",
  "form.done": "Done",
  "error.unreadable": "Spur couldn't read that ({reason}).",
  "interaction.staleClick": "Spur couldn't read that click — the message may be out of date. Please try the command again.",
  "private.sentToPersonalChat": "{why}, so I sent it to our personal chat.",
  "private.askInPersonalChat": "{why}: send me {command} in a personal chat with Spur.",
} as const;
