import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import type { IngestFailure } from "./failure.ts";

/** How the bytes of an input are read as text. */
export type SourceFormat = "text" | "markdown" | "html" | "pdf";

/** Where an input's bytes come from. `uri` is the path or URL as the user gave it. */
export type Source =
  | { readonly kind: "file"; readonly uri: string; readonly path: string; readonly format: SourceFormat }
  | { readonly kind: "url"; readonly uri: string }
  | { readonly kind: "stdin"; readonly uri: "-" };

/** One item of an ingest run, in input order: a source to read, or an input already settled. */
export type PlannedItem =
  | { readonly kind: "read"; readonly source: Source }
  | { readonly kind: "failed"; readonly uri: string; readonly failure: IngestFailure }
  | { readonly kind: "skipped"; readonly uri: string; readonly reason: string };

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
};

/** The format a file name's extension gives, or null. */
export function formatOfPath(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/**
 * Files that describe a folder rather than belong to it (README, licence,
 * changelog...): in a folder they are skipped, not read as articles; named
 * on their own, they are read like any file.
 */
const ABOUT_THE_FOLDER =
  /^(?:readme|licen[cs]e|copying|notice|changelog|changes|contributing|authors)(?:\.[^.]+)?$/i;

/** Whether an input names an http(s) URL rather than a path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Turns the command line's inputs into items: folders are walked (sorted,
 * recursively, hidden entries left out), `-` is stdin, `http(s)://` a URL.
 * In folders, files of other types and a folder's README or licence are
 * skipped, and `manifest.json` is passed
 * over silently; a named file of another type, or a path that does not
 * exist, fails. The same file or URL twice is read once.
 */
export async function planInputs(
  inputs: readonly string[],
  cwd: string = process.cwd(),
): Promise<readonly PlannedItem[]> {
  const items: PlannedItem[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const input of inputs) {
    if (input === "-") {
      if (once("-")) items.push({ kind: "read", source: { kind: "stdin", uri: "-" } });
    } else if (isUrl(input)) {
      if (!URL.canParse(input)) {
        items.push({ kind: "failed", uri: input, failure: { kind: "missing", message: "not a valid URL" } });
      } else if (once(input)) {
        items.push({ kind: "read", source: { kind: "url", uri: input } });
      }
    } else {
      await planPath(input, cwd, items, once);
    }
  }
  return items;
}

async function planPath(
  input: string,
  cwd: string,
  items: PlannedItem[],
  once: (key: string) => boolean,
): Promise<void> {
  const path = resolve(cwd, input);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    items.push({
      kind: "failed",
      uri: input,
      failure: { kind: "missing", message: "no such file or folder" },
    });
    return;
  }
  if (!isFolder) {
    const format = formatOfPath(input);
    if (!once(await realpath(path).catch(() => path))) return;
    items.push(
      format
        ? { kind: "read", source: { kind: "file", uri: input, path, format } }
        : {
            kind: "failed",
            uri: input,
            failure: {
              kind: "unsupported",
              message: `unsupported file type${extname(input) ? ` (${extname(input)})` : ""}: use .txt, .md, .html or .pdf`,
            },
          },
    );
    return;
  }
  for (const { relative, real } of await walk(path, "", new Set())) {
    const uri = join(input, relative);
    const file = join(path, relative);
    if (basename(file).toLowerCase() === "manifest.json" || !once(real)) continue;
    const format = formatOfPath(file);
    items.push(
      !format
        ? { kind: "skipped", uri, reason: "not an article file" }
        : ABOUT_THE_FOLDER.test(basename(file))
          ? { kind: "skipped", uri, reason: "about the folder, not an article" }
          : { kind: "read", source: { kind: "file", uri, path: file, format } },
    );
  }
}

/** A file found in a walk: its path under the walked folder, and its real path (the same file twice has one). */
interface Found {
  readonly relative: string;
  readonly real: string;
}

/** Every file under a folder, depth first in name order, without hidden entries; each folder once. */
async function walk(root: string, folder: string, visited: Set<string>): Promise<Found[]> {
  let entries: Dirent[];
  let real: string;
  try {
    // A symbolic link back up the tree would otherwise be walked for ever.
    real = await realpath(join(root, folder));
    if (visited.has(real)) return [];
    visited.add(real);
    entries = await readdir(real, { withFileTypes: true });
  } catch {
    // An unreadable subfolder holds nothing we can read.
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: Found[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      isFolder = await stat(join(root, path)).then(
        (info) => info.isDirectory(),
        () => false,
      );
    }
    if (isFolder) files.push(...(await walk(root, path, visited)));
    else files.push({ relative: path, real: join(real, entry.name) });
  }
  return files;
}
