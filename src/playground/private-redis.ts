// A private redis-server on a free port, for a test (which may stop and start it again) or the demo.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const REDIS_INSTALL_HINT =
  "redis-server was not found on PATH. Install Redis (Debian/Ubuntu: `sudo apt-get install redis-server`, " +
  "macOS: `brew install redis`) or set REDIS_URL to a Redis you already run.";

export class PrivateRedis {
  private process: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "pipe" });
    let out = "";
    let spawnError: NodeJS.ErrnoException | undefined;
    this.process.on("error", (err) => (spawnError = err));
    this.process.stdout?.on("data", (d) => (out += String(d)));
    const deadline = Date.now() + 5000;
    while (!out.includes("Ready to accept connections")) {
      if (spawnError) throw new Error(spawnError.code === "ENOENT" ? REDIS_INSTALL_HINT : `redis-server did not start: ${spawnError.message}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    if (!this.process || this.process.exitCode !== null) return;
    this.process.kill("SIGKILL");
    await once(this.process, "exit");
  }
}
