// The bot scopes Spur asks for when a workspace installs it through OAuth (the same list as the manifest's
// oauth_config.scopes.bot, where each has its reason; test/unit/config-slack-oauth.test.ts keeps the two equal
// and test/unit/slack-manifest.test.ts checks they cover every Web API method the code calls). No history
// scope for DMs (im:history): Spur never reads what is said in its direct messages.
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "files:write",
  "im:write",
  "users:read",
  "users:read.email",
  "channels:history",
  "groups:history",
  "reactions:read",
  // conversations.info: whether a reacted-to message is in a public channel (its text may be quoted) or not.
  "channels:read",
  // usergroups.list, usergroups.users.list and the subteam events: a team that follows a user group.
  "usergroups:read",
] as const;
