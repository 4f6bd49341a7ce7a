/**
 * Where the benchmarks' servers keep wrangler's local state (the D1 and R2 files): in memory
 * (/dev/shm) when the machine has room for it, else the usual temp dir. BENCH_STATE_DIR picks
 * another folder, e.g. BENCH_STATE_DIR=/tmp to time the Worker over a disk-backed D1.
 *
 * Why in memory: wrangler's local D1 writes and fsyncs a "bookmark" into the D1 file after every
 * call, reads included (miniflare asks the runtime for one after each batch). Production D1 does
 * no such write for a read. On a disk, every request pays that flush: 0.4–2 ms at p50 on the
 * machines of issue 3 (same data and code, servers on disk and on /dev/shm in turn). That is the
 * disk's time, not the Worker's: like the DevTools inspector and the proxy's hop (run.mjs,
 * usagers.bench.mjs), it is kept out of the figures.
 */
import { existsSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";

const MEMORY = "/dev/shm";

/** The folder for a server's state, given roughly how many bytes it will hold. */
export function benchStateRoot(bytesNeeded) {
  const chosen = process.env.BENCH_STATE_DIR;
  if (chosen) return chosen;
  if (existsSync(MEMORY)) {
    const { bavail, bsize } = statfsSync(MEMORY);
    // Room for the files and their write-ahead log, with a margin.
    if (bavail * bsize > 2 * bytesNeeded) return MEMORY;
  }
  return tmpdir();
}
