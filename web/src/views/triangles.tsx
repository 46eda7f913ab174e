import { useMemo } from "preact/hooks";
import { usePairEvents, useTriads } from "../analysis-data.ts";
import type { TriadItem } from "../api.ts";
import { EventClusterTable } from "../components/event-clusters.tsx";
import { ParamSelect } from "../components/param-select.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { useActors } from "../data.ts";
import { countryName, createNamer } from "../lib/actors.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { INTERVALS, formatSeriesPeriod, isInterval } from "../../../src/core/calendar.ts";
import type { Interval } from "../../../src/core/calendar.ts";
import { navigate, withParams } from "../router.ts";
import { THIN_EDGE_EVENTS, verdictCaveat } from "../lib/verdict-caveat.ts";
import type { Place } from "../router.ts";

/** The triangle the view opens on when it is in the data: what the project is about. */
const DEFAULT_TRIANGLE = "AZE-IRN-ISR";

type Window = Interval | "all";
type Edge = TriadItem["edges"][number];

const SIGNS = {
  "1": { text: "+", word: "cooperative", colour: "#0868ac", dash: undefined },
  "-1": { text: "−", word: "conflictual", colour: "#d7191c", dash: "7 5" },
  "0": { text: "0", word: "neutral", colour: "#8a94a3", dash: "2 3" },
} as const;

function signOf(edge: Edge) {
  return SIGNS[String(edge.sign) as keyof typeof SIGNS];
}

const BALANCE = {
  true: { text: "Balanced", sign: "✓", class: "balanced" },
  false: { text: "Unbalanced", sign: "⚠", class: "unbalanced" },
  null: { text: "Undetermined", sign: "?", class: "undetermined" },
} as const;

function balanceOf(triad: TriadItem) {
  return BALANCE[String(triad.balanced) as keyof typeof BALANCE];
}

function name(code: string): string {
  return countryName(code) ?? code;
}

function edgeKey(edge: { a: string; b: string }): string {
  return `${edge.a}-${edge.b}`;
}

function windowLabel(window: string): string {
  return window === "all" ? "All time" : formatSeriesPeriod(window);
}

interface Triangle {
  readonly key: string;
  readonly actors: readonly string[];
  readonly windows: readonly TriadItem[];
}

/** Triads grouped by their three states; windows oldest first; triangles with most windows first. */
function trianglesOf(triads: readonly TriadItem[]): Triangle[] {
  const byKey = new Map<string, TriadItem[]>();
  for (const triad of triads) {
    const key = triad.actors.join("-");
    byKey.set(key, [...(byKey.get(key) ?? []), triad]);
  }
  return [...byKey.entries()]
    .map(([key, windows]) => ({
      key,
      actors: key.split("-"),
      windows: [...windows].sort((x, y) => x.window.localeCompare(y.window)),
    }))
    .sort((x, y) => y.windows.length - x.windows.length || x.key.localeCompare(y.key));
}

// Corners of the small triangle: first state on top, the others below, left and right.
const CORNERS = [
  [80, 24],
  [24, 120],
  [136, 120],
] as const;
/** The corners each edge joins, in the order of a triad's edges: a–b, a–c, b–c. */
const EDGE_CORNERS = [
  [0, 1],
  [0, 2],
  [1, 2],
] as const;

/** One window's triangle: edges coloured and dashed by sign, with the sign written on each. */
function TriangleCard({
  triad,
  selected,
  selectedEdge,
  onEdge,
}: {
  triad: TriadItem;
  selected: boolean;
  selectedEdge: string | null;
  onEdge: (edge: Edge) => void;
}) {
  const balance = balanceOf(triad);
  const caveat = verdictCaveat(triad.edges, name);
  return (
    <li
      class={`triangle-card ${balance.class}`}
      data-testid="triangle-window"
      data-window={triad.window}
      data-balanced={String(triad.balanced)}
      aria-current={selected ? "true" : undefined}
    >
      <svg viewBox="0 0 160 146" role="group" aria-label={`${windowLabel(triad.window)}: ${balance.text}`}>
        {triad.edges.map((edge, i) => {
          const [p, q] = EDGE_CORNERS[i] ?? [0, 1];
          const [x1, y1] = CORNERS[p];
          const [x2, y2] = CORNERS[q];
          const sign = signOf(edge);
          const chosen = selected && selectedEdge === edgeKey(edge);
          const label = `${name(edge.a)} – ${name(edge.b)}: ${sign.word}, mean Goldstein ${formatGoldstein(edge.goldsteinMean)} over ${edge.events} events. Show its events`;
          return (
            <g
              key={edgeKey(edge)}
              class={`triangle-edge${chosen ? " chosen" : ""}`}
              role="button"
              // Lowercase: in SVG, Preact sets attributes as written, and only `tabindex` makes it focusable.
              tabindex={0}
              aria-label={label}
              aria-pressed={chosen}
              data-testid="triangle-edge"
              data-edge={edgeKey(edge)}
              data-sign={edge.sign}
              onClick={() => {
                onEdge(edge);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onEdge(edge);
                }
              }}
            >
              <title>{label}</title>
              {/* A wide transparent line makes the edge easy to hit. */}
              <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" stroke-width="16" />
              <line
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                stroke={sign.colour}
                stroke-width={chosen ? 6 : 2 + Math.min(4, Math.log2(1 + edge.events))}
                stroke-dasharray={sign.dash}
                // Round caps would close the gaps of a thick dashed line.
                stroke-linecap={sign.dash ? "butt" : "round"}
              />
              <circle cx={(x1 + x2) / 2} cy={(y1 + y2) / 2} r="10" fill="#fff" stroke={sign.colour} />
              <text
                x={(x1 + x2) / 2}
                y={(y1 + y2) / 2}
                text-anchor="middle"
                dominant-baseline="central"
                fill={sign.colour}
                font-weight="700"
                font-size="15"
              >
                {sign.text}
              </text>
            </g>
          );
        })}
        {triad.actors.map((code, i) => {
          const [x, y] = CORNERS[i] ?? [0, 0];
          return (
            <g key={code} aria-hidden="true">
              <circle cx={x} cy={y} r="17" fill="#46546b" />
              <text x={x} y={y} text-anchor="middle" dominant-baseline="central" fill="#fff" font-size="11">
                {code}
              </text>
            </g>
          );
        })}
      </svg>
      <p class="triangle-caption">
        <strong>{windowLabel(triad.window)}</strong>
        <span class={`balance balance-${balance.class}`}>
          <span aria-hidden="true">{balance.sign}</span> {balance.text}
        </span>
      </p>
      {caveat ? (
        <p class="verdict-caveat" data-testid="verdict-caveat">
          {caveat}: a hint, not a finding.
        </p>
      ) : null}
    </li>
  );
}

/** The signs of the three edges in every window, as a table of buttons (the keyboard's way in). */
function SignTable({
  triangle,
  window,
  edge,
  onPick,
}: {
  triangle: Triangle;
  window: string | null;
  edge: string | null;
  onPick: (window: string, edge: Edge) => void;
}) {
  const edges = triangle.windows[0]?.edges.map((e) => ({ a: e.a, b: e.b })) ?? [];
  return (
    <div class="table-wrap">
      <p class="note">
        Each cell gives the sign, the mean Goldstein value and (in brackets) the number of events; choose one
        to list its events.
      </p>
      <table class="sign-table">
        <caption>Edge signs per window</caption>
        <thead>
          <tr>
            <th scope="col">Edge</th>
            {triangle.windows.map((t) => (
              <th key={t.window} scope="col">
                {windowLabel(t.window)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {edges.map((pair) => (
            <tr key={edgeKey(pair)}>
              <th scope="row">
                {name(pair.a)} – {name(pair.b)}
              </th>
              {triangle.windows.map((t) => {
                const e = t.edges.find((x) => edgeKey(x) === edgeKey(pair));
                if (!e) return <td key={t.window}>—</td>;
                const sign = signOf(e);
                const chosen = window === t.window && edge === edgeKey(e);
                return (
                  <td key={t.window}>
                    <button
                      type="button"
                      class={`sign-cell sign-${sign.word}`}
                      aria-pressed={chosen}
                      onClick={() => {
                        onPick(t.window, e);
                      }}
                    >
                      <strong>{sign.text}</strong> {formatGoldstein(e.goldsteinMean)}{" "}
                      <span class="meta-inline">({formatCount(e.events)})</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">Triangle</th>
            {triangle.windows.map((t) => {
              const balance = balanceOf(t);
              return (
                <td key={t.window} class={`balance balance-${balance.class}`}>
                  <span aria-hidden="true">{balance.sign}</span> {balance.text}
                  {verdictCaveat(t.edges, name) ? <span class="meta-inline"> (few events)</span> : null}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** How many of the verdicts rest on an edge of few events (`THIN_EDGE_EVENTS`), said before the cards. */
function ThinVerdicts({ windows }: { windows: readonly TriadItem[] }) {
  const thin = windows.filter((t) => verdictCaveat(t.edges, name) !== null).length;
  if (thin === 0) return null;
  return (
    <p class="note verdict-caveat" data-testid="thin-verdicts">
      {windows.length === 1
        ? "The verdict rests"
        : `${thin === windows.length ? "All" : formatCount(thin)} of ${formatCount(windows.length)} verdicts rest`}{" "}
      on an edge of at most {formatCount(THIN_EDGE_EVENTS)} events: one more report could flip its sign, and
      the balance with it.
    </p>
  );
}

function EdgeEvents({ triad, edge, interval }: { triad: TriadItem; edge: Edge; interval: Window }) {
  const actors = useActors();
  const namer = useMemo(() => createNamer(actors.state === "ready" ? actors.data.items : []), [actors]);
  const events = usePairEvents({
    a: edge.a,
    b: edge.b,
    directed: false,
    interval: interval === "all" ? "year" : interval,
    period: interval === "all" ? null : triad.window,
  });
  const sign = signOf(edge);
  return (
    <section aria-labelledby="edge-title" data-testid="triangle-edge-events">
      <h2 id="edge-title">
        {name(edge.a)} – {name(edge.b)}, {windowLabel(triad.window)}
      </h2>
      <p class="note">
        {sign.word} ({sign.text}): mean Goldstein {formatGoldstein(edge.goldsteinMean)} over{" "}
        {formatCount(edge.events)} {edge.events === 1 ? "event" : "events"}
      </p>
      <Loaded
        resource={events}
        what="the events of this edge"
        ready={(list) =>
          list.length === 0 ? (
            <Empty>No events found for this edge in this window.</Empty>
          ) : (
            <EventClusterTable events={list} name={namer} caption="The events behind this edge" />
          )
        }
      />
    </section>
  );
}

export function TrianglesView({ place }: { place: Place }) {
  const intervalParam = place.params.get("interval");
  const interval: Window =
    intervalParam === "all" ? "all" : isInterval(intervalParam) ? intervalParam : "year";
  const triads = useTriads(interval);
  const triangles = useMemo(() => trianglesOf(triads.state === "ready" ? triads.data.items : []), [triads]);
  const wanted = place.params.get("tri") ?? DEFAULT_TRIANGLE;
  const triangle =
    triangles.find((t) => t.key === wanted) ??
    triangles.find((t) => t.key === DEFAULT_TRIANGLE) ??
    triangles[0] ??
    null;
  const windowParam = place.params.get("window");
  const edgeParam = place.params.get("edge");
  const chosenTriad = triangle?.windows.find((t) => t.window === windowParam) ?? null;
  const chosenEdge = chosenTriad?.edges.find((e) => edgeKey(e) === edgeParam) ?? null;
  const pick = (window: string, edge: Edge) => {
    navigate(withParams(place, { window, edge: edgeKey(edge) }), { replace: true });
  };
  const set = (changes: Record<string, string | null>) => {
    navigate(withParams(place, { ...changes, window: null, edge: null }));
  };
  return (
    <section data-testid="triangle-view" data-state={triads.state} aria-labelledby="triangles-title">
      <h1 id="triangles-title">Triangles</h1>
      <p class="lede">
        Three states and the sign of each pair&apos;s relations per window (mean Goldstein: + cooperative, −
        conflictual). A triangle is <em>balanced</em> (Heider) when the product of its signs is positive: all
        three friendly, or two hostile and one friendly (&ldquo;the enemy of my enemy is my friend&rdquo;).
      </p>
      {triads.state === "ready" ? (
        <form
          class="filters"
          aria-label="Choose the triangle"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <ParamSelect
            place={place}
            param="tri"
            label="Triangle"
            value={triangle?.key ?? ""}
            options={triangles.map((t) => ({
              value: t.key,
              label: `${t.actors.map(name).join(" – ")} (${t.windows.length} ${t.windows.length === 1 ? "window" : "windows"})`,
            }))}
            resets={["window", "edge"]}
            testId="triangle-choice"
          />
          <fieldset class="segmented">
            <legend>Window</legend>
            {[...INTERVALS, "all" as const].map((i) => (
              <label key={i}>
                <input
                  type="radio"
                  name="window"
                  value={i}
                  checked={interval === i}
                  onChange={() => {
                    set({ interval: i === "year" ? null : i });
                  }}
                />
                {i === "all" ? "all time" : i}
              </label>
            ))}
          </fieldset>
        </form>
      ) : null}
      <Loaded
        resource={triads}
        what="triangles"
        ready={() =>
          !triangle ? (
            <Empty>No triangle yet: it takes events between each of three states in the same window.</Empty>
          ) : (
            <>
              <h2>{triangle.actors.map(name).join(" – ")} over time</h2>
              <p class="note">
                {formatCount(triangle.windows.length)} {triangle.windows.length === 1 ? "window" : "windows"}{" "}
                in which all three pairs have events;{" "}
                {formatCount(triangle.windows.filter((t) => t.balanced === true).length)} balanced. Click an
                edge to list its events.
              </p>
              <ThinVerdicts windows={triangle.windows} />
              <ol class="triangle-strip" aria-label="The triangle per window, oldest first">
                {triangle.windows.map((triad) => (
                  <TriangleCard
                    key={triad.id}
                    triad={triad}
                    selected={triad === chosenTriad}
                    selectedEdge={edgeParam}
                    onEdge={(edge) => {
                      pick(triad.window, edge);
                    }}
                  />
                ))}
              </ol>
              <ul class="legend legend-left" aria-label="Edges">
                {[SIGNS["1"], SIGNS["-1"], SIGNS["0"]].map((s) => (
                  <li key={s.text}>
                    <svg width="28" height="10" aria-hidden="true">
                      <line
                        x1="1"
                        y1="5"
                        x2="27"
                        y2="5"
                        stroke={s.colour}
                        stroke-width="3"
                        stroke-dasharray={s.dash}
                      />
                    </svg>{" "}
                    {s.text} {s.word}
                  </li>
                ))}
                <li>line width: number of events</li>
              </ul>
              <SignTable triangle={triangle} window={windowParam} edge={edgeParam} onPick={pick} />
              {chosenTriad && chosenEdge ? (
                <EdgeEvents triad={chosenTriad} edge={chosenEdge} interval={interval} />
              ) : null}
            </>
          )
        }
      />
    </section>
  );
}
