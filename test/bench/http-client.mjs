/**
 * A keep-alive HTTP/1.1 client for timing requests one at a time, as a browser reuses its
 * connection. Node's fetch (undici) costs this machine 1–4 ms more per request than node:http, at
 * p95: time the client would add to every figure, not the Worker's.
 */
import http from "node:http";

/**
 * Requests to `baseUrl` with the Host header `host` (the app a Worker serves depends on it, so the
 * runtime behind wrangler's proxy can be asked directly).
 */
export function httpClient(baseUrl, host) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: string, ms: number }>} */
  const request = (path, { method = "GET", headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const sized = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
      const req = http.request(new URL(path, baseUrl), { method, agent, headers: { host, ...headers, ...sized } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - t0,
          }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return { request, close: () => agent.destroy() };
}
