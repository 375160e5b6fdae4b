// Slack request signing lives with the playground, which signs the same way; tests use the same copy.
export * from "../../src/playground/slack-signing.ts";
