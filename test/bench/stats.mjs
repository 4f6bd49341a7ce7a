/** Small statistics helpers for the bench modules. */

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error("percentile of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Runs fn `warmup` times unmeasured, then `runs` times sequentially; returns durations in ms. */
export async function timeSequential(fn, { warmup = 5, runs = 50 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    durations.push(performance.now() - t0);
  }
  return durations;
}

/** The Worker's own time for a response (its `Server-Timing: app;dur=…` header), in ms; fetch or node:http. */
export function serverTime(res) {
  const header = typeof res.headers.get === "function" ? res.headers.get("server-timing") : res.headers["server-timing"];
  const dur = /\bapp;dur=([\d.]+)/.exec(header ?? "")?.[1];
  if (dur === undefined) throw new Error("réponse sans en-tête Server-Timing");
  return Number(dur);
}
