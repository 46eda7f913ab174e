import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ActorId, DocId, IsoDate } from "../src/core/ids.ts";
import { actorIdOrThrow, charOffset, docIdFromSha256, isoDateOrThrow } from "../src/core/ids.ts";
import type { Store } from "../src/core/ports.ts";
import type {
  ActorRecord,
  CountryCode,
  DocumentRecord,
  EventRecord,
  Extraction,
} from "../src/core/records.ts";
import { countryCodeOrThrow } from "../src/core/records.ts";
import { parseCameoTable } from "../src/core/cameo-table.ts";
import { DATA_DIR } from "../src/knowledge/load.ts";

// A knowledge base of many synthetic events, written through the Store port:
// for the API benchmark and the browser's first-render measurement. Names,
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

export interface SyntheticOptions {
  readonly events: number;
  readonly eventsPerDocument?: number;
  readonly seed?: number;
}

/**
 * Writes `events` synthetic events (in documents of `eventsPerDocument`,
 * dated 1992–2026, some at month or year precision) into `store`.
 * Returns the number of documents written.
 */
export async function writeSyntheticEvents(store: Store, options: SyntheticOptions): Promise<number> {
  const perDoc = options.eventsPerDocument ?? 20;
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
        cameo: draft.code.code,
        root: draft.code.root,
        plover: draft.code.plover,
        goldstein: draft.code.goldstein,
        modality: "asserted",
        rule: "synthetic",
      };
    });
    const extraction: Extraction = { actors, mentions: [], events, claims: [] };
    await store.saveDocument(doc, extraction);
  }
  return documents;
}
