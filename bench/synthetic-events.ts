import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ActorId, DocId, IsoDate } from "../src/core/ids.ts";
import { actorIdOrThrow, charOffset, docIdFromSha256, isoDateOrThrow } from "../src/core/ids.ts";
import type { Store } from "../src/core/ports.ts";
import type {
  ActorRecord,
  ClaimRecord,
  CountryCode,
  DocumentRecord,
  EventRecord,
  Extraction,
  Unit,
} from "../src/core/records.ts";
import { countryCodeOrThrow, periodOrThrow } from "../src/core/records.ts";
import { parseCameoTable } from "../src/core/cameo-table.ts";
import { DATA_DIR } from "../src/knowledge/load.ts";

// A knowledge base of many synthetic events, written through the Store port:
// for the API benchmark, the first-render benchmark and the large-store browser test. Names,
// codes and Goldstein values are real; the sentences are generated.

const STATES: readonly (readonly [string, string])[] = [
  ["AZE", "Azerbaijan"],
  ["ISR", "Israel"],
  ["IRN", "Iran"],
  ["TUR", "Turkey"],
  ["ARM", "Armenia"],
  ["RUS", "Russia"],
  ["USA", "the United States"],
  ["GEO", "Georgia"],
  ["PAK", "Pakistan"],
  ["SAU", "Saudi Arabia"],
  ["FRA", "France"],
  ["KAZ", "Kazakhstan"],
];

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What figures measure: labels over a pair of states, their unit and a typical size. */
const MEASURES: readonly { readonly label: string; readonly unit: Unit; readonly size: number }[] = [
  { label: "{a}'s share of {b}'s arms imports", unit: "percent", size: 40 },
  { label: "{a}'s share of {b}'s oil supply", unit: "percent", size: 30 },
  { label: "trade between {a} and {b}", unit: "USD", size: 2e9 },
  { label: "{a}'s gas exports to {b}", unit: "m3", size: 5e9 },
  { label: "{a}'s diplomats expelled by {b}", unit: "count", size: 4 },
  { label: "{a}'s troops on the border with {b}", unit: "count", size: 20_000 },
];

export interface SyntheticOptions {
  readonly events: number;
  readonly eventsPerDocument?: number;
  /** Figures in each (original) document; none by default. */
  readonly claimsPerDocument?: number;
  /** The share of documents that reprint an earlier one (a wire story's copies): its figures, text and a note. */
  readonly reprints?: number;
  readonly seed?: number;
}

/**
 * Writes `events` synthetic events (in documents of `eventsPerDocument`,
 * dated 1992–2026, some at month or year precision) into `store`, with
 * `claimsPerDocument` figures in each: one of `MEASURES` about two of the
 * states, near its size (so that some outlets disagree), for the year of
 * publication or with no period. A share `reprints` of the documents
 * reprint an earlier one (its text, events and figures).
 * Returns the number of documents written.
 */
export async function writeSyntheticEvents(store: Store, options: SyntheticOptions): Promise<number> {
  const perDoc = options.eventsPerDocument ?? 20;
  const claimsPerDoc = options.claimsPerDocument ?? 0;
  const reprintShare = options.reprints ?? 0;
  const originals: { text: string; published: IsoDate; events: EventRecord[]; claims: ClaimRecord[] }[] = [];
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const cameo = parseCameoTable(
    readFileSync(join(DATA_DIR, "cameo", "cameo-codes.tsv"), "utf8"),
  ).entries.filter((e) => e.code.length === 3);
  const actors: ActorRecord[] = STATES.map(([code, name]) => ({
    type: "actor",
    id: actorIdOrThrow(code),
    kind: "state",
    name: name.replace(/^the /, ""),
    country: countryCodeOrThrow(code),
  }));
  const documents = Math.ceil(options.events / perDoc);
  for (let d = 0; d < documents; d++) {
    const original =
      reprintShare > 0 && originals.length > 0 && next() < reprintShare ? pick(originals) : undefined;
    if (original) {
      await store.saveDocument(...reprint(original, d));
      continue;
    }
    const count = Math.min(perDoc, options.events - d * perDoc);
    const year = 1992 + Math.floor(next() * 35);
    const month = 1 + Math.floor(next() * 12);
    const published = isoDateOrThrow(`${year}-${String(month).padStart(2, "0")}-15`);
    const lines: string[] = [];
    const drafts: {
      sentence: string;
      source: string;
      target: string;
      code: (typeof cameo)[number];
      date: IsoDate | null;
    }[] = [];
    for (let i = 0; i < count; i++) {
      const [sourceCode, sourceName] = pick(STATES);
      let target = pick(STATES);
      while (target[0] === sourceCode) target = pick(STATES);
      const code = pick(cameo);
      const day = 1 + Math.floor(next() * 28);
      const precision = next();
      const date =
        precision < 0.03
          ? null
          : isoDateOrThrow(
              precision < 0.1
                ? String(year)
                : precision < 0.25
                  ? `${year}-${String(month).padStart(2, "0")}`
                  : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
            );
      const sentence = `On ${date ?? "an unknown day"}, ${sourceName} moved to ${code.name.toLowerCase()} with ${target[1]} (report ${d}-${i}).`;
      lines.push(sentence);
      drafts.push({ sentence, source: sourceCode, target: target[0], code, date });
    }
    const figures = Array.from({ length: claimsPerDoc }, (_, i) => {
      const measure = pick(MEASURES);
      const [a, aName] = pick(STATES);
      let b = pick(STATES);
      while (b[0] === a) b = pick(STATES);
      const metric = measure.label
        .replace("{a}", aName.replace(/^the /, ""))
        .replace("{b}", b[1].replace(/^the /, ""));
      const value = Math.round(measure.size * (0.8 + 0.4 * next()) * (1 + (year % 5) / 10));
      const sentence = `Figure ${d}-${i}: ${metric} was ${value} ${measure.unit}.`;
      lines.push(sentence);
      return { sentence, metric, value, unit: measure.unit, subjects: [a, b[0]].sort(), dated: next() < 0.5 };
    });
    const text = lines.join("\n");
    const sha256 = createHash("sha256").update(text).digest("hex");
    const id: DocId = docIdFromSha256(sha256);
    const doc: DocumentRecord = {
      type: "document",
      id,
      sha256,
      uri: `synthetic/${d}.txt`,
      title: `Synthetic report ${d}`,
      outlet: `Outlet ${d % 7}`,
      published,
      language: "eng",
      text,
    };
    let offset = 0;
    const events: EventRecord[] = drafts.map((draft, i) => {
      const start = offset;
      offset += draft.sentence.length + 1;
      return {
        type: "event",
        id: `${id}-e${i}`,
        doc: id,
        quote: draft.sentence,
        start: charOffset(start),
        end: charOffset(start + draft.sentence.length),
        date: draft.date,
        source: draft.source as ActorId,
        sourceCountry: draft.source as CountryCode,
        target: draft.target as ActorId,
        targetCountry: draft.target as CountryCode,
        location: null,
        cameo: draft.code.code,
        root: draft.code.root,
        plover: draft.code.plover,
        goldstein: draft.code.goldstein,
        modality: "asserted",
        rule: "synthetic",
      };
    });
    const claims: ClaimRecord[] = figures.map((figure, i) => {
      const start = text.indexOf(figure.sentence);
      return {
        type: "claim",
        id: `${id}-c${i}`,
        doc: id,
        quote: figure.sentence,
        start: charOffset(start),
        end: charOffset(start + figure.sentence.length),
        value: figure.value,
        valueMax: null,
        unit: figure.unit,
        qualifier: "exact",
        subjects: figure.subjects.map(countryCodeOrThrow),
        metric: figure.metric,
        period: figure.dated ? periodOrThrow(String(year)) : null,
      };
    });
    if (reprintShare > 0) originals.push({ text, published, events, claims });
    const extraction: Extraction = { actors, mentions: [], events, claims };
    await store.saveDocument(doc, extraction);
  }
  return documents;

  /** Document `d` as a reprint of `original`: its records under a new id, a line naming the reprint added at the end. */
  function reprint(original: (typeof originals)[number], d: number): [DocumentRecord, Extraction] {
    const text = `${original.text}\nReprinted (${d}).`;
    const sha256 = createHash("sha256").update(text).digest("hex");
    const id = docIdFromSha256(sha256);
    const doc: DocumentRecord = {
      type: "document",
      id,
      sha256,
      uri: `synthetic/${d}.txt`,
      title: `Synthetic reprint ${d}`,
      outlet: `Outlet ${d % 7}`,
      published: original.published,
      language: "eng",
      text,
    };
    return [
      doc,
      {
        actors,
        mentions: [],
        events: original.events.map((event, i) => ({ ...event, id: `${id}-e${i}`, doc: id })),
        claims: original.claims.map((claim, i) => ({ ...claim, id: `${id}-c${i}`, doc: id })),
      },
    ];
  }
}
