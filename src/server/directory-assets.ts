import { readFileSync, readdirSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import type { Asset, WebAssets } from "./assets.ts";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
  ".woff2": "font/woff2",
};

/** Vite fingerprints every file under this path, so a file there never changes. */
const FINGERPRINTED = "/assets/";

/**
 * Serves the files of one folder (the Vite build in `dist/web`). Paths that
 * leave the folder, hidden files and unknown file types are not served.
 * Fingerprinted files are read once, when the server starts (a rebuild's new
 * ones when first asked for), and answered from memory: a view's code then
 * arrives at once, even while a large query holds the server.
 */
export function createDirectoryAssets(root: string): WebAssets {
  const base = resolve(root);
  const kept = new Map<string, Asset>();
  for (const name of filesIn(join(base, FINGERPRINTED))) {
    const asset = readAsset(join(base, FINGERPRINTED, name));
    if (asset) kept.set(FINGERPRINTED + name, asset);
  }
  return {
    get(path: string): Promise<Asset | null> {
      const known = kept.get(path);
      if (known) return Promise.resolve(known);
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return Promise.resolve(null);
      }
      if (decoded.includes("\0") || decoded.split("/").some((part) => part.startsWith("."))) {
        return Promise.resolve(null);
      }
      const file = resolve(join(base, decoded));
      if (!file.startsWith(base + sep)) return Promise.resolve(null);
      const asset = readAsset(file);
      if (asset && path.startsWith(FINGERPRINTED)) kept.set(path, asset);
      return Promise.resolve(asset);
    },
  };
}

/** The file with its content type; null for an unknown type, or a file that is missing or unreadable. */
function readAsset(file: string): Asset | null {
  const contentType = CONTENT_TYPES[extname(file)];
  if (contentType === undefined) return null;
  try {
    // Small files, mostly from the page cache: a synchronous read is quicker than a trip to the thread pool.
    return { body: new Uint8Array(readFileSync(file)), contentType };
  } catch {
    return null; // missing, a folder, or unreadable: the app answers 404 or falls back to the SPA
  }
}

/** The names of the files a folder holds (hidden ones left out); none when it is missing. */
function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
