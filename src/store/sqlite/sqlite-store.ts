import type { Database, Statement } from "better-sqlite3";
import { TriangulateError } from "../../core/errors.ts";
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
  ClaimRecord,
  DocumentRecord,
  DocumentSummary,
  EventRowField,
  Extraction,
  KbRecord,
  RecordType,
  SourcedEvent,
  Stats,
} from "../../core/records.ts";
import { EVENT_ROW_FIELDS } from "../../core/records.ts";
import { checkExtraction } from "../check-extraction.ts";
import { dayRange } from "../../core/calendar.ts";
import { claimWhere, eventPage, eventWhere } from "./filters.ts";
import type { Where } from "./filters.ts";
import { ftsQuery } from "./fts-query.ts";
import { settle } from "./settle.ts";
import { storeError } from "../store-error.ts";
import { createSqliteWatchStore } from "./watch-store.ts";
import { createSqliteCorrectionStore } from "./correction-store.ts";
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

const SUMMARY_COLUMNS = "d.id, d.uri, d.title, d.outlet, d.published, d.language, d.sha256";
const ACTOR_COLUMNS = "a.id, a.kind, a.name, a.country";
const MENTION_COLUMNS = 'doc, actor, country, start, "end", text';
const EVENT_COLUMNS = `id, doc, date, source, source_country AS sourceCountry, target,
  target_country AS targetCountry, location, cameo, root, plover, goldstein, modality, rule, quote, start, "end"`;
// A listed event's source: looked up by the document's unique id, per row of the page only.
const OUTLET_SQL = "(SELECT outlet FROM documents WHERE documents.id = events.doc)";
const PUBLISHED_SQL = "(SELECT published FROM documents WHERE documents.id = events.doc)";
const SOURCED_EVENT_COLUMNS = `${EVENT_COLUMNS}, ${OUTLET_SQL} AS outlet, ${PUBLISHED_SQL} AS published`;
/** The SQL of each field of a listed event, for rows built by `json_array`. */
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
const CLAIM_COLUMNS = `id, doc, value, value_max AS valueMax, unit, qualifier, subjects, metric, period,
  quote, start, "end"`;
/** `day_first` of an undated event (see migration 0001). */
const UNDATED = "~";
/** Title words count four times body words in search ranking. */
const BM25 = "bm25(documents_fts, 4.0, 1.0)";

/** Export order: documents first, so a reader knows each record's document before it. */
const RECORD_ORDER: readonly RecordType[] = ["document", "actor", "mention", "event", "claim"];

interface Count {
  readonly n: number;
}

/**
 * The `Store` port on an open, migrated better-sqlite3 database (see
 * `openSqliteStore` in `src/store/open.ts`). Calls are synchronous underneath;
 * driver errors surface as TriangulateError `store_failed`.
 */
export function createSqliteStore(db: Database): StoreAdapter {
  const statements = new Map<string, Statement>();
  /** Prepares each distinct SQL text once (filters combine into a bounded set of texts). */
  const sql = (text: string): Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const all = <T>(text: string, ...params: unknown[]): T[] => sql(text).all(...params) as T[];
  const get = (text: string, ...params: unknown[]): unknown => sql(text).get(...params);
  const count = (text: string, params: readonly unknown[]): number =>
    (get(text, ...params) as Count | undefined)?.n ?? 0;

  // Positional parameters: binding by name costs a lookup per value, and ingest
  // binds about 150 rows a document.
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, sha256, uri, title, outlet, published, language, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // First name wins: a later document cannot rename a known actor.
  const insertActor = db.prepare(
    "INSERT INTO actors (id, kind, name, country) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
  );
  const insertMention = db.prepare(
    `INSERT INTO mentions (doc, actor, country, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (id, doc, date, day_first, day_last, source, source_country, target, target_country,
       location, cameo, root, plover, goldstein, modality, rule, quote, start, "end")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO claims (id, doc, value, value_max, unit, qualifier, subjects, metric, period, quote, start, "end")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSubject = db.prepare("INSERT OR IGNORE INTO claim_subjects (subject, claim) VALUES (?, ?)");
  const hasSha256 = db.prepare("SELECT 1 FROM documents WHERE sha256 = ?").pluck();
  const lastSeq = db.prepare("SELECT coalesce(max(seq), 0) FROM documents").pluck();
  // One statement a transaction (see migration 0002): FTS5 flushes its terms once.
  const indexDocumentsAfter = db.prepare(
    "INSERT INTO documents_fts (rowid, title, text) SELECT seq, title, text FROM documents WHERE seq > ?",
  );
  /** Runs `write` and indexes in FTS5 the documents it added. */
  const indexing = <T>(write: () => T): T => {
    const before = lastSeq.get();
    const result = write();
    indexDocumentsAfter.run(before);
    return result;
  };
  /**
   * Actors this connection has seen committed: actors are never deleted, so a
   * document naming them again needs no insert. Filled only after a commit, so
   * a rolled-back insert is never taken for a stored actor.
   */
  const storedActors = new Set<string>();

  const updateDocument = db.prepare(
    `UPDATE documents SET uri = ?, title = ?, outlet = ?, published = ?, revised = revised + 1
     WHERE sha256 = ? AND (uri IS NOT ? OR title IS NOT ? OR outlet IS NOT ? OR published IS NOT ?)`,
  );
  // Claims' subjects go with their claims (ON DELETE CASCADE).
  const deleteExtraction = ["mentions", "events", "claims"].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE doc = ?`),
  );

  /** Writes the rows of a document's extraction (its document row is written). */
  const writeExtraction = (extraction: Extraction): void => {
    for (const actor of extraction.actors) {
      if (!storedActors.has(actor.id)) insertActor.run(actor.id, actor.kind, actor.name, actor.country);
    }
    for (const m of extraction.mentions) insertMention.run(m.doc, m.actor, m.country, m.start, m.end, m.text);
    for (const e of extraction.events) {
      const span = e.date === null ? null : dayRange(e.date);
      insertEvent.run(
        e.id,
        e.doc,
        e.date,
        // The migration's sentinel: undated events sort last and match no date bound.
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
      );
    }
    for (const c of extraction.claims) {
      const { lastInsertRowid } = insertClaim.run(
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
      );
      for (const subject of c.subjects) insertSubject.run(subject, lastInsertRowid);
    }
  };

  /**
   * Corrects a stored text: takes the metadata of `doc` where it differs
   * (the FTS5 index follows by its update trigger) and replaces the
   * extraction. The caller's transaction or savepoint makes it atomic.
   */
  const correctDocument = ({ doc, extraction }: DocumentToSave): SaveOutcome => {
    const { uri, title, outlet, published } = doc;
    const meta = [uri, title, outlet, published];
    if (updateDocument.run(...meta, doc.sha256, ...meta).changes === 0) return "unchanged";
    for (const remove of deleteExtraction) remove.run(doc.id);
    writeExtraction(extraction);
    return "updated";
  };

  /** Writes one document's rows; the caller runs it in a transaction or savepoint. */
  const writeDocument = (item: DocumentToSave): SaveOutcome => {
    const { doc, extraction } = item;
    if (hasSha256.get(doc.sha256) !== undefined) {
      return item.correction === true ? correctDocument(item) : "unchanged";
    }
    insertDocument.run(
      doc.id,
      doc.sha256,
      doc.uri,
      doc.title,
      doc.outlet,
      doc.published,
      doc.language,
      doc.text,
    );
    writeExtraction(extraction);
    return "added";
  };
  // Every write transaction is begun IMMEDIATE (`.immediate` below): it takes
  // the write lock before its first read (`lastSeq`, `hasSha256`), so a second
  // writer, another ingest process on the same file, waits for it on the busy
  // timeout. A deferred transaction starts as a reader, and its first write
  // after another process's commit fails at once with SQLITE_BUSY whatever the
  // timeout: that lost documents. Nested in a transaction, each is a savepoint.
  const save = db.transaction((item: DocumentToSave) => indexing(() => writeDocument(item)));

  /** Notes the actors of documents whose transaction has committed (see `storedActors`). */
  const committed = (extractions: readonly Extraction[]): void => {
    for (const extraction of extractions) for (const actor of extraction.actors) storedActors.add(actor.id);
  };

  const listEventsSync = (query: EventQuery): Page<SourcedEvent> => {
    const w = eventWhere(query);
    return page(count(`SELECT count(*) AS n FROM events ${w.sql}`, w.params), query.limit, () => {
      const p = eventPage(query, SOURCED_EVENT_COLUMNS);
      return all<EventRow & SourceRow>(p.sql, ...p.params).map(toSourcedEvent);
    });
  };

  // Rows go out as SQLite writes them, not re-checked one by one as `toEvent` checks records:
  // they feed charts by the thousand, and every event was checked when it was saved.
  const listEventRowsSync = (query: EventQuery, fields: readonly EventRowField[]): string => {
    const chosen = EVENT_ROW_FIELDS.filter((field) => fields.includes(field));
    const w = eventWhere(query);
    const total = count(`SELECT count(*) AS n FROM events ${w.sql}`, w.params);
    const p = eventPage(query, `json_array(${chosen.map((field) => EVENT_FIELD_SQL[field]).join(", ")})`);
    // Prepared for this call only: field lists are the caller's to choose, and cached statements would pile up.
    const rows =
      query.limit > 0
        ? (db
            .prepare(p.sql)
            .pluck()
            .all(...p.params) as string[])
        : [];
    return `{"fields":${JSON.stringify(chosen)},"rows":[${rows.join(",")}],"total":${total}}`;
  };

  const listClaimsSync = (query: ClaimQuery): Page<ClaimRecord> => {
    const w = claimWhere(query);
    return page(count(`SELECT count(*) AS n FROM claims ${w.sql}`, w.params), query.limit, () =>
      all<ClaimRow>(
        `SELECT ${CLAIM_COLUMNS} FROM claims ${w.sql} ORDER BY seq LIMIT ? OFFSET ?`,
        ...w.params,
        query.limit,
        query.offset,
      ).map(toClaim),
    );
  };

  const listDocumentsSync = (query: DocumentQuery): Page<DocumentSummary> => {
    const match = query.q === undefined ? null : ftsQuery(query.q);
    const conditions: Where[] = [];
    if (match !== null) conditions.push({ sql: "documents_fts MATCH ?", params: [match] });
    if (query.outlet !== undefined) conditions.push({ sql: "d.outlet = ?", params: [query.outlet] });
    const filter = conditions.map((c) => c.sql).join(" AND ");
    const params = conditions.flatMap((c) => c.params);
    // A search lists by relevance; a listing by publication date (undated last), then ingest order.
    const from =
      match === null
        ? "FROM documents d"
        : "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid";
    const order = match === null ? "ORDER BY d.published IS NULL, d.published, d.seq" : `ORDER BY ${BM25}`;
    const whereSql = filter ? `WHERE ${filter}` : "";
    return page(count(`SELECT count(*) AS n ${from} ${whereSql}`, params), query.limit, () =>
      all<DocumentRow>(
        `SELECT ${SUMMARY_COLUMNS} ${from} ${whereSql} ${order} LIMIT ? OFFSET ?`,
        ...params,
        query.limit,
        query.offset,
      ).map(toDocumentSummary),
    );
  };

  const searchSync = (q: string, limit: number): SearchHit[] => {
    const match = ftsQuery(q);
    if (match === null) return [];
    return all<DocumentRow & { snippet: string; score: number }>(
      `SELECT ${SUMMARY_COLUMNS}, snippet(documents_fts, -1, '[', ']', '…', 24) AS snippet, ${BM25} AS score
       FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
       WHERE documents_fts MATCH ? ORDER BY score LIMIT ?`,
      match,
      limit,
    ).map(({ snippet, score, ...row }) => ({
      document: toDocumentSummary(row),
      snippet,
      // bm25 is lower for better matches; the port's rank is higher for better.
      rank: -score,
    }));
  };

  const statsSync = (): Stats => ({
    documents: count("SELECT count(*) AS n FROM documents", []),
    actors: count("SELECT count(*) AS n FROM actors", []),
    events: count("SELECT count(*) AS n FROM events", []),
    claims: count("SELECT count(*) AS n FROM claims", []),
    eventsByRoot: all<{ root: string; events: number }>(
      "SELECT root, count(*) AS events FROM events GROUP BY root ORDER BY root",
    ),
    documentsByOutlet: all<{ outlet: string | null; documents: number }>(
      "SELECT outlet, count(*) AS documents FROM documents GROUP BY outlet ORDER BY documents DESC, outlet",
    ),
  });

  // Counts change as records are added, and `revised` as documents are corrected.
  const revisionSync = (): string =>
    ["documents", "actors", "events", "claims"]
      .map((table) => count(`SELECT count(*) AS n FROM ${table}`, []))
      .concat(count("SELECT total(revised) AS n FROM documents WHERE revised > 0", []))
      .join("/");

  const extractionSync = (id: DocId): Extraction => ({
    actors: all<ActorRow>(
      `SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id IN (
         SELECT actor FROM mentions WHERE doc = @id
         UNION SELECT source FROM events WHERE doc = @id
         UNION SELECT target FROM events WHERE doc = @id)
       ORDER BY a.seq`,
      { id },
    ).map(toActor),
    mentions: all<MentionRow>(
      `SELECT ${MENTION_COLUMNS} FROM mentions WHERE doc = ? ORDER BY start, seq`,
      id,
    ).map(toMention),
    events: all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE doc = ? ORDER BY start, seq`, id).map(
      toEvent,
    ),
    claims: all<ClaimRow>(`SELECT ${CLAIM_COLUMNS} FROM claims WHERE doc = ? ORDER BY start, seq`, id).map(
      toClaim,
    ),
  });

  /** Every record of the chosen types, one row at a time: a large knowledge base never sits in memory. */
  function* recordsSync(types: ReadonlySet<RecordType>): Generator<KbRecord, void, undefined> {
    for (const type of RECORD_ORDER) {
      if (!types.has(type)) continue;
      // Leaving a `for...of` early (the reader stopped) closes the cursor, so the connection is free again.
      switch (type) {
        case "document":
          for (const row of sql(
            `SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d ORDER BY d.seq`,
          ).iterate()) {
            yield toDocument(row as DocumentRow & { text: string });
          }
          break;
        case "actor":
          for (const row of sql(`SELECT ${ACTOR_COLUMNS} FROM actors a ORDER BY a.seq`).iterate()) {
            yield toActor(row as ActorRow);
          }
          break;
        case "mention":
          for (const row of sql(`SELECT ${MENTION_COLUMNS} FROM mentions ORDER BY seq`).iterate()) {
            yield toMention(row as MentionRow);
          }
          break;
        case "event":
          for (const row of sql(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY seq`).iterate()) {
            yield toEvent(row as EventRow);
          }
          break;
        case "claim":
          for (const row of sql(`SELECT ${CLAIM_COLUMNS} FROM claims ORDER BY seq`).iterate()) {
            yield toClaim(row as ClaimRow);
          }
          break;
        default:
          throw new TriangulateError("invalid_data", `unknown record type ${String(type satisfies never)}`);
      }
    }
  }

  const saveChecked = (item: DocumentToSave): SaveOutcome => {
    checkExtraction(item.doc, item.extraction);
    return save.immediate(item);
  };
  // Nested in this transaction, each `save` runs in a savepoint of its own, so
  // a failing document rolls back alone; the batch commits (and FTS5 flushes
  // its index) once.
  const saveBatch = db.transaction((batch: readonly DocumentToSave[]): SaveResult[] =>
    batch.map((item): SaveResult => {
      try {
        return { ok: true, outcome: saveChecked(item) };
      } catch (error) {
        return { ok: false, error: storeError(saveAction(item.doc), error) };
      }
    }),
  );
  const saveOne = (doc: DocumentRecord, extraction: Extraction): SaveOutcome => {
    const outcome = saveChecked({ doc, extraction });
    if (outcome === "added") committed([extraction]);
    return outcome;
  };
  // The common case first: every document of the batch is good, and the batch
  // is written without a savepoint each (SQLite copies every page a savepoint
  // changes to a sub-journal first, which cost more than the writes). Should any
  // document fail, all of it rolls back and `saveBatch` writes the batch again
  // document by document.
  const saveAllOrNothing = db.transaction((batch: readonly DocumentToSave[]): SaveResult[] =>
    indexing(() =>
      batch.map((item): SaveResult => {
        try {
          checkExtraction(item.doc, item.extraction);
          return { ok: true, outcome: writeDocument(item) };
        } catch {
          throw new DocumentFailed();
        }
      }),
    ),
  );
  const saveMany = (batch: readonly DocumentToSave[]): SaveResult[] => {
    let results: SaveResult[];
    try {
      results = saveAllOrNothing.immediate(batch);
    } catch (error) {
      // Only a document's failure is retried; the database's own (busy, full) goes up as before.
      if (!(error instanceof DocumentFailed)) throw error;
      results = saveBatch.immediate(batch);
    }
    committed(
      batch
        .filter((_, i) => results[i]?.ok === true && results[i].outcome !== "unchanged")
        .map((d) => d.extraction),
    );
    return results;
  };

  let closed = false;

  // The port is async so that a server database fits behind it; better-sqlite3
  // is synchronous, so each method settles at once.
  return {
    saveDocument: (doc, extraction) => settle(saveAction(doc), () => saveOne(doc, extraction)),
    saveDocuments: (batch) => settle("cannot save documents", () => saveMany(batch)),
    findDocument: (sha256) =>
      settle("cannot read documents", () => {
        const row = get(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.sha256 = ?`, sha256);
        return row ? toDocumentSummary(row as DocumentRow) : null;
      }),
    revision: () => settle("cannot read the revision", revisionSync),
    stats: () => settle("cannot count records", statsSync),
    listDocuments: (query) => settle("cannot list documents", () => listDocumentsSync(query)),
    getDocument: (id) =>
      settle(`cannot read document ${id}`, () => {
        const row = get(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ?`, id);
        return row ? toDocument(row as DocumentRow & { text: string }) : null;
      }),
    getExtraction: (id) => settle(`cannot read the extraction of ${id}`, () => extractionSync(id)),
    listActors: () =>
      settle("cannot list actors", () =>
        all<ActorRow & { events: number }>(
          `SELECT ${ACTOR_COLUMNS},
             (SELECT count(*) FROM events e WHERE e.source = a.id OR e.target = a.id) AS events
           FROM actors a ORDER BY events DESC, a.name`,
        ).map((row): ActorSummary => ({ ...toActor(row), events: row.events })),
      ),
    listEvents: (query) => settle("cannot list events", () => listEventsSync(query)),
    listEventRows: (query, fields) => settle("cannot list events", () => listEventRowsSync(query, fields)),
    listClaims: (query) => settle("cannot list claims", () => listClaimsSync(query)),
    search: (q, limit) => settle("cannot search", () => searchSync(q, limit)),
    records: (types) => asyncIterable("cannot read records", () => recordsSync(types)),
    ...createSqliteWatchStore(db),
    ...createSqliteCorrectionStore(db),
    close: () =>
      settle("cannot close the database", () => {
        if (closed) return;
        closed = true;
        // Lets SQLite refresh the planner's statistics it finds stale (cheap; see PRAGMA optimize).
        if (!db.readonly) db.pragma("optimize");
        db.close();
      }),
  };
}

/** Rolls back an all-or-nothing batch so that it is written again document by document. */
class DocumentFailed extends Error {}

function page<T>(total: number, limit: number, items: () => readonly T[]): Page<T> {
  return { total, items: limit > 0 ? items() : [] };
}

function saveAction(doc: DocumentRecord): string {
  return `cannot save document ${doc.id} (${doc.uri})`;
}

/** An async view of a synchronous iterator whose every step is a driver call. */
function asyncIterable<T>(action: string, create: () => Iterator<T, void, undefined>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
      const iterator = create();
      return {
        next: () => settle(action, () => iterator.next()),
        // Stopping early must reach the generator, which closes its cursor.
        return: () => settle(action, () => iterator.return?.() ?? { done: true, value: undefined }),
      };
    },
  };
}
