// The fake Slack Web API is a supported dev tool in src/playground; tests use the same copy.
export * from "../../src/playground/fake-slack-api.ts";
