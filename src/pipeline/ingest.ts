import { TriangulateError, errorMessage } from "../core/errors.ts";
import type { NlpEngine, SaveResult, Store } from "../core/ports.ts";
import type { DocumentRecord, Extraction } from "../core/records.ts";
import type { CodingKnowledge, Knowledge } from "../extract/knowledge.ts";
import type { IngestFailure } from "../ingest/failure.ts";
import { loadFunctionWords } from "../ingest/language-data.ts";
import type { LanguageDetector } from "../ingest/language.ts";
import { createLanguageDetector } from "../ingest/language.ts";
import type { GivenMeta, ManifestEntry } from "../ingest/manifest.ts";
import type { Prepared } from "../ingest/prepare.ts";
import { prepareDocument } from "../ingest/prepare.ts";
import type { FetchLike, ReadOptions } from "../ingest/read.ts";
import { readSource } from "../ingest/read.ts";
import type { PlannedItem, Source } from "../ingest/sources.ts";
import { planInputs } from "../ingest/sources.ts";
import { correctedDocument } from "./correction.ts";
import type { Extractor } from "./extractor.ts";
import { createInProcessExtractor, createSplitExtractor, createWorkerExtractor } from "./extractor.ts";
import type { IngestSummary, ItemResult, Reporter } from "./report.ts";

export interface IngestOptions {
  /** Entries of a `--manifest`: metadata for the files and URLs they name, and the inputs when none are given. */
  readonly manifest?: readonly ManifestEntry[] | undefined;
  /** `--published/--outlet/--title`: metadata for every document of the inputs. */
  readonly given?: Partial<GivenMeta> | undefined;
  /** Largest input (bytes) and text (UTF-8 bytes) accepted; 5 MB by default. */
  readonly maxBytes?: number | undefined;
  /** How long a URL may take; 20 s by default. */
  readonly timeoutMs?: number | undefined;
  /**
   * On batches of 50 documents or more, worker threads that extract whole
   * documents; 0 extracts everything on this thread. By default one worker
   * thread finds sentences and tokens while this one extracts the rest.
   */
  readonly threads?: number | undefined;
  /** The folder relative paths are taken from; the process's by default. URIs keep the paths as given. */
  readonly cwd?: string | undefined;
}

export interface IngestDeps {
  readonly store: Store;
  readonly nlp: NlpEngine;
  /**
   * Called once, after any extraction threads have started, so that their
   * start-up (each loads a model) runs while this thread loads the knowledge.
   * Not called when a worker thread finds the sentences and actors (the
   * default on a batch), unless the thread dies: that thread loads the
   * gazetteer from `data/`, and this one the rest (`loadCodingKnowledge`).
   */
  readonly loadKnowledge: () => Knowledge;
  /** The knowledge but the gazetteer, for a run whose worker thread finds the actors. */
  readonly loadCodingKnowledge: () => CodingKnowledge;
  readonly fetch: FetchLike;
  readonly reporter: Reporter;
  /** All of stdin, or a `TooLargeError` past the limit (see `readStream`). */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** Defaults to the detector on `data/ingest/english-function-words.txt`. */
  readonly detectLanguage?: LanguageDetector | undefined;
}

export interface IngestRun {
  /** One result an item, in input order. */
  readonly results: readonly ItemResult[];
  readonly summary: IngestSummary;
}

export const DEFAULT_MAX_BYTES = 5_000_000;
export const DEFAULT_TIMEOUT_MS = 20_000;
/**
 * Documents saved per store transaction: FTS5 and the indexes are updated once
 * a batch, so a larger batch rewrites fewer index pages per document (128
 * costs about a tenth less store time than 32 over 1,000 seed-sized
 * articles, and more as the indexes grow).
 */
export const SAVE_BATCH = 128;
/** The smallest batch, however few documents are left. */
const MIN_SAVE_BATCH = 8;
/**
 * How many documents a batch saves when `remaining` items come after it: at
 * most half of them, so that batches shrink towards the end of a run and the
 * last one, the write nothing else overlaps, is short.
 */
function batchLimit(remaining: number): number {
  return Math.max(MIN_SAVE_BATCH, Math.min(SAVE_BATCH, Math.ceil(remaining / 2)));
}
/** Documents read and extracted ahead of the one being saved, per extracting thread. */
const AHEAD_PER_THREAD = 32;
/** Below this many documents, starting threads (a model load each) costs more than it saves. */
export const MIN_DOCUMENTS_FOR_THREADS = 50;

/** An item of a run with the metadata it is stored under (null fields are left to the document). */
export interface PlannedInput {
  readonly item: PlannedItem;
  readonly given: GivenMeta;
}

/**
 * Ingests files, folders, URLs and stdin (`-`): each input is read,
 * prepared (decoded, reduced to text, normalised, checked for English,
 * given its metadata), extracted and saved with all its extractions in one
 * store transaction. A text the store already has is not extracted again,
 * unless the metadata given for it corrects the stored document's
 * (`correctedDocument`): then it is extracted with the corrected date and
 * replaces the stored document's metadata and extractions (`updated`). Every problem with one input, up to a store that refuses the write,
 * becomes that item's failed result; the run goes on and never throws for it.
 * It throws, having stored nothing and read no URL or stdin, when the
 * knowledge cannot be loaded (local files may have been read while it loaded).
 *
 * @example
 * const { summary } = await ingest(["articles/"], {}, { store, nlp, knowledge, fetch, reporter, readStdin });
 */
export async function ingest(
  inputs: readonly string[],
  options: IngestOptions,
  deps: IngestDeps,
): Promise<IngestRun> {
  const planned = await planIngest(inputs, options);
  const documents = planned.filter(({ item }) => item.kind === "read").length;
  // Threads pay for themselves only on a batch: each loads its own model first.
  const threads = documents >= MIN_DOCUMENTS_FOR_THREADS ? options.threads : 0;
  const extractor = startExtractor(threads, deps);
  try {
    const loaded = extractor.loaded();
    const reading = readingDeps(options, deps);
    const early = readWhileLoading(planned, reading, loaded);
    await loaded;
    return await ingestPlanned(planned, options, { ...deps, extractor }, { reading, reads: await early });
  } finally {
    await extractor.close();
  }
}

/** Characters of text read ahead while the threads load: a bound on the memory it takes. */
const EARLY_READ_CHARS = 32_000_000;

/**
 * While the extractor's threads load their models (`loaded`), this thread,
 * idle otherwise, reads and prepares the run's first local files in order
 * (see `ingestPlanned`). It stops at the first URL or stdin: nothing is
 * fetched before the knowledge is known to load.
 */
async function readWhileLoading(
  planned: readonly PlannedInput[],
  deps: ReadingDeps,
  loaded: Promise<void>,
): Promise<Map<number, ReadItem>> {
  const threads = { loading: true };
  const stop = (): void => {
    threads.loading = false;
  };
  void loaded.then(stop, stop);
  const reads = new Map<number, ReadItem>();
  let chars = 0;
  for (let i = 0; i < planned.length && threads.loading && chars < EARLY_READ_CHARS; i++) {
    const next = planned[i];
    if (!next || (next.item.kind === "read" && next.item.source.kind !== "file")) break;
    const read = await readItem(next.item, next.given, deps);
    reads.set(i, read);
    if (read.kind === "prepared") chars += read.doc.text.length;
  }
  return reads;
}

/**
 * The items of a run, in input order, each with its metadata: the command
 * line's first, then the manifest's entry for it. Folders are walked; with
 * no inputs, the manifest's entries are the inputs.
 */
export async function planIngest(
  inputs: readonly string[],
  options: Pick<IngestOptions, "manifest" | "given" | "cwd">,
): Promise<readonly PlannedInput[]> {
  const manifest = options.manifest ?? [];
  const given: GivenMeta = {
    published: options.given?.published ?? null,
    outlet: options.given?.outlet ?? null,
    title: options.given?.title ?? null,
  };
  const items = await planInputs(inputs.length > 0 ? inputs : manifest.map(manifestInput), options.cwd);
  const entryByKey = new Map<string, ManifestEntry>(
    manifest.map((entry) => [entry.kind === "file" ? entry.path : entry.url, entry]),
  );
  return items.map((item) => {
    const entry = item.kind === "read" ? entryByKey.get(keyOf(item.source)) : undefined;
    return { item: withAddress(item, entry), given: mergeMeta(given, entry) };
  });
}

/**
 * The extractor of a run: on `threads` worker threads (0: this thread;
 * undefined: sentences and tokens on one worker thread, the rest here), with
 * the knowledge loaded here while the threads start. A long-lived process (a
 * queue worker) starts one, awaits its `loaded()` and passes it to every
 * `ingestPlanned`.
 * @throws what loading the knowledge throws, with the threads stopped.
 */
export function startExtractor(
  threads: number | undefined,
  deps: Pick<IngestDeps, "nlp" | "loadKnowledge" | "loadCodingKnowledge">,
): Extractor {
  let knowledge: Knowledge | null = null;
  const knowledgeHere = (): Knowledge => (knowledge ??= deps.loadKnowledge());
  let coding: CodingKnowledge | null = null;
  const codingHere = (): CodingKnowledge => (coding ??= deps.loadCodingKnowledge());
  const inProcess = (): Extractor => createInProcessExtractor(deps.nlp, knowledgeHere());
  // The threads start first: they load their model (and the split's thread
  // the gazetteer, which this one then does not) while this one loads the rest.
  const extractor =
    threads === undefined
      ? createSplitExtractor(codingHere, inProcess)
      : threads > 0
        ? createWorkerExtractor(threads, inProcess)
        : inProcess();
  try {
    if (threads === undefined) codingHere();
    else knowledgeHere();
  } catch (error) {
    void extractor.close();
    throw error;
  }
  return extractor;
}

/**
 * Reads, prepares, extracts and saves planned items with the given
 * extractor (which it leaves open): one result per item, in item order.
 * Never throws for one item's problem (see `ingest`). `early`: items already
 * read and prepared (`readWhileLoading`).
 */
export async function ingestPlanned(
  planned: readonly PlannedInput[],
  options: Pick<IngestOptions, "maxBytes" | "timeoutMs">,
  deps: Omit<IngestDeps, "nlp" | "loadKnowledge" | "loadCodingKnowledge"> & { readonly extractor: Extractor },
  early?: EarlyReads,
): Promise<IngestRun> {
  const { extractor } = deps;
  const reading = early?.reading ?? readingDeps(options, deps);
  const actors = new Set<string>();
  const results: ItemResult[] = [];
  deps.reporter.start(planned.filter(({ item }) => item.kind !== "skipped").length);

  // Items are prepared and extracted a few at a time (reads wait on disk or
  // network, extraction may run on other threads) but saved and reported in
  // input order, so that the store's order and the report do not depend on timing.
  const ahead = Math.max(2, extractor.concurrency * AHEAD_PER_THREAD);
  const staged: (Promise<Staged> | undefined)[] = [];
  const stage = (index: number): void => {
    const next = planned[index];
    if (!next) return;
    const read = early?.reads.get(index);
    staged[index] = stageItem(
      read ? Promise.resolve(read) : readItem(next.item, next.given, reading),
      next.given,
      deps,
    );
  };
  // Saved a batch at a time (one store transaction, each document atomic in
  // it), and reported in input order once the batch is written. A store that
  // writes on its own thread writes one batch while the next is extracted.
  let batch: Staged[] = [];
  let saves = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    const outcomes = commit(batch, deps.store);
    batch = [];
    saves = 0;
    writing = outcomes.then((list) => {
      for (const outcome of list) {
        for (const actor of outcome.actors) actors.add(actor);
        results.push(outcome.result);
        deps.reporter.item(outcome.result);
      }
    });
  };
  for (let i = 0; i < Math.min(ahead, planned.length); i++) stage(i);
  for (let i = 0; i < planned.length; i++) {
    const next = staged[i];
    staged[i] = undefined;
    stage(i + ahead);
    if (!next) continue;
    const item = await next;
    batch.push(item);
    if (item.kind === "save") saves++;
    if (saves >= batchLimit(planned.length - i - 1)) await flush();
  }
  await flush();
  await writing;
  const summary = summarise(results, actors.size);
  deps.reporter.finish(summary);
  return { results, summary };
}

/** An item that needs nothing more than its result reported. */
interface Settled {
  readonly kind: "settled";
  readonly result: ItemResult;
}

/** An item after preparation and extraction: settled, or a document to save. */
type Staged =
  | Settled
  | {
      readonly kind: "save";
      readonly uri: string;
      readonly doc: DocumentRecord;
      readonly extraction: Extraction;
      /** A stored text with corrected metadata (see `correctedDocument`). */
      readonly correction: boolean;
    };

interface Outcome {
  readonly result: ItemResult;
  /** Ids of the actors of an added document. */
  readonly actors: readonly string[];
}

/** Items read and prepared before extraction could start, by their index, and what read them. */
interface EarlyReads {
  readonly reading: ReadingDeps;
  readonly reads: ReadonlyMap<number, ReadItem>;
}

/** What reading and preparing an item needs. */
interface ReadingDeps {
  readonly detectLanguage: LanguageDetector;
  readonly maxBytes: number;
  readonly readOptions: ReadOptions;
}

function readingDeps(
  options: Pick<IngestOptions, "maxBytes" | "timeoutMs">,
  deps: Pick<IngestDeps, "fetch" | "readStdin" | "detectLanguage">,
): ReadingDeps {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return {
    detectLanguage: deps.detectLanguage ?? createLanguageDetector(loadFunctionWords()),
    maxBytes,
    readOptions: {
      maxBytes,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: deps.fetch,
      readStdin: deps.readStdin,
    },
  };
}

/** An item read and prepared into the document to store, or settled on the way. */
type ReadItem = Settled | { readonly kind: "prepared"; readonly uri: string; readonly doc: DocumentRecord };

/** Reads and prepares one item; never rejects: every failure is a settled result. */
async function readItem(item: PlannedItem, given: GivenMeta, deps: ReadingDeps): Promise<ReadItem> {
  const settled = (result: ItemResult): Settled => ({ kind: "settled", result });
  switch (item.kind) {
    case "failed":
      return settled({ status: "failed", uri: item.uri, failure: item.failure });
    case "skipped":
      return settled({ status: "skipped", uri: item.uri, reason: item.reason });
    case "read":
      break;
    default:
      return assertNever(item);
  }
  const uri = item.source.uri;
  const fail = (failure: IngestFailure): Settled => settled({ status: "failed", uri, failure });
  const read = await readSource(item.source, deps.readOptions);
  if (!read.ok) return fail(read.failure);
  let prepared: Prepared;
  try {
    prepared = prepareDocument(read.raw, {
      given,
      detectLanguage: deps.detectLanguage,
      maxBytes: deps.maxBytes,
    });
  } catch (error) {
    // A page that trips the HTML or Markdown readers fails alone; the run goes on.
    return fail({ kind: "extract_failed", message: `cannot read the text: ${errorMessage(error)}` });
  }
  if (!prepared.ok) return fail(prepared.failure);
  return { kind: "prepared", uri, doc: prepared.doc };
}

/** Extracts an item once read (`readItem`); never rejects: every failure is a settled result. */
async function stageItem(
  reading: Promise<ReadItem>,
  given: GivenMeta,
  deps: Pick<IngestDeps, "store"> & { readonly extractor: Extractor },
): Promise<Staged> {
  const read = await reading;
  if (read.kind === "settled") return read;
  const { uri } = read;
  const fail = (failure: IngestFailure): Staged => ({
    kind: "settled",
    result: { status: "failed", uri, failure },
  });
  let doc = read.doc;
  let correction = false;
  try {
    const stored = await deps.store.findDocument(doc.sha256);
    if (stored) {
      const corrected = correctedDocument(stored, doc, given);
      if (corrected === null) return { kind: "settled", result: unchanged(uri, doc) };
      // Extracted again: event dates and office holders are resolved against the publication date.
      doc = corrected;
      correction = true;
    }
  } catch (error) {
    return fail({ kind: "store_failed", message: `not stored: ${errorMessage(error)}` });
  }
  try {
    const extraction = await deps.extractor.extract({ id: doc.id, text: doc.text, published: doc.published });
    return { kind: "save", uri, doc, extraction, correction };
  } catch (error) {
    return fail({ kind: "extract_failed", message: `extraction failed: ${errorMessage(error)}` });
  }
}

/**
 * Saves the documents of a batch (one store transaction, each document with
 * its extractions atomic within it) and gives every item its outcome, in
 * order; never rejects.
 */
async function commit(batch: readonly Staged[], store: Store): Promise<Outcome[]> {
  const saves = batch.filter((staged) => staged.kind === "save");
  let saved: readonly SaveResult[];
  try {
    saved = saves.length === 0 ? [] : await store.saveDocuments(saves);
  } catch (error) {
    saved = saves.map(() => ({
      ok: false,
      error: new TriangulateError("store_failed", errorMessage(error)),
    }));
  }
  const results = new Map(saves.map((staged, i) => [staged, saved[i]]));
  return batch.map((staged): Outcome => {
    if (staged.kind === "settled") return { result: staged.result, actors: [] };
    const { uri, doc, extraction } = staged;
    const result = results.get(staged);
    if (!result?.ok) {
      const message = result ? errorMessage(result.error) : "no answer from the store";
      return {
        result: {
          status: "failed",
          uri,
          failure: { kind: "store_failed", message: `not stored: ${message}` },
        },
        actors: [],
      };
    }
    // The same text earlier in this run, saved while this copy was being extracted.
    if (result.outcome === "unchanged") return { result: unchanged(uri, doc), actors: [] };
    return {
      result: {
        status: result.outcome,
        uri,
        id: doc.id,
        actors: extraction.actors.length,
        events: extraction.events.length,
        claims: extraction.claims.length,
      },
      actors: extraction.actors.map((actor) => actor.id),
    };
  });
}

function unchanged(uri: string, doc: DocumentRecord): ItemResult {
  return { status: "unchanged", uri, id: doc.id, actors: 0, events: 0, claims: 0 };
}

function summarise(results: readonly ItemResult[], actors: number): IngestSummary {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let failed = 0;
  let skipped = 0;
  let events = 0;
  let claims = 0;
  for (const result of results) {
    switch (result.status) {
      case "added":
        added++;
        events += result.events;
        claims += result.claims;
        break;
      case "updated":
        updated++;
        events += result.events;
        claims += result.claims;
        break;
      case "unchanged":
        unchanged++;
        break;
      case "failed":
        failed++;
        break;
      case "skipped":
        skipped++;
        break;
      default:
        assertNever(result);
    }
  }
  return { added, updated, unchanged, failed, skipped, actors, events, claims };
}

/** A file that a manifest entry gives a URL (a saved page): the document's address is the URL. */
function withAddress(item: PlannedItem, entry: ManifestEntry | undefined): PlannedItem {
  if (
    item.kind !== "read" ||
    item.source.kind !== "file" ||
    entry?.kind !== "file" ||
    entry.address === null
  ) {
    return item;
  }
  return { kind: "read", source: { ...item.source, uri: entry.address } };
}

/** A manifest entry as an input: its path or URL. */
function manifestInput(entry: ManifestEntry): string {
  return entry.kind === "file" ? entry.uri : entry.url;
}

/** How a source is found in the manifest: its resolved path, or its URL. */
function keyOf(source: Source): string {
  return source.kind === "file" ? source.path : source.uri;
}

/** Command-line metadata first, then the manifest's; nulls fall through to what the document says. */
function mergeMeta(flags: GivenMeta, entry: GivenMeta | undefined): GivenMeta {
  return {
    published: flags.published ?? entry?.published ?? null,
    outlet: flags.outlet ?? entry?.outlet ?? null,
    title: flags.title ?? entry?.title ?? null,
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected item: ${JSON.stringify(value)}`);
}
