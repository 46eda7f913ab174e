import { readFile } from "node:fs/promises";
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

/**
 * Serves the files of one folder (the Vite build in `dist/web`). Paths that
 * leave the folder, hidden files and unknown file types are not served.
 */
export function createDirectoryAssets(root: string): WebAssets {
  const base = resolve(root);
  return {
    async get(path: string): Promise<Asset | null> {
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return null;
      }
      if (decoded.includes("\0") || decoded.split("/").some((part) => part.startsWith("."))) return null;
      const file = resolve(join(base, decoded));
      if (!file.startsWith(base + sep)) return null;
      const contentType = CONTENT_TYPES[extname(file)];
      if (contentType === undefined) return null;
      try {
        const bytes = await readFile(file);
        return { body: new Uint8Array(bytes), contentType };
      } catch {
        return null; // missing, a folder, or unreadable: the app answers 404 or falls back to the SPA
      }
    },
  };
}
