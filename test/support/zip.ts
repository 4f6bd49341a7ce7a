/** Reads one entry of a .docx (zip) archive, enough for tests to look at a letter's text. */
export async function readZipEntry(bytes: Uint8Array, name: string): Promise<string | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Central directory: sizes there are reliable even when local headers use data descriptors.
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) return null;
  let p = view.getUint32(eocd + 16, true);
  const entries = view.getUint16(eocd + 10, true);
  for (let i = 0; i < entries; i++) {
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entryName = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (entryName === name) {
      const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressed);
      if (method === 0) return new TextDecoder().decode(data);
      const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).text();
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

/** The visible text of a .docx: the runs of word/document.xml, joined. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = (await readZipEntry(bytes, "word/document.xml")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

/** The names of the entries of a zip archive (e.g. the images under word/media/ of a .docx). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectory(bytes).map((e) => e.name);
}

/** One entry's bytes, uncompressed (binary entries: images), or null when absent. */
export async function readZipBytes(bytes: Uint8Array, name: string): Promise<Uint8Array | null> {
  const entry = centralDirectory(bytes).find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataStart = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressed);
  if (entry.method === 0) return new Uint8Array(data);
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function centralDirectory(bytes: Uint8Array): { name: string; method: number; compressed: number; local: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) return [];
  let p = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      local: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}
