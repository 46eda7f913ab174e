import { createHash } from "node:crypto";
import { dayRange } from "../../core/calendar.ts";
import type { DocumentToSave, SaveOutcome } from "../../core/ports.ts";
import type { ActorRecord, DocumentRecord } from "../../core/records.ts";
import type { PoolClient } from "./connection.ts";

/** `day_first` of an undated event (see migration 0001). */
const UNDATED = "~";

/** Inserts rows given as one array per column (`unnest`): one statement, however many rows. */
async function insertColumns(
  client: PoolClient,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  values: readonly (readonly unknown[])[],
  suffix = "",
): Promise<{ rows: Record<string, unknown>[] }> {
  const names = columns.map(([name]) => (name === "end" ? '"end"' : name)).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  return client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`, [
    ...values,
  ]);
}

/** The values of `columns` for each item, as one array per column. */
function columnsOf<T>(
  items: readonly T[],
  pick: (item: T) => readonly unknown[],
  width: number,
): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const item of items) pick(item).forEach((value, i) => out[i]?.push(value));
  return out;
}

/** An advisory lock's key for a text: the first 64 bits of its SHA-256 (`kind` keeps kinds apart). */
function lockKey(kind: string, text: string): bigint {
  const digest = createHash("sha256").update(`${kind}\0${text}`).digest();
  return digest.readBigInt64BE(0);
}

/**
 * Writes documents (already checked) and their extractions on `client`, in
 * the caller's transaction, and says of each, in the batch's order, whether
 * it was added, corrected (`updated`: a correction whose metadata differs
 * from the stored document's; its extraction replaces the stored one) or was
 * there already. Actors in `knownActors` are committed already and are not
 * written again.
 *
 * Concurrent writers: identity is the UNIQUE `sha256`, and a document another
 * transaction has written counts as unchanged (`ON CONFLICT DO NOTHING`):
 * never a read-then-write. A correction is one conditional UPDATE, made
 * under the document's lock. Before writing, the transaction takes an advisory
 * lock for each of its documents and new actors, all in one order (by key),
 * so writers with overlapping batches wait for each other but never
 * deadlock, and rows are still inserted in the batch's order (`seq` is
 * document order, as in SQLite). The first name given to an actor stays.
 */
export async function writeDocuments(
  client: PoolClient,
  batch: readonly DocumentToSave[],
  knownActors: ReadonlySet<string>,
): Promise<readonly SaveOutcome[]> {
  const actors = new Map<string, ActorRecord>();
  for (const { extraction } of batch) {
    for (const actor of extraction.actors) {
      if (!knownActors.has(actor.id) && !actors.has(actor.id)) actors.set(actor.id, actor);
    }
  }
  const keys = new Set([
    ...batch.map(({ doc }) => lockKey("document", doc.sha256)),
    ...[...actors.keys()].map((id) => lockKey("actor", id)),
  ]);
  const ordered = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // `unnest` yields the keys in the array's order, so the locks are taken in that order.
  await client.query("SELECT pg_advisory_xact_lock(key) FROM unnest($1::bigint[]) AS key", [
    ordered.map(String),
  ]);
  if (actors.size > 0) {
    await insertColumns(
      client,
      "actors",
      [
        ["id", "text"],
        ["kind", "text"],
        ["name", "text"],
        ["country", "text"],
      ],
      columnsOf([...actors.values()], (a) => [a.id, a.kind, a.name, a.country], 4),
      "ON CONFLICT (id) DO NOTHING",
    );
  }
  const corrected = new Set<string>();
  for (const { doc, correction } of batch) {
    if (correction === true && (await correct(client, doc))) corrected.add(doc.sha256);
  }
  const inserted = await insertColumns(
    client,
    "documents",
    [
      ["id", "text"],
      ["sha256", "text"],
      ["uri", "text"],
      ["title", "text"],
      ["outlet", "text"],
      ["published", "text"],
      ["language", "text"],
      ["text", "text"],
    ],
    columnsOf(
      batch,
      ({ doc }) => [
        doc.id,
        doc.sha256,
        doc.uri,
        doc.title,
        doc.outlet,
        doc.published,
        doc.language,
        doc.text,
      ],
      8,
    ),
    "ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
  );
  // Of copies of one text in the batch, the first is the one added: each added hash counts once.
  const fresh = new Set(inserted.rows.map((row) => row.sha256));
  const outcomes = batch.map(({ doc }): SaveOutcome => {
    if (fresh.delete(doc.sha256)) return "added";
    return corrected.delete(doc.sha256) ? "updated" : "unchanged";
  });
  const updated = batch.filter((_, i) => outcomes[i] === "updated").map(({ doc }) => doc.id);
  if (updated.length > 0) {
    // Claims' subjects are a column of theirs: nothing else holds a document's records.
    for (const table of ["mentions", "events", "claims"]) {
      await client.query(`DELETE FROM ${table} WHERE doc = ANY($1::text[])`, [updated]);
    }
  }
  await writeExtractions(
    client,
    batch.filter((_, i) => outcomes[i] !== "unchanged"),
  );
  return outcomes;
}

/**
 * Gives a stored document the metadata of `doc` where they differ (the
 * search vector, a generated column, follows); false when there was no such
 * document or nothing to change.
 */
async function correct(client: PoolClient, doc: DocumentRecord): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE documents SET uri = $2, title = $3, outlet = $4, published = $5, revised = revised + 1
     WHERE sha256 = $1 AND (uri, title, outlet, published) IS DISTINCT FROM ($2, $3, $4, $5)`,
    [doc.sha256, doc.uri, doc.title, doc.outlet, doc.published],
  );
  return rowCount === 1;
}

/** The mentions, events and claims of documents just added or corrected, in document order. */
async function writeExtractions(client: PoolClient, added: readonly DocumentToSave[]): Promise<void> {
  const mentions = added.flatMap(({ extraction }) => extraction.mentions);
  const events = added.flatMap(({ extraction }) => extraction.events);
  const claims = added.flatMap(({ extraction }) => extraction.claims);
  if (mentions.length > 0) {
    await insertColumns(
      client,
      "mentions",
      [
        ["doc", "text"],
        ["actor", "text"],
        ["country", "text"],
        ["start", "integer"],
        ["end", "integer"],
        ["text", "text"],
      ],
      columnsOf(mentions, (m) => [m.doc, m.actor, m.country, m.start, m.end, m.text], 6),
    );
  }
  if (events.length > 0) {
    await insertColumns(
      client,
      "events",
      [
        ["id", "text"],
        ["doc", "text"],
        ["date", "text"],
        ["day_first", "text"],
        ["day_last", "text"],
        ["source", "text"],
        ["source_country", "text"],
        ["target", "text"],
        ["target_country", "text"],
        ["location", "text"],
        ["cameo", "text"],
        ["root", "text"],
        ["plover", "text"],
        ["goldstein", "float8"],
        ["modality", "text"],
        ["rule", "text"],
        ["quote", "text"],
        ["start", "integer"],
        ["end", "integer"],
      ],
      columnsOf(
        events,
        (e) => {
          const span = e.date === null ? null : dayRange(e.date);
          return [
            e.id,
            e.doc,
            e.date,
            span?.first ?? UNDATED,
            span?.last ?? null,
            e.source,
            e.sourceCountry,
            e.target,
            e.targetCountry,
            e.location,
            e.cameo,
            e.root,
            e.plover,
            e.goldstein,
            e.modality,
            e.rule,
            e.quote,
            e.start,
            e.end,
          ];
        },
        19,
      ),
    );
  }
  if (claims.length > 0) {
    // `unnest` cannot take an array per row: subjects travel as JSON and become the row's array.
    await client.query(
      `INSERT INTO claims (id, doc, value, value_max, unit, qualifier, subjects, metric, period, quote, start, "end")
       SELECT id, doc, value, value_max, unit, qualifier, ARRAY(SELECT json_array_elements_text(subjects::json)),
         metric, period, quote, start, "end"
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::integer[], $12::integer[])
         AS c (id, doc, value, value_max, unit, qualifier, subjects, metric, period, quote, start, "end")`,
      columnsOf(
        claims,
        (c) => [
          c.id,
          c.doc,
          c.value,
          c.valueMax,
          c.unit,
          c.qualifier,
          JSON.stringify(c.subjects),
          c.metric,
          c.period,
          c.quote,
          c.start,
          c.end,
        ],
        12,
      ),
    );
  }
}
