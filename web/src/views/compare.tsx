import * as Plot from "@observablehq/plot";
import { useCallback, useEffect, useMemo, useRef } from "preact/hooks";
import { useClaimClusters } from "../analysis-data.ts";
import type { ClaimClusterItem } from "../api.ts";
import { reportHref } from "../components/event-clusters.tsx";
import { figureAxisPlot, figureRowsOf, sideStyle } from "../charts/figure-axis.ts";
import { Figure } from "../components/figure.tsx";
import { STATUSES, STATUS_ORDER, StatusBadge, isStatus } from "../components/status-badge.tsx";
import { ParamSelect } from "../components/param-select.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { countryName } from "../lib/actors.ts";
import { formatCount, formatDate, formatFigure } from "../lib/format.ts";
import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TableExport } from "../components/export-buttons.tsx";
import { CLUSTER_COLUMNS, clusterFigures } from "../lib/table-export.ts";

type Cluster = ClaimClusterItem;
type Claim = Cluster["claims"][number];
type Disagreement = NonNullable<Cluster["disagreement"]>;

/** Whether time explains a disagreement, in words (see `TimeExplanation` on the server); the order leads with the unexplained. */
const TIME_WORDS: Readonly<Record<Disagreement["time"], { readonly label: string; readonly means: string }>> =
  {
    same: {
      label: "Same time",
      means: "The figures are given for the same time: time does not explain the difference.",
    },
    publication: {
      label: "Time may explain",
      means:
        "Not all the figures state a period, and they were published apart: they may be about different times.",
    },
    periods: {
      label: "Different periods",
      means: "The figures state different periods: the quantity changed over time.",
    },
  };
const TIME_ORDER: readonly Disagreement["time"][] = ["same", "publication", "periods"];

/** The distinct figures of a side of a disagreement: `25%`, or `≈ 40% / 40–65%`. */
function sideFigures(cluster: Cluster, claims: readonly number[]): string {
  const texts = claims.flatMap((i) => {
    const c = cluster.claims[i];
    return c ? [formatFigure(c.value, c.valueMax, cluster.unit, c.qualifier)] : [];
  });
  return [...new Set(texts)].join(" / ");
}

const QUALIFIER_WORDS: Readonly<Record<string, string>> = {
  exact: "as an exact figure",
  approx: "approximately",
  atLeast: "at least",
  atMost: "at most",
};

/** A claim's period as read: `2016 – 2020`, `Apr 2023`, or that it states none. */
function formatClaimPeriod(period: string | null): string {
  if (!period) return "no period stated";
  const [from = "", to] = period.split("/");
  return to === undefined ? `for ${formatDate(from)}` : `for ${formatDate(from)} – ${formatDate(to)}`;
}

function names(codes: readonly string[]): string {
  return codes.map((c) => countryName(c) ?? c).join(", ") || "no state named";
}

/** The figures of a cluster from lowest to highest, as a one-line summary. */
function spread(cluster: Cluster): string {
  const lows = cluster.claims.map((c) => c.value);
  const highs = cluster.claims.map((c) => c.valueMax ?? c.value);
  const lo = Math.min(...lows);
  const hi = Math.max(...highs);
  return lo === hi
    ? formatFigure(lo, null, cluster.unit, "exact")
    : `${formatFigure(lo, null, cluster.unit, "exact")} to ${formatFigure(hi, null, cluster.unit, "exact")}`;
}

function matches(cluster: Cluster, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [
    cluster.metric,
    ...cluster.subjects.map((s) => countryName(s) ?? s),
    ...cluster.claims.flatMap((c) => [c.quote, c.outlet ?? ""]),
  ]
    .join(" ")
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Where a cluster stands in the list: conflicts first, those that time does not explain before the others. */
function rank(cluster: Cluster): number {
  const time = cluster.disagreement ? TIME_ORDER.indexOf(cluster.disagreement.time) : TIME_ORDER.length;
  return STATUS_ORDER.indexOf(cluster.status) * (TIME_ORDER.length + 1) + time;
}

/** Conflicts first (unexplained by time first), then clusters with several sources, then those with more figures. */
function byInterest(x: Cluster, y: Cluster): number {
  return (
    rank(x) - rank(y) ||
    y.sources - x.sources ||
    y.claims.length - x.claims.length ||
    x.metric.localeCompare(y.metric)
  );
}

function Filters({ place, clusters }: { place: Place; clusters: readonly Cluster[] }) {
  const options = useMemo(() => {
    const subjects = new Set<string>();
    const units = new Set<string>();
    for (const c of clusters) {
      c.subjects.forEach((s) => subjects.add(s));
      units.add(c.unit);
    }
    return {
      subjects: [...subjects].sort((a, b) => (countryName(a) ?? a).localeCompare(countryName(b) ?? b)),
      units: [...units].sort(),
    };
  }, [clusters]);
  const set = (key: string, value: string) => {
    navigate(withParams(place, { [key]: value || null }), { replace: true });
  };
  return (
    <form
      class="filters"
      aria-label="Filter clusters"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <ParamSelect
        place={place}
        param="status"
        label="Status"
        any="Any status"
        options={STATUS_ORDER.map((s) => ({ value: s, label: STATUSES[s].label }))}
        replace
        testId="compare-status"
      />
      <ParamSelect
        place={place}
        param="subject"
        label="About"
        any="Any state"
        options={options.subjects.map((s) => ({ value: s, label: countryName(s) ?? s }))}
        replace
        testId="compare-subject"
      />
      <ParamSelect
        place={place}
        param="unit"
        label="Unit"
        any="Any unit"
        options={options.units.map((u) => ({ value: u, label: u }))}
        replace
        testId="compare-unit"
      />
      <label>
        Words{" "}
        <input
          type="search"
          value={place.params.get("q") ?? ""}
          placeholder="oil, arms…"
          onInput={(e) => {
            set("q", e.currentTarget.value);
          }}
          data-testid="compare-filter"
        />
      </label>
    </form>
  );
}

function ClusterList({
  clusters,
  total,
  selected,
  place,
}: {
  clusters: readonly Cluster[];
  total: number;
  selected: string | null;
  place: Place;
}) {
  return (
    <nav class="cluster-list" aria-label="Clusters of figures">
      <p class="note" aria-live="polite">
        {formatCount(clusters.length)} of {formatCount(total)} clusters
      </p>
      <TableExport table={{ name: "clusters", columns: CLUSTER_COLUMNS, rows: clusterFigures(clusters) }} />
      {clusters.length === 0 ? <Empty>No cluster matches these filters.</Empty> : null}
      <ul>
        {clusters.map((cluster) => (
          <li key={cluster.id} data-testid="claim-cluster" data-status={cluster.status}>
            <a
              href={withParams(place, { cluster: cluster.id })}
              aria-current={cluster.id === selected ? "true" : undefined}
            >
              <span class="cluster-head">
                <StatusBadge status={cluster.status} />
                <span class="cluster-sources">
                  {formatCount(cluster.sources)} {cluster.sources === 1 ? "source" : "sources"}
                </span>
              </span>
              <strong class="cluster-metric">{cluster.metric}</strong>
              <span class="meta">
                {spread(cluster)} · {cluster.unit} · {names(cluster.subjects)} ·{" "}
                {formatCount(cluster.claims.length)} {cluster.claims.length === 1 ? "figure" : "figures"}
              </span>
              {cluster.disagreement ? (
                <span class="cluster-disagreement" data-time={cluster.disagreement.time}>
                  {cluster.disagreement.sides.map((side) => sideFigures(cluster, side.claims)).join(" vs ")} ·{" "}
                  {TIME_WORDS[cluster.disagreement.time].label}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The figures on one axis: a dot per value (hollow when approximate), a bar per range. */
function FigureAxis({ cluster }: { cluster: Cluster }) {
  const rows = useMemo(() => figureRowsOf(cluster), [cluster]);
  const build = useCallback(
    (width: number) => Plot.plot(figureAxisPlot(rows, cluster.unit, width)),
    [rows, cluster.unit],
  );
  return (
    <Figure
      build={build}
      label={`The ${rows.length} figures on one axis: ${rows.map((r) => `${r.label}: ${r.text}`).join("; ")}`}
    />
  );
}

function FigureCard({ figure, unit, index }: { figure: Claim; unit: string; index: number }) {
  const to = reportHref(figure, "claim");
  return (
    <li class="figure-card" data-testid="compared-figure">
      <span class="figure-index" aria-hidden="true">
        {index + 1}
      </span>
      <p class="figure-value">{formatFigure(figure.value, figure.valueMax, unit, figure.qualifier)}</p>
      <p class="figure-qualifier">
        {QUALIFIER_WORDS[figure.qualifier] ?? figure.qualifier}
        {figure.valueMax === null ? "" : ", a range"} · {formatClaimPeriod(figure.period)}
      </p>
      <p class="figure-source">
        <strong>{figure.outlet ?? "Unknown outlet"}</strong>
        <span class="meta">published {formatDate(figure.published)}</span>
      </p>
      <blockquote>
        <a href={to}>“{figure.quote}”</a>
      </blockquote>
      <a class="read-source" href={to} data-testid="figure-source">
        Read in the source →
      </a>
    </li>
  );
}

/** The disagreement stated as such: each side's figures and outlets, by how much, and whether time explains it. */
function DisagreementPanel({ cluster, disagreement }: { cluster: Cluster; disagreement: Disagreement }) {
  const time = TIME_WORDS[disagreement.time];
  return (
    <section
      class="disagreement"
      data-testid="disagreement"
      data-time={disagreement.time}
      aria-labelledby="disagreement-title"
    >
      <h3 id="disagreement-title">How the figures disagree</h3>
      <ol class="disagreement-sides">
        {disagreement.sides.map((side, s) => (
          <li key={s} data-testid="disagreement-side" style={sideStyle(s)}>
            <span class="disagreement-value">{sideFigures(cluster, side.claims)}</span>
            <span class="meta">
              {side.claims
                .map((i) => cluster.claims[i])
                .filter((c) => c !== undefined)
                .map((c) => `${c.outlet ?? "Unknown outlet"}, ${formatDate(c.published)}`)
                .filter((who, i, all) => all.indexOf(who) === i)
                .join("; ")}
            </span>
          </li>
        ))}
      </ol>
      <p class="disagreement-facts">
        {disagreement.difference > 0 ? (
          <>
            <strong>
              {formatFigure(
                disagreement.difference,
                null,
                cluster.unit === "percent" ? "count" : cluster.unit,
                "exact",
              )}
              {cluster.unit === "percent" ? " percentage points" : ""}
            </strong>{" "}
            between the closest figures of the lowest and highest sides.{" "}
          </>
        ) : null}
        <strong data-testid="disagreement-time">{time.label}:</strong> {time.means}
        {disagreement.years !== null && disagreement.years > 0
          ? ` (${disagreement.years} ${disagreement.years === 1 ? "year" : "years"} between them.)`
          : ""}
      </p>
    </section>
  );
}

function Comparison({ cluster }: { cluster: Cluster }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new choice moves focus to the comparison (not on first load: a deep link keeps focus where it is).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, [cluster.id]);
  const outlets = new Set(cluster.claims.map((c) => c.outlet ?? "Unknown outlet")).size;
  const status = STATUSES[cluster.status];
  return (
    <section
      class="comparison"
      data-testid="compare-view"
      data-cluster={cluster.id}
      aria-labelledby="comparison-title"
    >
      <header class="comparison-header">
        <h2 id="comparison-title" ref={heading} tabIndex={-1}>
          {cluster.metric}
        </h2>
        <p class="meta">
          {cluster.unit} · {names(cluster.subjects)}
        </p>
        <p class="status-line" data-testid="compare-status-line">
          <StatusBadge status={cluster.status} /> {status.means}
        </p>
        {cluster.disagreement ? null : (
          <p class="finding" data-testid="compare-summary">
            {cluster.summary}
          </p>
        )}
        <p class="note">
          {formatCount(cluster.claims.length)} {cluster.claims.length === 1 ? "figure" : "figures"} from{" "}
          {formatCount(outlets)} {outlets === 1 ? "outlet" : "outlets"}; {formatCount(cluster.sources)}{" "}
          independent {cluster.sources === 1 ? "source" : "sources"} (copies of one article count once).
        </p>
      </header>
      {cluster.disagreement ? (
        <DisagreementPanel cluster={cluster} disagreement={cluster.disagreement} />
      ) : null}
      <FigureAxis cluster={cluster} />
      <ol class="figure-cards" aria-label="The figures side by side, oldest first">
        {cluster.claims.map((figure, i) => (
          <FigureCard key={`${figure.doc}:${figure.start}`} figure={figure} unit={cluster.unit} index={i} />
        ))}
      </ol>
    </section>
  );
}

export function CompareView({ place }: { place: Place }) {
  const clusters = useClaimClusters();
  const status = place.params.get("status");
  const subject = place.params.get("subject") ?? "";
  const unit = place.params.get("unit") ?? "";
  const q = place.params.get("q") ?? "";
  const selected = place.params.get("cluster");
  const all = clusters.state === "ready" ? clusters.data.items : null;
  const rows = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return (all ?? [])
      .filter(
        (c) =>
          (!isStatus(status) || c.status === status) &&
          (!subject || (c.subjects as readonly string[]).includes(subject)) &&
          (!unit || c.unit === unit) &&
          matches(c, words),
      )
      .sort(byInterest);
  }, [all, status, subject, unit, q]);
  // Without a choice, the view leads with the first cluster of the list: a conflict when there is one.
  const chosen = selected === null ? (rows[0] ?? null) : (all?.find((c) => c.id === selected) ?? null);
  return (
    <section data-testid="compare" data-state={clusters.state} aria-labelledby="compare-title">
      <h1 id="compare-title">Compare figures</h1>
      <p class="lede">
        The same quantity as different articles give it, gathered into clusters: conflicts first, with which
        figures disagree, by how much and whether time explains it. Choose a cluster to see its figures side
        by side, each with the sentence it comes from.
      </p>
      {all ? <Filters place={place} clusters={all} /> : null}
      <Loaded
        resource={clusters}
        what="clusters of figures"
        ready={(page) =>
          page.items.length === 0 ? (
            <Empty>No figures yet: clusters appear once articles with numbers are ingested.</Empty>
          ) : (
            <div class="compare-layout">
              <ClusterList clusters={rows} total={page.total} selected={chosen?.id ?? null} place={place} />
              {chosen ? (
                <Comparison cluster={chosen} />
              ) : (
                <section class="comparison comparison-empty" aria-label="Comparison">
                  {selected ? (
                    <Empty>
                      There is no cluster {selected} in the knowledge base any more; choose one from the list.
                    </Empty>
                  ) : (
                    <Empty>Choose a cluster to compare its figures side by side.</Empty>
                  )}
                </section>
              )}
            </div>
          )
        }
      />
    </section>
  );
}
