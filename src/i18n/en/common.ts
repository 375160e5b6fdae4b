// Words every interaction shares: who you are, what went wrong.
export const common = {
  "common.thisChannel": "this channel",
  "actor.unknown": "I couldn't look you up in this workspace. Please try again.",
  "error.internal": "Something went wrong on Spur's side. Please try again in a minute.",
  "error.databaseUnavailable": "Spur can't reach its database right now, so nothing was done. Please try again shortly.",
  "form.cancel": "Cancel",
  "form.optional": "{label} (optional)",
  "form.done": "Done",
  "error.notInstalled": "Spur isn't installed in this workspace any more. Ask an admin to add it again.",
  "error.unreadable": "Spur couldn't read that ({reason}).",
  "interaction.staleClick": "Spur couldn't read that click — the message may be out of date. Please try the command again.",
  "interaction.staleCard": "Spur couldn't read that card — it may be out of date. Please try the command again.",
  "interaction.unknownAction": "Spur doesn't know that action. The app may be out of date: please ask your admin to update it.",
  "private.sentToPersonalChat": "{why}, so I sent it to our personal chat.",
  "private.askInPersonalChat": "{why}: send me {command} in a personal chat with Spur.",
  "private.onlyInPersonalChat": "{why}: send it to me in a personal chat with Spur, where only you can see it ({command}).",
} as const;
