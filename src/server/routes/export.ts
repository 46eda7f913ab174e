import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { TriangulateError } from "../../core/errors.ts";
import type { DocId } from "../../core/ids.ts";
import { docIdOrThrow } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import type { ActorRecord, ClaimRecord, EventRecord } from "../../core/records.ts";
import type { SourceDocument } from "../../analysis/sources.ts";
import { buildStixBundle } from "../../export/stix.ts";
import { ParameterError } from "../errors.ts";

/** Most records one selection may name: a table's worth, not the knowledge base (`triangulate export` is for that). */
export const MAX_SELECTION = 5000;

/** An event (`<doc>-e<n>`) or claim (`<doc>-c<n>`) id: the document's id and the record's place in it. */
const RECORD_ID = /^([0-9a-f]{16})-[ec]\d+$/;

const stixSelection = z.strictObject({
  ids: z
    .array(z.string().regex(RECORD_ID, "must be event or claim ids (<document>-e<n>, <document>-c<n>)"))
    .min(1, "must name at least one event or claim")
    .max(MAX_SELECTION, `may name at most ${MAX_SELECTION} records`),
});

export interface ExportApiOptions {
  /** The time stamped on the bundle's objects. */
  readonly now?: (() => Date) | undefined;
}

/**
 * `POST /export/stix` with `{ "ids": [...] }`: a STIX 2.1 bundle of the
 * named events and claims (the rows a table shows), with their documents as
 * reports and their actors as identities, built by the same `buildStixBundle`
 * as `triangulate export --format stix`.
 */
export function createExportApi(store: Store, options: ExportApiOptions = {}) {
  const now = options.now ?? (() => new Date());
  return new Hono().post(
    "/export/stix",
    validator("json", (value) => {
      const result = stixSelection.safeParse(value);
      if (result.success) return result.data;
      const issue = result.error.issues[0];
      const field = issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path.join(".");
      throw new ParameterError(field || "ids", issue?.message ?? "invalid selection");
    }),
    async (c) => {
      const selection = await selectRecords(store, c.req.valid("json").ids);
      return c.json(buildStixBundle(selection, now()));
    },
  );
}

/**
 * The records `ids` name, read a document at a time.
 * @throws TriangulateError `not_found` naming the ids that are not stored.
 */
async function selectRecords(
  store: Store,
  ids: readonly string[],
): Promise<{
  documents: SourceDocument[];
  actors: ActorRecord[];
  events: EventRecord[];
  claims: ClaimRecord[];
}> {
  const wanted = new Set(ids);
  const byDoc = new Map<DocId, true>();
  for (const id of wanted) byDoc.set(docIdOrThrow(RECORD_ID.exec(id)?.[1] ?? ""), true);
  const documents: SourceDocument[] = [];
  const events: EventRecord[] = [];
  const claims: ClaimRecord[] = [];
  for (const docId of byDoc.keys()) {
    const doc = await store.getDocument(docId);
    if (!doc) continue;
    const { text: _text, ...summary } = doc;
    documents.push(summary);
    const extraction = await store.getExtraction(docId);
    events.push(...extraction.events.filter((event) => wanted.has(event.id)));
    claims.push(...extraction.claims.filter((claim) => wanted.has(claim.id)));
  }
  const found = new Set<string>([...events, ...claims].map((record) => record.id));
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(", ");
    throw new TriangulateError(
      "not_found",
      `no event or claim with id ${shown}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ""}`,
    );
  }
  const named = new Set(events.flatMap((event) => [event.source, event.target ?? event.source]));
  const actors = (await store.listActors())
    .filter((actor) => named.has(actor.id))
    .map(({ events: _events, ...actor }) => actor);
  return { documents, actors, events, claims };
}
