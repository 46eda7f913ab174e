/** One file of the built web UI. */
export interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/**
 * Where the server finds the built web UI (`dist/web`). A port, so that the
 * app itself never touches the file system: `createDirectoryAssets` reads a
 * folder; tests may hand in anything else.
 */
export interface WebAssets {
  /** The file at a URL path (`/assets/index-3f2a.js`), or null when there is none. */
  get(path: string): Promise<Asset | null>;
}
