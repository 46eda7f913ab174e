import type { DocId } from "../../core/ids.ts";
import type {
  ActorSummary,
  ClaimQuery,
  DocumentQuery,
  DocumentToSave,
  EventQuery,
  Page,
  SaveOutcome,
  SaveResult,
  SearchHit,
  StoreAdapter,
} from "../../core/ports.ts";
import type {
  DocumentRecord,
  EventRowField,
  Extraction,
  KbRecord,
  RecordType,
  Stats,
} from "../../core/records.ts";
import { EVENT_ROW_FIELDS } from "../../core/records.ts";
import { checkExtraction } from "../check-extraction.ts";
import type { ActorRow, ClaimRow, DocumentRow, EventRow, MentionRow, SourceRow } from "../rows.ts";
import {
  toActor,
  toClaim,
  toDocument,
  toDocumentSummary,
  toEvent,
  toMention,
  toSourcedEvent,
} from "../rows.ts";
import { attempt, storeError } from "../store-error.ts";
import type { Pool } from "./connection.ts";
import { inTransaction, isDataError } from "./connection.ts";
import { claimWhere, eventPage, eventWhere } from "./filters.ts";
import type { Params } from "./params.ts";
import { createParams } from "./params.ts";
import { TS_CONFIG, tsQuery } from "./ts-query.ts";
import { createPostgresWatchStore } from "./watch-store.ts";
import { createPostgresCorrectionStore } from "./correction-store.ts";
import { writeDocuments } from "./write-documents.ts";

const SUMMARY_COLUMNS = "d.id, d.uri, d.title, d.outlet, d.published, d.language, d.sha256";
const ACTOR_COLUMNS = "a.id, a.kind, a.name, a.country";
const MENTION_COLUMNS = 'doc, actor, country, start, "end", text';
const EVENT_COLUMNS = `id, doc, date, source, source_country AS "sourceCountry", target,
  target_country AS "targetCountry", location, cameo, root, plover, goldstein, modality, rule, quote, start, "end"`;
// A listed event's source: looked up by the document's unique id, per row of the page only.
const OUTLET_SQL = "(SELECT outlet FROM documents WHERE documents.id = events.doc)";
const PUBLISHED_SQL = "(SELECT published FROM documents WHERE documents.id = events.doc)";
const SOURCED_EVENT_COLUMNS = `${EVENT_COLUMNS}, ${OUTLET_SQL} AS outlet, ${PUBLISHED_SQL} AS published`;
/** The SQL of each field of a listed event, for rows built by `json_build_array`. */
const EVENT_FIELD_SQL: Readonly<Record<EventRowField, string>> = {
  id: "id",
  doc: "doc",
  date: "date",
  source: "source",
  sourceCountry: "source_country",
  target: "target",
  targetCountry: "target_country",
  location: "location",
  cameo: "cameo",
  root: "root",
  plover: "plover",
  goldstein: "goldstein",
  modality: "modality",
  rule: "rule",
  quote: "quote",
  start: "start",
  end: '"end"',
  outlet: OUTLET_SQL,
  published: PUBLISHED_SQL,
};
// Subjects go out as the JSON text SQLite keeps, which `toClaim` reads.
const CLAIM_COLUMNS = `id, doc, value, value_max AS "valueMax", unit, qualifier,
  array_to_json(subjects)::text AS subjects, metric, period, quote, start, "end"`;
/**
 * Title words count four times body words in ranking, as in the FTS5 search
 * (weights of D, C, B, A: the title is A, the text D).
 */
const RANK_WEIGHTS = "'{0.25, 0.25, 0.25, 1}'";
/**
 * Snippets as FTS5's: some 24 words around the matches, marked with brackets.
 * Two fragments of up to 16 words, because with one PostgreSQL shows the start
 * of the text unmarked when no single stretch holds every word of the query.
 */
const HEADLINE_OPTIONS = `'StartSel=[, StopSel=], MaxFragments=2, MaxWords=16, MinWords=8, FragmentDelimiter=" … "'`;

/** Rows per query when streaming records: documents carry their text, the others are small. */
const RECORD_PAGE: Readonly<Record<RecordType, number>> = {
  document: 100,
  actor: 1000,
  mention: 1000,
  event: 1000,
  claim: 1000,
};
/** Export order: documents first, so a reader knows each record's document before it. */
const RECORD_ORDER: readonly RecordType[] = ["document", "actor", "mention", "event", "claim"];
/**
 * How each type of record is read, a page at a time after a `seq`. (The
 * cursor is named apart from `seq`: in ORDER BY an output column's name wins,
 * and `seq` as text would sort "100" before "11".)
 */
const RECORD_SQL: Readonly<Record<RecordType, string>> = {
  document: `SELECT d.seq::text AS cursor, ${SUMMARY_COLUMNS}, d.text FROM documents d`,
  actor: `SELECT a.seq::text AS cursor, ${ACTOR_COLUMNS} FROM actors a`,
  mention: `SELECT seq::text AS cursor, ${MENTION_COLUMNS} FROM mentions`,
  event: `SELECT seq::text AS cursor, ${EVENT_COLUMNS} FROM events`,
  claim: `SELECT seq::text AS cursor, ${CLAIM_COLUMNS} FROM claims`,
};

function toRecord(type: RecordType, row: unknown): KbRecord {
  switch (type) {
    case "document":
      return toDocument(row as DocumentRow & { text: string });
    case "actor":
      return toActor(row as ActorRow);
    case "mention":
      return toMention(row as MentionRow);
    case "event":
      return toEvent(row as EventRow);
    case "claim":
      return toClaim(row as ClaimRow);
    default:
      throw new Error(`unknown record type ${String(type satisfies never)}`);
  }
}

/**
 * The `Store` port on a pool of connections to a migrated PostgreSQL database
 * (see `openPostgresStore` in `src/store/open.ts`). Several processes may
 * write at once: a document's identity is its SHA-256, which the database's
 * UNIQUE constraint enforces, and each document is written whole or not at
 * all. Driver errors surface as TriangulateError `store_failed`.
 */
export function createPostgresStore(pool: Pool): StoreAdapter {
  const rows = async <T>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pool.query<T & object>(sql, [...params])).rows;
  const count = async (sql: string, params: readonly unknown[] = []): Promise<number> =>
    (await rows<{ n: number }>(sql, params))[0]?.n ?? 0;

  /**
   * Actors this store has seen committed: actors are never deleted, so a
   * document naming them again needs no insert (nor lock). Filled only after
   * a commit, so a rolled-back insert is never taken for a stored actor.
   */
  const storedActors = new Set<string>();
  /** Writes documents in one transaction; a run that changed nothing is rolled back. */
  const write = async (batch: readonly DocumentToSave[]): Promise<readonly SaveOutcome[]> => {
    const changedNothing = (results: readonly SaveOutcome[]): boolean =>
      results.every((outcome) => outcome === "unchanged");
    const outcomes = await inTransaction(
      pool,
      (client) => writeDocuments(client, batch, storedActors),
      changedNothing,
    );
    // Committed only when something changed (see `inTransaction` above).
    if (!changedNothing(outcomes)) {
      for (const { extraction } of batch) for (const actor of extraction.actors) storedActors.add(actor.id);
    }
    return outcomes;
  };

  /** One document in a transaction of its own: saved, or left out whole with the reason. */
  const saveAlone = async (item: DocumentToSave): Promise<SaveResult> => {
    try {
      const [outcome = "unchanged"] = await write([item]);
      return { ok: true, outcome };
    } catch (error) {
      if (!isDataError(error)) throw error;
      return { ok: false, error: storeError(saveAction(item.doc), error) };
    }
  };

  const saveMany = async (batch: readonly DocumentToSave[]): Promise<readonly SaveResult[]> => {
    const results: SaveResult[] = [];
    /** The documents that pass the checks, with their place in the batch. */
    const valid: { readonly at: number; readonly item: DocumentToSave }[] = [];
    batch.forEach((item, at) => {
      try {
        checkExtraction(item.doc, item.extraction);
        valid.push({ at, item });
      } catch (error) {
        results[at] = { ok: false, error: storeError(saveAction(item.doc), error) };
      }
    });
    if (valid.length === 0) return results;
    try {
      const outcomes = await write(valid.map(({ item }) => item));
      valid.forEach(({ at }, k) => (results[at] = { ok: true, outcome: outcomes[k] ?? "unchanged" }));
    } catch (error) {
      // The database's own failure (connection, space) is the whole batch's.
      if (!isDataError(error)) throw error;
      // A document the checks let through broke a constraint: all of the batch
      // was rolled back, and each is written again on its own, so that only it is left out.
      for (const { at, item } of valid) results[at] = await saveAlone(item);
    }
    return results;
  };

  const saveOne = async (doc: DocumentRecord, extraction: Extraction): Promise<SaveOutcome> => {
    checkExtraction(doc, extraction);
    const [outcome = "unchanged"] = await write([{ doc, extraction }]);
    return outcome;
  };

  const listEvents = async (query: EventQuery): Promise<Page<ReturnType<typeof toSourcedEvent>>> => {
    const w = createParams();
    const total = await count(`SELECT count(*)::integer AS n FROM events ${eventWhere(query, w)}`, w.values);
    if (query.limit <= 0) return { total, items: [] };
    const p = createParams();
    const page = eventPage(query, SOURCED_EVENT_COLUMNS, p);
    return { total, items: (await rows<EventRow & SourceRow>(page, p.values)).map(toSourcedEvent) };
  };

  // Rows go out as PostgreSQL writes them, not re-checked one by one as `toEvent` checks records:
  // they feed charts by the thousand, and every event was checked when it was saved.
  const listEventRows = async (query: EventQuery, fields: readonly EventRowField[]): Promise<string> => {
    const chosen = EVENT_ROW_FIELDS.filter((field) => fields.includes(field));
    const w = createParams();
    const total = await count(`SELECT count(*)::integer AS n FROM events ${eventWhere(query, w)}`, w.values);
    let json: string[] = [];
    if (query.limit > 0) {
      const p = createParams();
      const columns = `json_build_array(${chosen.map((field) => EVENT_FIELD_SQL[field]).join(", ")})::text AS row`;
      json = (await rows<{ row: string }>(eventPage(query, columns, p), p.values)).map((r) => r.row);
    }
    return `{"fields":${JSON.stringify(chosen)},"rows":[${json.join(",")}],"total":${total}}`;
  };

  const listClaims = async (query: ClaimQuery): Promise<Page<ReturnType<typeof toClaim>>> => {
    const w = createParams();
    const total = await count(`SELECT count(*)::integer AS n FROM claims ${claimWhere(query, w)}`, w.values);
    if (query.limit <= 0) return { total, items: [] };
    const p = createParams();
    const filter = claimWhere(query, p);
    const page = `SELECT ${CLAIM_COLUMNS} FROM claims ${filter} ORDER BY seq LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`;
    return { total, items: (await rows<ClaimRow>(page, p.values)).map(toClaim) };
  };

  /** The conditions and order of a document listing; a search lists by relevance. */
  const documentFilter = (query: DocumentQuery, p: Params): { where: string; order: string } => {
    const match = query.q === undefined ? null : tsQuery(query.q, p);
    const conditions: string[] = [];
    if (match !== null) conditions.push(`d.search @@ (${match})`);
    if (query.outlet !== undefined) conditions.push(`d.outlet = ${p.add(query.outlet)}`);
    return {
      where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "",
      // A listing by publication date (undated last), then ingest order.
      order:
        match === null
          ? "ORDER BY d.published IS NULL, d.published, d.seq"
          : `ORDER BY ts_rank(${RANK_WEIGHTS}, d.search, (${match})) DESC, d.seq`,
    };
  };

  const listDocuments = async (query: DocumentQuery): Promise<Page<ReturnType<typeof toDocumentSummary>>> => {
    const w = createParams();
    const total = await count(
      `SELECT count(*)::integer AS n FROM documents d ${documentFilter(query, w).where}`,
      w.values,
    );
    if (query.limit <= 0) return { total, items: [] };
    const p = createParams();
    const { where, order } = documentFilter(query, p);
    const page = `SELECT ${SUMMARY_COLUMNS} FROM documents d ${where} ${order} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`;
    return { total, items: (await rows<DocumentRow>(page, p.values)).map(toDocumentSummary) };
  };

  const search = async (q: string, limit: number): Promise<SearchHit[]> => {
    const p = createParams();
    const match = tsQuery(q, p);
    if (match === null) return [];
    // The snippet comes from the text, or from the title when only the title matches (as FTS5 picks the column).
    const found = await rows<DocumentRow & { snippet: string; score: number }>(
      `SELECT ${SUMMARY_COLUMNS},
         CASE WHEN d.title IS NULL OR ts_filter(d.search, '{d}') @@ (${match})
           THEN ts_headline(${TS_CONFIG}, d.text, (${match}), ${HEADLINE_OPTIONS})
           ELSE ts_headline(${TS_CONFIG}, d.title, (${match}), ${HEADLINE_OPTIONS}) END AS snippet,
         ts_rank(${RANK_WEIGHTS}, d.search, (${match})) AS score
       FROM documents d WHERE d.search @@ (${match})
       ORDER BY score DESC, d.seq LIMIT ${p.add(limit)}`,
      p.values,
    );
    return found.map(({ snippet, score, ...row }) => ({
      document: toDocumentSummary(row),
      snippet,
      rank: score,
    }));
  };

  const stats = async (): Promise<Stats> => {
    const [documents, actors, events, claims, eventsByRoot, documentsByOutlet] = await Promise.all([
      count("SELECT count(*)::integer AS n FROM documents"),
      count("SELECT count(*)::integer AS n FROM actors"),
      count("SELECT count(*)::integer AS n FROM events"),
      count("SELECT count(*)::integer AS n FROM claims"),
      rows<{ root: string; events: number }>(
        "SELECT root, count(*)::integer AS events FROM events GROUP BY root ORDER BY root",
      ),
      // NULLS FIRST: where SQLite sorts them.
      rows<{ outlet: string | null; documents: number }>(
        `SELECT outlet, count(*)::integer AS documents FROM documents GROUP BY outlet
         ORDER BY documents DESC, outlet NULLS FIRST`,
      ),
    ]);
    return { documents, actors, events, claims, eventsByRoot, documentsByOutlet };
  };

  const getExtraction = async (id: DocId): Promise<Extraction> => {
    const [actors, mentions, events, claims] = await Promise.all([
      rows<ActorRow>(
        `SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id IN (
           SELECT actor FROM mentions WHERE doc = $1
           UNION SELECT source FROM events WHERE doc = $1
           UNION SELECT target FROM events WHERE doc = $1)
         ORDER BY a.seq`,
        [id],
      ),
      rows<MentionRow>(`SELECT ${MENTION_COLUMNS} FROM mentions WHERE doc = $1 ORDER BY start, seq`, [id]),
      rows<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE doc = $1 ORDER BY start, seq`, [id]),
      rows<ClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE doc = $1 ORDER BY start, seq`, [id]),
    ]);
    return {
      actors: actors.map(toActor),
      mentions: mentions.map(toMention),
      events: events.map(toEvent),
      claims: claims.map(toClaim),
    };
  };

  /**
   * Every record of the chosen types, a page at a time by `seq` (a large
   * knowledge base never sits in memory), all from one snapshot of the
   * database (a repeatable-read transaction): writers going on meanwhile never
   * give an export a document's events without the document. The connection
   * goes back to the pool when the reader finishes or stops early.
   */
  async function* records(types: ReadonlySet<RecordType>): AsyncGenerator<KbRecord, void, undefined> {
    const client = await attempt("cannot read records", () => pool.connect());
    let broken: Error | undefined;
    try {
      await attempt("cannot read records", () =>
        client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
      );
      for (const type of RECORD_ORDER) {
        if (!types.has(type)) continue;
        let after = "0";
        for (;;) {
          const { rows: page } = await attempt("cannot read records", () =>
            client.query<{ cursor: string }>(`${RECORD_SQL[type]} WHERE seq > $1 ORDER BY seq LIMIT $2`, [
              after,
              RECORD_PAGE[type],
            ]),
          );
          for (const row of page) yield toRecord(type, row);
          const last = page.at(-1);
          if (last === undefined || page.length < RECORD_PAGE[type]) break;
          after = last.cursor;
        }
      }
    } finally {
      // Read only: ending it by a rollback is as good as a commit.
      await client.query("ROLLBACK").catch((error: unknown) => {
        broken = error instanceof Error ? error : new Error(String(error));
      });
      client.release(broken);
    }
  }

  let closed = false;
  return {
    saveDocument: (doc, extraction) => attempt(saveAction(doc), () => saveOne(doc, extraction)),
    saveDocuments: (batch) => attempt("cannot save documents", () => saveMany(batch)),
    findDocument: (sha256) =>
      attempt("cannot read documents", async () => {
        const [row] = await rows<DocumentRow>(
          `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.sha256 = $1`,
          [sha256],
        );
        return row ? toDocumentSummary(row) : null;
      }),
    // Counts change as records are added, and `revised` as documents are corrected.
    revision: () =>
      attempt("cannot read the revision", async () => {
        const [row] = await rows<{ revision: string }>(
          `SELECT concat_ws('/', (SELECT count(*) FROM documents), (SELECT count(*) FROM actors),
             (SELECT count(*) FROM events), (SELECT count(*) FROM claims),
             (SELECT coalesce(sum(revised), 0) FROM documents WHERE revised > 0)) AS revision`,
        );
        return row?.revision ?? "";
      }),
    stats: () => attempt("cannot count records", stats),
    listDocuments: (query) => attempt("cannot list documents", () => listDocuments(query)),
    getDocument: (id) =>
      attempt(`cannot read document ${id}`, async () => {
        const [row] = await rows<DocumentRow & { text: string }>(
          `SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`,
          [id],
        );
        return row ? toDocument(row) : null;
      }),
    getExtraction: (id) => attempt(`cannot read the extraction of ${id}`, () => getExtraction(id)),
    listActors: () =>
      attempt("cannot list actors", async () =>
        (
          await rows<ActorRow & { events: number }>(
            `SELECT ${ACTOR_COLUMNS},
               (SELECT count(*)::integer FROM events e WHERE e.source = a.id OR e.target = a.id) AS events
             FROM actors a ORDER BY events DESC, a.name`,
          )
        ).map((row): ActorSummary => ({ ...toActor(row), events: row.events })),
      ),
    listEvents: (query) => attempt("cannot list events", () => listEvents(query)),
    listEventRows: (query, fields) => attempt("cannot list events", () => listEventRows(query, fields)),
    listClaims: (query) => attempt("cannot list claims", () => listClaims(query)),
    search: (q, limit) => attempt("cannot search", () => search(q, limit)),
    records,
    ...createPostgresWatchStore(pool),
    ...createPostgresCorrectionStore(pool),
    close: () =>
      attempt("cannot close the database", async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      }),
  };
}

function saveAction(doc: DocumentRecord): string {
  return `cannot save document ${doc.id} (${doc.uri})`;
}
