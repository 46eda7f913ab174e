/** An extraction as the reader knows it: an id and where it stands in the text. */
interface Located {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** What the reader highlights as selected, from its URL. */
export interface Selection {
  /** The extraction to select, if any. */
  readonly id: string | null;
  /** A span to highlight by itself, when the URL names one that no extraction of the document has. */
  readonly extra: { readonly start: number; readonly end: number; readonly id: string } | null;
}

const SPAN = /^(\d{1,9})-(\d{1,9})$/;

/** The id an unmatched `span` is highlighted with; not an extraction id, so never confused with one. */
export function spanId(start: number, end: number): string {
  return `span-${start}-${end}`;
}

/**
 * The reader's selection: `sel` names an extraction by id; `span=START-END`
 * names one by its place in the text, which is how the analysis views link
 * (clusters carry offsets, not extraction ids). A span picks the claim or
 * event with exactly those offsets (`of` says which to prefer, claims by
 * default), else it is highlighted on its own so that the quote still shows.
 *
 * @example
 * selectionOf(doc, new URLSearchParams("span=10-52&of=event"))
 */
export function selectionOf(
  doc: { readonly events: readonly Located[]; readonly claims: readonly Located[] },
  params: URLSearchParams,
  textLength: number,
): Selection {
  const sel = params.get("sel");
  if (sel) return { id: sel, extra: null };
  const match = SPAN.exec(params.get("span") ?? "");
  if (!match) return { id: null, extra: null };
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (!(start < end) || end > textLength) return { id: null, extra: null };
  const lists = params.get("of") === "event" ? [doc.events, doc.claims] : [doc.claims, doc.events];
  for (const list of lists) {
    const found = list.find((item) => item.start === start && item.end === end);
    if (found) return { id: found.id, extra: null };
  }
  const id = spanId(start, end);
  return { id, extra: { start, end, id } };
}
