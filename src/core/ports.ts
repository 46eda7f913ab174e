import type { AlertFiring, AlertRule, NewAlertFiring, NewAlertRule } from "./alerts.ts";
import type { TriangulateError } from "./errors.ts";
import type { Feed, FeedState } from "./feeds.ts";
import type {
  ClusterCorrections,
  Correction,
  CorrectionStatus,
  NewCorrection,
  RecordKey,
} from "./corrections.ts";
import type { DocId, IsoDate } from "./ids.ts";
import type {
  ActorRecord,
  ClaimRecord,
  DocumentRecord,
  EventRecord,
  DocumentSummary,
  EventRowField,
  Extraction,
  KbRecord,
  RecordType,
  SourcedEvent,
  Stats,
  Unit,
} from "./records.ts";

/** A token of the NLP engine, with offsets into the text it was given. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal POS tag (`NOUN`, `VERB`, `PROPN`, ...). */
  readonly pos: string;
  /** Lower-case lemma (`expelled` -> `expel`). */
  readonly lemma: string;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** The NLP port: sentences and tokens of a text. Adapters live in `src/nlp/`. */
export interface NlpEngine {
  /** Sentences never cross a line break; offsets index `text`. */
  analyse(text: string): readonly Sentence[];
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface DocumentQuery extends PageRequest {
  /** Full-text query over title and text. */
  readonly q?: string | undefined;
  readonly outlet?: string | undefined;
}

export interface EventQuery extends PageRequest {
  /** Either side: an actor id or a country code. */
  readonly actor?: string | undefined;
  readonly source?: string | undefined;
  readonly target?: string | undefined;
  readonly root?: string | undefined;
  /** Inclusive bounds, compared at the precision of the bound. */
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  readonly doc?: DocId | undefined;
}

/** Events as rows of values, compact where each event as an object would repeat its field names. */
export interface EventRows {
  /** What each row holds, in order. */
  readonly fields: readonly EventRowField[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly total: number;
}

export interface ClaimQuery extends PageRequest {
  readonly subject?: string | undefined;
  readonly unit?: Unit | undefined;
  /** Words in the metric or quote. */
  readonly q?: string | undefined;
  readonly doc?: DocId | undefined;
}

export interface ActorSummary extends ActorRecord {
  readonly events: number;
}

export interface SearchHit {
  readonly document: DocumentSummary;
  /** Plain text around the matches; `[` and `]` mark matched words. */
  readonly snippet: string;
  readonly rank: number;
}

export interface FiringQuery extends PageRequest {
  /** Only firings with a larger id (those a page has not seen yet). */
  readonly after?: number | undefined;
}

/**
 * What a save did with a document: stored it (`added`), replaced the
 * metadata and extractions of its stored text (`updated`, a correction), or
 * nothing, the text being stored already as it is (`unchanged`).
 */
export type SaveOutcome = "added" | "updated" | "unchanged";

export interface DocumentToSave {
  readonly doc: DocumentRecord;
  readonly extraction: Extraction;
  /**
   * True when `doc` corrects a stored text's metadata (uri, title, outlet,
   * published): where they differ from the stored ones, the stored document
   * takes them and its extractions are replaced by `extraction`, atomically.
   * Otherwise a stored text is left as it is.
   */
  readonly correction?: boolean | undefined;
}

/** What became of one document of a batch: saved (or already there), or left out whole. */
export type SaveResult =
  | { readonly ok: true; readonly outcome: SaveOutcome }
  | { readonly ok: false; readonly error: TriangulateError };

/**
 * The store port. SQLite (`src/store/sqlite/`) is the embedded default; every
 * method is async so that a server database can sit behind the same interface.
 */
export interface Store {
  /** Writes a document and all its extractions in one transaction, or nothing. */
  saveDocument(doc: DocumentRecord, extraction: Extraction): Promise<SaveOutcome>;
  /**
   * Saves a batch in one transaction, each document atomically on its own: one
   * that fails is left out whole and the others are written. Cheaper per
   * document than `saveDocument` (index maintenance runs once a batch).
   */
  saveDocuments(batch: readonly DocumentToSave[]): Promise<readonly SaveResult[]>;
  /** The stored document with this text (SHA-256 of it), without its text; null when there is none. */
  findDocument(sha256: string): Promise<DocumentSummary | null>;
  /**
   * A token that changes whenever the records change (a document added or
   * corrected): what an analysis of the knowledge base was made from.
   */
  revision(): Promise<string>;
  stats(): Promise<Stats>;
  listDocuments(query: DocumentQuery): Promise<Page<DocumentSummary>>;
  getDocument(id: DocId): Promise<DocumentRecord | null>;
  /** Mentions, events and claims of one document, in text order. */
  getExtraction(id: DocId): Promise<Extraction>;
  listActors(): Promise<readonly ActorSummary[]>;
  /** Events in date order (undated last), each with its document's outlet and date. */
  listEvents(query: EventQuery): Promise<Page<SourcedEvent>>;
  /**
   * The page `listEvents` gives, as the JSON text of `EventRows` holding the
   * given fields in `EVENT_ROW_FIELDS` order: built by the database without
   * an object per event, for the charts' thousands of events.
   */
  listEventRows(query: EventQuery, fields: readonly EventRowField[]): Promise<string>;
  listClaims(query: ClaimQuery): Promise<Page<ClaimRecord>>;
  search(q: string, limit: number): Promise<readonly SearchHit[]>;
  /** Every record of the given types, documents first, for export. */
  records(types: ReadonlySet<RecordType>): AsyncIterable<KbRecord>;

  /**
   * Follows a feed (its state new).
   * @throws TriangulateError `invalid_input` when the URL is followed already.
   */
  addFeed(url: string, outlet: string | null, added: string): Promise<Feed>;
  /** The feeds followed, oldest first. */
  listFeeds(): Promise<readonly Feed[]>;
  /** Stops following a feed; false when there was none with that id. */
  removeFeed(id: number): Promise<boolean>;
  /** Records how a poll went (validators, backoff). */
  setFeedState(id: number, state: FeedState): Promise<void>;
  /** The article URLs of the list that no feed has delivered yet, in list order. */
  unseenArticles(urls: readonly string[]): Promise<readonly string[]>;
  /** Notes article URLs as delivered by a feed (once delivered, never fetched from a feed again). */
  markArticlesSeen(feedId: number, urls: readonly string[]): Promise<void>;

  addAlertRule(rule: NewAlertRule): Promise<AlertRule>;
  /** The rules, oldest first. */
  listAlertRules(): Promise<readonly AlertRule[]>;
  /** Removes a rule (its past firings stay); false when there was none with that id. */
  removeAlertRule(id: number): Promise<boolean>;
  /** Stores firings, giving each its id, in order. */
  saveAlertFirings(firings: readonly NewAlertFiring[]): Promise<readonly AlertFiring[]>;
  /** Firings, newest first. */
  listAlertFirings(query: FiringQuery): Promise<Page<AlertFiring>>;

  /** Stores an analyst's correction (an undo too), giving it its id. */
  addCorrection(correction: NewCorrection): Promise<Correction>;
  /** Every correction ever made, undos included, oldest first. */
  correctionHistory(): Promise<readonly Correction[]>;
  /** Every correction, oldest first, with how it stands against the records stored now (applied, undone, orphaned). */
  listCorrections(): Promise<readonly CorrectionStatus[]>;
  /** The claims the corrections in force split out of their clusters or merge, by record id. */
  clusterCorrections(): Promise<ClusterCorrections>;
  /**
   * An event or claim of a document as extracted (before any correction,
   * even when rejected) with the key a correction of it is stored under;
   * null when the document has no record with that id.
   */
  correctable(doc: DocId, id: string): Promise<Correctable | null>;
  close(): Promise<void>;
}

/** A record an analyst may correct, as extracted, and its key. */
export interface Correctable {
  readonly key: RecordKey;
  readonly record: EventRecord | ClaimRecord;
}

/**
 * What a database adapter implements: the port less what `withCorrections`
 * (`src/store/corrected-store.ts`) adds on top of any adapter. Records
 * read through an adapter are as extracted; through the port, corrected.
 */
export type StoreAdapter = Omit<Store, "listCorrections" | "clusterCorrections" | "correctable">;
