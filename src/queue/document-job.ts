import { isAbsolute } from "node:path";
import { z } from "zod";
import { isIsoDate } from "../core/ids.ts";
import type { GivenMeta } from "../ingest/manifest.ts";
import { formatOfPath, isUrl } from "../ingest/sources.ts";
import type { PlannedInput } from "../pipeline/ingest.ts";
import type { DocumentJob } from "./job-queue.ts";

const Meta = {
  published: z.string().refine(isIsoDate, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD").nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
};

// Job data is read back from the database: a job queued by another version,
// or by hand, is checked like any input.
const DocumentJobData = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("file"),
    path: z.string().refine(isAbsolute, "must be an absolute path"),
    // Jobs queued before saved pages kept their address have none.
    address: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).nullish(),
    ...Meta,
  }),
  z.object({
    kind: z.literal("url"),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    ...Meta,
  }),
]);

const NO_META: GivenMeta = { published: null, outlet: null, title: null };

/**
 * The job for a planned input that can be queued: a file (by its absolute
 * path) or a URL, with its metadata; null for stdin, which only this
 * process can read, and for inputs already settled (failed or skipped).
 */
export function documentJob({ item, given }: PlannedInput): DocumentJob | null {
  if (item.kind !== "read") return null;
  const { source } = item;
  switch (source.kind) {
    case "file":
      return { kind: "file", path: source.path, address: isUrl(source.uri) ? source.uri : null, ...given };
    case "url":
      return { kind: "url", url: source.uri, ...given };
    case "stdin":
      return null;
    default:
      throw new Error(`unknown source ${JSON.stringify(source satisfies never)}`);
  }
}

/**
 * A taken job's data as an input to ingest: a file or URL to read with its
 * metadata, or, when the data is not a document job, an input failed with
 * the reason (the job then fails with it).
 */
export function plannedFromJob(data: unknown): PlannedInput {
  const parsed = DocumentJobData.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    const message = `not a document job (${where}${issue?.message ?? "invalid"})`;
    return {
      item: { kind: "failed", uri: jobInput(data), failure: { kind: "invalid_job", message } },
      given: NO_META,
    };
  }
  const { published, outlet, title } = parsed.data;
  const given: GivenMeta = {
    published: published !== null && isIsoDate(published) ? published : null,
    outlet,
    title,
  };
  if (parsed.data.kind === "url") {
    return { item: { kind: "read", source: { kind: "url", uri: parsed.data.url } }, given };
  }
  const { path, address } = parsed.data;
  const format = formatOfPath(path);
  if (format === null) {
    const failure = {
      kind: "unsupported" as const,
      message: "unsupported file type: use .txt, .md, .html or .pdf",
    };
    return { item: { kind: "failed", uri: path, failure }, given };
  }
  return { item: { kind: "read", source: { kind: "file", uri: address ?? path, path, format } }, given };
}

/** The file or URL a job names, or its data (clipped) when it names neither. */
export function jobInput(data: unknown): string {
  if (typeof data === "object" && data !== null) {
    const { path, url } = data as { path?: unknown; url?: unknown };
    if (typeof path === "string") return path;
    if (typeof url === "string") return url;
  }
  const text = JSON.stringify(data);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
