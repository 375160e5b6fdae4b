// The bot scopes Spur asks for when a workspace installs it through OAuth (the same list as the manifest's
// oauth_config.scopes.bot; a unit test keeps the two equal).
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
] as const;
