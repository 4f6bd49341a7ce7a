/**
 * `wrangler dev` without its DevTools inspector, for the benchmarks:
 *
 *   node test/support/dev-server.mjs --persist-to <dir> --port <n> [--var KEY:VALUE]… [--runtime-url-file <path>]
 *
 * The same dev server as the CLI (wrangler's startWorker: its proxy, miniflare, workerd, local D1
 * and R2, wrangler.toml as is), started through wrangler's API because the CLI always attaches the
 * inspector. Attached, the runtime reports every D1 call as network events that wrangler's
 * inspector proxy forwards to Node one HTTP request each, whether a debugger listens or not: about
 * 1 ms of extra CPU per D1 call on these machines, which is wrangler's cost, not the Worker's.
 *
 * With --runtime-url-file, it also writes there the address of the workerd that runs the Worker
 * (wrangler's proxy, on --port, forwards every request to it): benchmarks time the Worker there as
 * well, without the proxy's extra hop through a second workerd, which production does not have.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { unstable_DevEnv } from "wrangler";
import { ROOT } from "./server.mjs";

const { values } = parseArgs({
  options: {
    "persist-to": { type: "string" },
    port: { type: "string" },
    var: { type: "string", multiple: true, default: [] },
    "runtime-url-file": { type: "string" },
  },
});
const port = Number(values.port);
if (!values["persist-to"] || !Number.isInteger(port)) throw new Error("usage : --persist-to <dossier> --port <n> [--var CLÉ:VALEUR]…");

const bindings = Object.fromEntries(
  values.var.map((v) => {
    const [key, ...rest] = v.split(":");
    return [key, { type: "plain_text", value: rest.join(":") }];
  }),
);

const devEnv = new unstable_DevEnv();
const runtimeUrlFile = values["runtime-url-file"];
if (runtimeUrlFile) {
  // The runtime announces its address to the proxy on every (re)load.
  const forward = devEnv.proxy.onReloadComplete.bind(devEnv.proxy);
  devEnv.proxy.onReloadComplete = (event) => {
    const { protocol, hostname, port: runtimePort } = event.proxyData.userWorkerUrl;
    writeFileSync(runtimeUrlFile, `${protocol}//${hostname}:${runtimePort}`);
    return forward(event);
  };
}
const worker = await devEnv.startWorker({
  config: join(ROOT, "wrangler.toml"),
  bindings,
  dev: { inspector: false, persist: values["persist-to"], server: { hostname: "127.0.0.1", port }, logLevel: "warn" },
});
await worker.ready;
console.log(`prêt sur le port ${port} (sans inspecteur)`);

const stop = async () => {
  await worker.dispose();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
