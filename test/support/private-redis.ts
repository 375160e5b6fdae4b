// The private redis-server helper lives with the playground (the demo starts one too); tests use the same copy.
export * from "../../src/playground/private-redis.ts";
