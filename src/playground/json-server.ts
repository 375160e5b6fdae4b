// The HTTP side of the fake platform APIs (Slack Web API, Bot Connector): a loopback server on a free port
// that answers every request with the JSON its handler returns.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface JsonServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  origin: string;
  stop(): Promise<void>;
}

export async function startJsonServer(handle: (req: IncomingMessage) => Promise<JsonReply>): Promise<JsonServer> {
  const server: Server = createServer((req, res) => {
    void handle(req).then(({ status, body, headers }) => {
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
