export function zipEntryNames(bytes: Uint8Array): string[];
export function readZipBytes(bytes: Uint8Array, name: string): Promise<Uint8Array | null>;
export function readZipEntry(bytes: Uint8Array, name: string): Promise<string | null>;
export function docxText(bytes: Uint8Array): Promise<string>;
