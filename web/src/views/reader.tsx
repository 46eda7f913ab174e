import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import type { DocumentBody } from "../api.ts";
import { bodyOf, client } from "../api.ts";
import { Empty, Loaded } from "../components/states.tsx";
import { CorrectionPanel } from "../components/correction-panel.tsx";
import { fetchCorrections, undoCorrection } from "../lib/corrections.ts";
import { createNamer } from "../lib/actors.ts";
import { cameoName } from "../lib/cameo-names.ts";
import { quadColour } from "../lib/quad-style.ts";
import { countOf, formatDate, formatFigure, formatGoldstein } from "../lib/format.ts";
import { searchSpans } from "../lib/search-terms.ts";
import { useEventReports } from "../analysis-data.ts";
import { reportHref } from "../components/event-clusters.tsx";
import { layoutHighlights } from "../lib/highlight.ts";
import type { HighlightSpan, TextNode } from "../lib/highlight.ts";
import { useResource } from "../lib/resource.ts";
import { selectionOf } from "../lib/selection.ts";
import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import type { ViewProps } from "../router.ts";

/** Renders the laid-out text. Article text only ever becomes text nodes, never markup. */
function renderNodes(nodes: readonly TextNode[], selected: string | null): ComponentChildren[] {
  return nodes.map((node) => {
    if (typeof node === "string") return node;
    const isSelected = selected !== null && node.ids.includes(selected);
    const classes = node.kinds.map((k) => `hl-${k}`);
    if (isSelected) classes.push("selected");
    return (
      <mark
        key={`${node.start}:${node.end}`}
        class={classes.join(" ")}
        data-ids={node.ids.join(" ")}
        data-start={node.start}
        data-end={node.end}
        tabIndex={isSelected ? -1 : undefined}
        aria-current={isSelected ? "true" : undefined}
      >
        {renderNodes(node.children, selected)}
      </mark>
    );
  });
}

/**
 * A link to the document's origin when it is a web address (never
 * `javascript:` and the like); nothing for a file, whose path says nothing
 * the outlet and the date do not.
 */
function Origin({ uri }: { uri: string }) {
  let url: URL | null = null;
  try {
    url = new URL(uri);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  return (
    <>
      {" · "}
      <a href={url.href} rel="noopener noreferrer nofollow" target="_blank">
        original
      </a>
    </>
  );
}

/** What the highlights in the text mean (the colours are set in the stylesheet, so the swatches use its classes). */
function HighlightLegend({ searched }: { searched: boolean }) {
  const keys: [string, string][] = [
    ["hl-event", "an event's sentence"],
    ["hl-claim", "a figure's sentence"],
    ["hl-mention", "an actor named"],
    ["selected", "the one chosen in the panel"],
    ...(searched ? ([["hl-search", "a searched word"]] as [string, string][]) : []),
  ];
  return (
    <ul class="legend legend-left reader-legend" aria-label="Highlights" data-testid="reader-legend">
      {keys.map(([kind, label]) => (
        <li key={kind}>
          <span class={`legend-mark legend-${kind}`} aria-hidden="true">
            Abc
          </span>{" "}
          {label}
        </li>
      ))}
    </ul>
  );
}

/**
 * For the selected event: the other outlets that report the same act (its
 * merged event), each a link to its sentence, or why there are none.
 */
function AlsoReportedBy({ event, doc }: { event: DocumentBody["events"][number]; doc: DocumentBody }) {
  const reports = useEventReports();
  if (reports.state !== "ready") return null;
  const merged = reports.data.get(event.id);
  const others = merged ? merged.reports.filter((r) => r.doc !== doc.id) : [];
  return (
    <section class="also-reported" aria-labelledby="also-title" data-testid="also-reported">
      <h2 id="also-title">Also reported by</h2>
      {!merged ? (
        <p class="note">
          No one: the text does not assert this happened ({event.modality}), so it is not merged with other
          reports.
        </p>
      ) : others.length === 0 ? (
        <p class="note confidence single">No other outlet: this event rests on this one source.</p>
      ) : (
        <>
          <p class="note">{countOf(merged.sources, "independent source", "independent sources")} in all.</p>
          <ul class="extractions">
            {others.map((report) => (
              <li key={`${report.doc}:${report.start}`}>
                <a href={reportHref(report, "event")} data-testid="also-report">
                  <strong>{report.outlet ?? "Unknown outlet"}</strong> · {formatDate(report.published)}
                </a>
                <span class="meta">{report.quote}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Article({ doc, place }: { doc: DocumentBody; place: Place }) {
  const text = useRef<HTMLDivElement>(null);
  // `sel` names an extraction; `span` (from the analysis views) names one by its offsets.
  const { id: selected, extra } = selectionOf(doc, place.params, doc.text.length);
  const extraKey = extra ? extra.id : "";
  // Opened from a search: its words are marked too.
  const q = place.params.get("q") ?? "";
  const found = useMemo(() => searchSpans(doc.text, q), [doc, q]);
  const nodes = useMemo(() => {
    const spans: HighlightSpan[] = [
      ...doc.events.map((e) => ({ start: e.start, end: e.end, id: e.id, kind: "event" })),
      ...doc.claims.map((c) => ({ start: c.start, end: c.end, id: c.id, kind: "claim" })),
      ...doc.mentions.map((m, i) => ({ start: m.start, end: m.end, id: `mention-${i}`, kind: "mention" })),
      ...(extra ? [{ ...extra, kind: "quote" }] : []),
      ...found,
    ];
    return layoutHighlights(doc.text, spans);
    // `extra` is rebuilt on every render; its id says all there is to know of it.
  }, [doc, extraKey, found]);
  const name = useMemo(() => createNamer(doc.actors), [doc]);
  const selectedEvent = doc.events.find((e) => e.id === selected);
  const select = (id: string | null) => {
    navigate(withParams(place, { sel: id, span: null, of: null }), { replace: true });
  };
  useEffect(() => {
    if (!text.current) return;
    // With nothing selected, a search's first match is what the reader came for.
    const target = selected ?? found[0]?.id;
    if (!target) return;
    const mark = text.current.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(target)}"]`);
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      if (selected) mark.focus({ preventScroll: true });
    }
  }, [selected, nodes]);
  const onTextClick = (event: MouseEvent) => {
    const mark = event.target instanceof Element ? event.target.closest("mark[data-ids]") : null;
    // The innermost mark may be a mention; the sentence around it is what the panel lists.
    let at: Element | null = mark;
    while (at) {
      const id = (at.getAttribute("data-ids") ?? "")
        .split(" ")
        .find((x) => x && !x.startsWith("mention-") && !x.startsWith("span-") && !x.startsWith("search-"));
      if (id) {
        select(id);
        return;
      }
      at = at.parentElement?.closest("mark[data-ids]") ?? null;
    }
  };
  return (
    <div class="reader-layout">
      <article aria-labelledby="doc-title">
        <header class="doc-header">
          <h1 id="doc-title">{doc.title ?? "Untitled document"}</h1>
          <p class="doc-meta" data-testid="doc-meta">
            <strong>{doc.outlet ?? "Unknown outlet"}</strong> · {formatDate(doc.published)}
            <Origin uri={doc.uri} />
          </p>
          {q ? (
            <p class="note" data-testid="search-note">
              {found.length === 0
                ? `No word of “${q}” in this text (the search may have matched its title).`
                : `${countOf(found.length, "match", "matches")} of “${q}” marked.`}
            </p>
          ) : null}
          <HighlightLegend searched={found.length > 0} />
        </header>
        {/* Clicks on marks are a convenience; the side panel's buttons do the same from the keyboard. */}
        <div class="article-text" data-testid="article-text" ref={text} onClick={onTextClick}>
          {renderNodes(nodes, selected)}
        </div>
      </article>
      <aside class="side-panel" aria-label="Extractions of this document">
        <Correcting doc={doc} selected={selected} name={name} />
        {selectedEvent ? <AlsoReportedBy event={selectedEvent} doc={doc} /> : null}
        <h2>Events ({doc.events.length})</h2>
        {doc.events.length === 0 ? <Empty>No events found in this text.</Empty> : null}
        <ul class="extractions">
          {doc.events.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                aria-pressed={selected === e.id}
                onClick={() => {
                  select(e.id);
                }}
                // Why the coder said so: the rule and the pattern it matched.
                title={e.rule === null ? "Coded before rules were recorded" : `Coded by ${e.rule}`}
                data-testid="panel-event"
              >
                <span class="swatch" style={{ background: quadColour(e.root) }} aria-hidden="true" />
                <strong>{name(e.source)}</strong> {cameoName(e.cameo).toLowerCase()}
                {e.target === null ? (
                  ""
                ) : (
                  <>
                    {" "}
                    → <strong>{name(e.target)}</strong>
                  </>
                )}
                <span class="meta">
                  {e.cameo} · {formatDate(e.date)} · Goldstein {formatGoldstein(e.goldstein)}
                  {e.modality === "asserted" ? "" : ` · ${e.modality}`}
                </span>
                {e.correction ? (
                  <span class={`tag tag-${e.correction.status}`}>{e.correction.status}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        <h2>Claims ({doc.claims.length})</h2>
        {doc.claims.length === 0 ? <Empty>No figures found in this text.</Empty> : null}
        <ul class="extractions">
          {doc.claims.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-pressed={selected === c.id}
                onClick={() => {
                  select(c.id);
                }}
                data-testid="panel-claim"
              >
                <strong>{formatFigure(c.value, c.valueMax, c.unit, c.qualifier)}</strong> {c.metric}
                {c.correction ? (
                  <span class={`tag tag-${c.correction.status}`}>{c.correction.status}</span>
                ) : null}
                <span class="meta">
                  {c.subjects.join(", ") || "no state"}
                  {c.period ? ` · ${c.period}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}

/** The selected record's correction panel, and the document's rejected records with their undo. */
function Correcting({
  doc,
  selected,
  name,
}: {
  doc: DocumentBody;
  selected: string | null;
  name: (id: string) => string;
}) {
  const corrections = useResource("corrections", fetchCorrections);
  const event = doc.events.find((e) => e.id === selected);
  const claim = doc.claims.find((c) => c.id === selected);
  const unit = claim?.unit ?? null;
  const sameUnit = useResource(unit === null ? null : `claims/unit/${unit}`, async () =>
    bodyOf(await client.api.claims.$get({ query: { unit: unit ?? "", limit: "500" } })),
  );
  const others =
    sameUnit.state === "ready"
      ? sameUnit.data.items
          .filter((c) => c.doc !== doc.id)
          .map((c) => ({
            doc: c.doc,
            id: c.id,
            label: `${formatFigure(c.value, c.valueMax, c.unit, c.qualifier)} ${c.metric} (${c.outlet ?? "unknown outlet"})`,
          }))
      : [];
  const rejected =
    corrections.state === "ready"
      ? corrections.data.items.filter(
          (c) => c.doc === doc.id && c.action === "reject" && c.state === "applied",
        )
      : [];
  return (
    <>
      {event ? (
        <CorrectionPanel
          doc={doc.id}
          record={event}
          others={[]}
          label={`${name(event.source)} ${cameoName(event.cameo)}`}
        />
      ) : null}
      {claim ? <CorrectionPanel doc={doc.id} record={claim} others={others} label={claim.metric} /> : null}
      {rejected.length > 0 ? (
        <section class="rejected" aria-label="Rejected in this document" data-testid="rejected">
          <h2>Rejected ({rejected.length})</h2>
          <ul class="extractions">
            {rejected.map((c) => (
              <li key={c.id}>
                <s>{rejectedLabel(c.original, name)}</s>
                <span class="meta">
                  by {c.by} on {c.at.slice(0, 10)}{" "}
                  <button
                    type="button"
                    onClick={() => {
                      void undoCorrection(c.id);
                    }}
                  >
                    Undo
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** A rejected record as the extractor gave it: `Iran 174 → Azerbaijan`, or the figure. */
function rejectedLabel(original: Readonly<Record<string, unknown>>, name: (id: string) => string): string {
  const text = (key: string): string => {
    const value = original[key];
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  };
  if (typeof original.cameo === "string") {
    const target = text("target");
    return `${name(text("source"))} ${cameoName(text("cameo")).toLowerCase()}${target ? ` → ${name(target)}` : ""}`;
  }
  return `${text("value")} ${text("unit")} ${text("metric")}`;
}

export function ReaderView({ place, args }: ViewProps) {
  const id = args[0] ?? "";
  const doc = useResource(`document/${id}`, async () =>
    bodyOf(await client.api.documents[":id"].$get({ param: { id } })),
  );
  return (
    <section data-testid="reader" data-state={doc.state} class="reader">
      <Loaded resource={doc} what="the document" ready={(d) => <Article doc={d} place={place} />} />
    </section>
  );
}
