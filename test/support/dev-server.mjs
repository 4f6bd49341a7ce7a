/**
 * `wrangler dev` without its DevTools inspector, for the benchmarks:
 *
 *   node test/support/dev-server.mjs --persist-to <dir> --port <n> [--var KEY:VALUE]…
 *
 * The same dev server as the CLI (wrangler's startWorker: its proxy, miniflare, workerd, local D1
 * and R2, wrangler.toml as is), started through wrangler's API because the CLI always attaches the
 * inspector. Attached, the runtime reports every D1 call as network events that wrangler's
 * inspector proxy forwards to Node one HTTP request each, whether a debugger listens or not: about
 * 1 ms of extra CPU per D1 call on these machines, which is wrangler's cost, not the Worker's.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { unstable_startWorker } from "wrangler";
import { ROOT } from "./server.mjs";

const { values } = parseArgs({
  options: {
    "persist-to": { type: "string" },
    port: { type: "string" },
    var: { type: "string", multiple: true, default: [] },
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

const worker = await unstable_startWorker({
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
