import { create } from "qrcode";

/**
 * A QR code as a PNG, encoded here (qrcode's browser build has no PNG writer in workerd):
 * black modules on white, a 4-module quiet zone, grayscale 8-bit, zlib through CompressionStream.
 */
export async function qrPng(text: string, pixelsPerModule = 8): Promise<Uint8Array<ArrayBuffer>> {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * pixelsPerModule;
  // One filter byte (0 = none) per scanline, then one byte per pixel.
  const raw = new Uint8Array(side * (side + 1)).fill(255);
  for (let y = 0; y < side; y++) {
    raw[y * (side + 1)] = 0;
    const my = Math.floor(y / pixelsPerModule) - quiet;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / pixelsPerModule) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx);
      if (dark) raw[y * (side + 1) + 1 + x] = 0;
    }
  }
  const idat = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array()),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let table: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
