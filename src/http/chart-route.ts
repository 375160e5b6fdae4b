// GET /charts/<id>.png: digest charts for Teams cards, which show images from a URL Teams can fetch.
import type { Route } from "./server.ts";

export const CHARTS_PATH = "/charts/";

export function chartUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CHARTS_PATH}${id}.png`;
}

export function createChartRoute(charts: { get(id: string): Promise<Buffer | null> }): Route {
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const match = /^\/charts\/([0-9a-f-]{36})\.png$/.exec(path);
    const png = req.method === "GET" && match?.[1] ? await charts.get(match[1]) : null;
    if (!png) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
      return;
    }
    res.writeHead(200, { "content-type": "image/png", "content-length": png.length, "cache-control": "public, max-age=604800, immutable" }).end(png);
  };
}
