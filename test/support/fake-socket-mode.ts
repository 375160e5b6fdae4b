// A local stand-in for Slack's Socket Mode WebSocket endpoint: says hello, delivers envelopes, and
// records the acknowledgements the app sends back.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export class FakeSocketMode {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  url = "";

  async start(): Promise<this> {
    this.server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => this.server?.once("listening", () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
    this.server.on("connection", (socket) => {
      this.socket = socket;
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) this.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "ASPUR" }, debug_info: { host: "fake" } }));
    });
    return this;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Delivers an envelope (e.g. type "slash_commands" with the command payload); returns its id. */
  deliver(type: string, payload: Record<string, unknown>): string {
    if (!this.socket) throw new Error("no Socket Mode connection yet");
    const envelopeId = randomUUID();
    this.socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api" }));
    return envelopeId;
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
