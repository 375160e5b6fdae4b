// Runs Spur as its own process with short BullMQ lock timings, so tests can kill it mid-job and watch
// another worker take over. Configuration comes from the environment, as for src/main.ts.
import { parseConfig } from "../../src/config.ts";
import { createSpur } from "../../src/spur.ts";

const spur = createSpur(parseConfig(process.env), {
  digestLeaseMs: 1_500,
  workerTimings: { lockDuration: 2_000, stalledInterval: 1_000 },
});
await spur.start();
process.send?.("started");
