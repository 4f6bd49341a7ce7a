/** Staff sign-in over HTTP (argon2id verification in the Worker + session + audit writes). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { percentile, timeSequential } from "./stats.mjs";

export default {
  name: "staff-signin",
  needsServer: true,
  async run({ root, server }) {
    const demo = JSON.parse(readFileSync(join(root, "db/seed/demo-data.json"), "utf8"));
    const admin = demo.structures[0].staff.find((m) => m.role === "admin");
    const body = JSON.stringify({ email: admin.email, password: demo.staffPassword });
    const durations = await timeSequential(
      async () => {
        const res = await fetch(`${server.staffUrl}/trpc/compte.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.staffUrl },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`compte.signIn answered ${res.status}`);
      },
      { warmup: 5, runs: 50 },
    );
    return [
      { name: "staff_signin_p50", value: percentile(durations, 50), unit: "ms" },
      { name: "staff_signin_p95", value: percentile(durations, 95), unit: "ms" },
    ];
  },
};
