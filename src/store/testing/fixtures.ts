import { createHash } from "node:crypto";
import { rootOfCode } from "../../core/cameo.ts";
import { actorIdOrThrow, charOffset, docIdFromSha256, isoDateOrThrow } from "../../core/ids.ts";
import type {
  ActorRecord,
  ClaimRecord,
  DocumentRecord,
  EventRecord,
  Extraction,
  MentionRecord,
  Modality,
  Period,
  Qualifier,
  Unit,
} from "../../core/records.ts";
import { countryCodeOrThrow } from "../../core/records.ts";

// Builders of documents with hand-made extractions, for store and CLI tests:
// records are located by their quote in the text, so offsets are always right.

/** Actors the fixtures know: states by code, and two people. */
export const FIXTURE_ACTORS: readonly ActorRecord[] = [
  ["AZE", "state", "Azerbaijan", "AZE"],
  ["IRN", "state", "Iran", "IRN"],
  ["ISR", "state", "Israel", "ISR"],
  ["TUR", "state", "Turkey", "TUR"],
  ["person:ilham-aliyev", "person", "Ilham Aliyev", "AZE"],
  ["person:masoud-pezeshkian", "person", "Masoud Pezeshkian", "IRN"],
].map(([id, kind, name, country]) => ({
  type: "actor" as const,
  id: actorIdOrThrow(id ?? ""),
  kind: kind as ActorRecord["kind"],
  name: name ?? "",
  country: countryCodeOrThrow(country ?? ""),
}));

function actorOrThrow(id: string): ActorRecord {
  const actor = FIXTURE_ACTORS.find((a) => a.id === id);
  if (!actor) throw new Error(`fixture: unknown actor ${id}`);
  return actor;
}

export interface EventSpec {
  readonly quote: string;
  readonly source: string;
  readonly target?: string | null;
  readonly cameo: string;
  readonly date?: string | null;
  readonly modality?: Modality;
  /** What coded it; null (the default) as for events stored before rules were recorded. */
  readonly rule?: string | null;
  /** Where it happened: a state's code; null (the default) when the sentence names no place. */
  readonly location?: string | null;
}

export interface ClaimSpec {
  readonly quote: string;
  readonly value: number;
  readonly valueMax?: number | null;
  readonly unit: Unit;
  readonly qualifier?: Qualifier;
  readonly subjects?: readonly string[];
  readonly metric: string;
  readonly period?: string | null;
}

export interface DocumentSpec {
  readonly text: string;
  readonly uri?: string;
  readonly title?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
  /** Actor ids whose names (as in FIXTURE_ACTORS) are found in the text as mentions. */
  readonly mentions?: readonly string[];
  readonly events?: readonly EventSpec[];
  readonly claims?: readonly ClaimSpec[];
}

export interface FixtureDocument {
  readonly doc: DocumentRecord;
  readonly extraction: Extraction;
}

/** Sum of Goldstein values is not the point here: a few codes with their table values. */
const CAMEO: Readonly<Record<string, { readonly plover: string | null; readonly goldstein: number }>> = {
  "010": { plover: null, goldstein: 0 },
  "042": { plover: "CONSULT", goldstein: 1.9 },
  "057": { plover: "AGREE", goldstein: 8 },
  "112": { plover: "ACCUSE", goldstein: -2 },
  "174": { plover: "REDUCE_RELATIONS", goldstein: -5 },
  "190": { plover: "ASSAULT", goldstein: -10 },
};

function spanOf(
  text: string,
  quote: string,
): { start: ReturnType<typeof charOffset>; end: ReturnType<typeof charOffset> } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture: "${quote}" is not in the text`);
  return { start: charOffset(start), end: charOffset(start + quote.length) };
}

/** A document and its extraction, ids and offsets computed as the pipeline would. */
export function buildDocument(spec: DocumentSpec): FixtureDocument {
  const sha256 = createHash("sha256").update(spec.text).digest("hex");
  const id = docIdFromSha256(sha256);
  const doc: DocumentRecord = {
    type: "document",
    id,
    sha256,
    uri: spec.uri ?? `${id}.txt`,
    title: spec.title ?? null,
    outlet: spec.outlet ?? null,
    published: spec.published ? isoDateOrThrow(spec.published) : null,
    language: "eng",
    text: spec.text,
  };
  const actors = new Map<string, ActorRecord>();
  const use = (actorId: string): ActorRecord => {
    const actor = actorOrThrow(actorId);
    actors.set(actor.id, actor);
    return actor;
  };
  const mentions: MentionRecord[] = (spec.mentions ?? []).map((actorId) => {
    const actor = use(actorId);
    return {
      type: "mention",
      doc: id,
      actor: actor.id,
      country: actor.country,
      ...spanOf(spec.text, actor.name),
      text: actor.name,
    };
  });
  const events: EventRecord[] = (spec.events ?? []).map((e, i) => {
    const source = use(e.source);
    const target = e.target ? use(e.target) : null;
    const code = CAMEO[e.cameo];
    if (!code) throw new Error(`fixture: unknown CAMEO code ${e.cameo}`);
    return {
      type: "event",
      id: `${id}-e${i}`,
      doc: id,
      quote: e.quote,
      ...spanOf(spec.text, e.quote),
      date: e.date ? isoDateOrThrow(e.date) : null,
      source: source.id,
      sourceCountry: source.country,
      target: target?.id ?? null,
      targetCountry: target?.country ?? null,
      location: e.location ? countryCodeOrThrow(e.location) : null,
      cameo: e.cameo,
      root: rootOfCode(e.cameo),
      plover: code.plover,
      goldstein: code.goldstein,
      modality: e.modality ?? "asserted",
      rule: e.rule ?? null,
    };
  });
  const claims: ClaimRecord[] = (spec.claims ?? []).map((c, i) => ({
    type: "claim",
    id: `${id}-c${i}`,
    doc: id,
    quote: c.quote,
    ...spanOf(spec.text, c.quote),
    value: c.value,
    valueMax: c.valueMax ?? null,
    unit: c.unit,
    qualifier: c.qualifier ?? "exact",
    subjects: [...(c.subjects ?? [])].sort().map(countryCodeOrThrow),
    metric: c.metric,
    period: (c.period ?? null) as Period | null,
  }));
  return { doc, extraction: { actors: [...actors.values()], mentions, events, claims } };
}

/** Three short articles with events in 2023 and 2024 and a few figures: the shared test corpus. */
export function sampleCorpus(): readonly FixtureDocument[] {
  return [
    buildDocument({
      uri: "articles/expulsion.txt",
      title: "Iran expels Azerbaijani diplomats",
      outlet: "Caspian Wire",
      published: "2023-04-08",
      text:
        "Iran expelled four Azerbaijani diplomats on April 6.\n" +
        "Azerbaijan accused Iran of hostile acts in January.\n" +
        "Trade between the two countries fell 40 percent in 2023.",
      mentions: ["IRN", "AZE"],
      events: [
        {
          quote: "Iran expelled four Azerbaijani diplomats on April 6.",
          source: "IRN",
          target: "AZE",
          cameo: "174",
          date: "2023-04-06",
          rule: "verb pattern: expel @T (cameo/patterns-verbs.txt:1)",
        },
        {
          quote: "Azerbaijan accused Iran of hostile acts in January.",
          source: "AZE",
          target: "IRN",
          cameo: "112",
          date: "2023-01",
        },
      ],
      claims: [
        {
          quote: "Iran expelled four Azerbaijani diplomats on April 6.",
          value: 4,
          unit: "count",
          subjects: ["AZE"],
          metric: "Azerbaijani diplomats expelled",
        },
        {
          quote: "Trade between the two countries fell 40 percent in 2023.",
          value: 40,
          unit: "percent",
          subjects: ["AZE", "IRN"],
          metric: "fall in trade",
          period: "2023",
        },
      ],
    }),
    buildDocument({
      uri: "articles/visit.html",
      title: "Aliyev and Pezeshkian meet in Baku",
      outlet: "Baku Daily",
      published: "2024-07",
      text:
        "Ilham Aliyev met Masoud Pezeshkian in Baku.\n" +
        'The "two leaders" signed a deal [worth] $2 billion.\n' +
        "Azerbaijan supplies about 40 percent of Israel's oil.",
      mentions: ["person:ilham-aliyev", "person:masoud-pezeshkian"],
      events: [
        {
          quote: "Ilham Aliyev met Masoud Pezeshkian in Baku.",
          source: "person:ilham-aliyev",
          target: "person:masoud-pezeshkian",
          cameo: "042",
          date: "2024-07",
          location: "AZE",
          rule: 'verb pattern: meet @T? ; recip (cameo/patterns-verbs.txt:1) "quoted"',
        },
        {
          quote: 'The "two leaders" signed a deal [worth] $2 billion.',
          source: "AZE",
          target: "IRN",
          cameo: "057",
          date: "2024",
          modality: "asserted",
        },
      ],
      claims: [
        {
          quote: 'The "two leaders" signed a deal [worth] $2 billion.',
          value: 2e9,
          unit: "USD",
          subjects: ["IRN", "AZE"],
          metric: "deal, worth",
        },
        {
          quote: "Azerbaijan supplies about 40 percent of Israel's oil.",
          value: 40,
          valueMax: null,
          unit: "percent",
          qualifier: "approx",
          subjects: ["ISR", "AZE"],
          metric: "share of Israel's oil",
        },
      ],
    }),
    buildDocument({
      uri: "articles/undated.md",
      title: null,
      outlet: "Caspian Wire",
      published: null,
      text: 'Turkey said it would not attack anyone.\nIran made a statement about Israel, with commas, "quotes" and a\ttab.',
      mentions: ["TUR", "IRN", "ISR"],
      events: [
        {
          quote: "Turkey said it would not attack anyone.",
          source: "TUR",
          target: null,
          cameo: "190",
          modality: "negated",
        },
        {
          quote: 'Iran made a statement about Israel, with commas, "quotes" and a\ttab.',
          source: "IRN",
          target: "ISR",
          cameo: "010",
        },
      ],
    }),
  ];
}

/** `items[index]`, or a thrown error naming the index: tests index fixtures without `!`. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture: no item at ${index}`);
  return item;
}
