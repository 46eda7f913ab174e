import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import { isIsoDate } from "../core/ids.ts";

/** Metadata that a manifest or the command line gives for a document; null leaves it to the document. */
export interface GivenMeta {
  readonly published: IsoDate | null;
  readonly outlet: string | null;
  readonly title: string | null;
}

/**
 * One manifest entry. A `file` is joined to the manifest's folder as given
 * (`uri`, what the user sees; an absolute path stays as it is) and resolved
 * (`path`, what is matched). A `file` with a `url` is a saved page: the file
 * is read, and the URL is the document's address (`address`).
 */
export type ManifestEntry = GivenMeta &
  (
    | { readonly kind: "file"; readonly uri: string; readonly path: string; readonly address: string | null }
    | { readonly kind: "url"; readonly url: string }
  );

// An empty string means unknown, as null does.
const Text = z
  .string()
  .trim()
  .transform((value) => value || null)
  .nullish();

const Entry = z
  .object({
    file: z.string().min(1, "must not be empty").optional(),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    published: z
      .string()
      .trim()
      .refine((value) => value === "" || isIsoDate(value), "must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
      .nullish(),
    outlet: Text,
    title: Text,
  })
  // Other keys are allowed: manifests made for other tools may carry more.
  .superRefine((entry, context) => {
    if (entry.file === undefined && entry.url === undefined) {
      context.addIssue({
        code: "custom",
        message: "needs a file or a url (or both: a saved page)",
        path: ["file"],
      });
    }
  });

const Manifest = z.array(Entry, { error: "must be a JSON array of entries" });

/**
 * Validates a manifest (a JSON array of `{file | url, published, outlet,
 * title}`) and resolves each `file` against the manifest's folder (a relative
 * manifest path is taken from `cwd`). Errors name the manifest, the entry
 * (counted from 0) and the field.
 *
 * @example parseManifest('[{"file": "a.txt", "published": "2026-03"}]', "/data/manifest.json")
 */
export function parseManifest(
  json: string,
  manifestPath: string,
  cwd: string = process.cwd(),
): readonly ManifestEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TriangulateError("invalid_input", `${manifestPath}: not JSON: ${reason}`);
  }
  const parsed = Manifest.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, field] = issue?.path ?? [];
    const where =
      typeof index === "number" ? ` entry ${index}${field === undefined ? "" : `, ${String(field)}`}:` : "";
    throw new TriangulateError("invalid_input", `${manifestPath}:${where} ${issue?.message ?? "invalid"}`);
  }
  const folder = dirname(manifestPath);
  return parsed.data.map((entry): ManifestEntry => {
    const meta: GivenMeta = {
      published: entry.published || null,
      outlet: entry.outlet ?? null,
      title: entry.title ?? null,
    };
    if (entry.file === undefined) return { kind: "url", url: entry.url ?? "", ...meta };
    return {
      kind: "file",
      uri: isAbsolute(entry.file) ? entry.file : join(folder, entry.file),
      path: resolve(cwd, folder, entry.file),
      address: entry.url ?? null,
      ...meta,
    };
  });
}

/** Reads and validates a manifest file (a relative path is taken from `cwd`); errors name the file. */
export async function readManifest(
  path: string,
  cwd: string = process.cwd(),
): Promise<readonly ManifestEntry[]> {
  let json: string;
  try {
    json = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const reason = isMissing(error) ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new TriangulateError("invalid_input", `${path}: ${reason}`, { cause: error });
  }
  return parseManifest(json, path, cwd);
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
