// Words every interaction shares: who you are, what went wrong.
export const common = {
  "actor.unknown": "I couldn't look you up in this workspace. Please try again.",
  "error.internal": "Something went wrong on Spur's side. Please try again in a minute.",
  "form.cancel": "Cancel",
  "form.optional": "{label} (optional)",
  "error.unreadable": "Spur couldn't read that ({reason}).",
} as const;
