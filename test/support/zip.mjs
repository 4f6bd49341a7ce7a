/**
 * Reads entries of a zip archive (a .docx), enough for tests and benches to look at a letter:
 * its text, its images. Plain JS so Node scripts and the TypeScript tests share it.
 */

/** The central directory: sizes there are reliable even when local headers use data descriptors. */
function centralDirectory(bytes) {
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

/** The names of the entries (e.g. the images under word/media/ of a .docx). */
export function zipEntryNames(bytes) {
  return centralDirectory(bytes).map((e) => e.name);
}

/** One entry's bytes, uncompressed, or null when absent. */
export async function readZipBytes(bytes, name) {
  const entry = centralDirectory(bytes).find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataStart = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressed);
  if (entry.method === 0) return new Uint8Array(data);
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One entry as text, or null when absent. */
export async function readZipEntry(bytes, name) {
  const data = await readZipBytes(bytes, name);
  return data === null ? null : new TextDecoder().decode(data);
}

/** The visible text of a .docx: the runs of word/document.xml, joined. */
export async function docxText(bytes) {
  const xml = (await readZipEntry(bytes, "word/document.xml")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
