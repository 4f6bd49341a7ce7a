/** Size of the Worker as deployed to production (test/support/worker-bundle.mjs). */
import { measureWorkerBundle } from "../support/worker-bundle.mjs";

export default {
  name: "worker-bundle",
  needsServer: false,
  async run({ root }) {
    const { jsKB, wasmKB } = measureWorkerBundle(root);
    return [
      { name: "worker_bundle_gzip", value: jsKB, unit: "KB" },
      { name: "worker_wasm_gzip", value: wasmKB, unit: "KB" },
    ];
  },
};
