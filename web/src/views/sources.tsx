import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "preact/hooks";
import { useSources } from "../analysis-data.ts";
import type { SourceItem } from "../api.ts";
import { framingOf, framingPlot } from "../charts/framing.ts";
import { Figure } from "../components/figure.tsx";
import { STATUSES } from "../components/status-badge.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { countryName } from "../lib/actors.ts";
import { goldsteinColour } from "../lib/quad-style.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { href } from "../router.ts";

/** How many actors a row shows before the rest fold away. */
const SHOWN_ACTORS = 6;

function actorName(actor: string): string {
  return countryName(actor) ?? actor;
}

/** Corroborated, contradicted and alone as one bar with its numbers written beside it. */
function FigureBar({ claims }: { claims: SourceItem["claims"] }) {
  const parts = [
    { key: "corroborated", n: claims.corroborated, colour: STATUSES.agree.colour },
    { key: "contradicted", n: claims.contradicted, colour: STATUSES.conflict.colour },
    { key: "alone", n: claims.alone, colour: "#b8c2cf" },
  ];
  return (
    <div class="figure-bar">
      <div class="bar" aria-hidden="true">
        {parts.map((p) =>
          p.n > 0 ? (
            <span key={p.key} style={{ flexGrow: p.n, background: p.colour }} title={`${p.n} ${p.key}`} />
          ) : null,
        )}
      </div>
      <span class="meta-inline">
        {formatCount(claims.corroborated)} corroborated · {formatCount(claims.contradicted)} contradicted ·{" "}
        {formatCount(claims.alone)} alone
      </span>
    </div>
  );
}

/** One actor as an outlet frames it: a chip with its mean, the detail for pointer and screen reader. */
function Framing({ actor }: { actor: SourceItem["actors"][number] }) {
  const detail = `${formatCount(actor.events)} events; acts ${formatGoldstein(actor.asSource.goldsteinMean)} over ${formatCount(actor.asSource.events)}, acted upon ${formatGoldstein(actor.asTarget.goldsteinMean)} over ${formatCount(actor.asTarget.events)}`;
  return (
    <li class="chip" title={detail}>
      <a href={href("/timeline", { actor: actor.actor })}>{actorName(actor.actor)}</a>{" "}
      <span class="badge" style={{ background: goldsteinColour(actor.goldsteinMean) }}>
        {formatGoldstein(actor.goldsteinMean)}
      </span>
      <span class="meta-inline" aria-hidden="true">
        {" "}
        {formatCount(actor.events)}
      </span>
      <span class="visually-hidden">: {detail}</span>
    </li>
  );
}

/** Every outlet's mean Goldstein for each of the most reported states: how differently they frame each side. */
function FramingChart({ profiles }: { profiles: readonly SourceItem[] }) {
  const points = useMemo(() => framingOf(profiles, actorName), [profiles]);
  const build = useCallback((width: number) => Plot.plot(framingPlot(points, width)), [points]);
  if (points.dots.length === 0) return null;
  return (
    <section aria-labelledby="framing-title">
      <h2 id="framing-title">How the outlets frame each state</h2>
      <p class="note">
        One dot per outlet and state: the mean Goldstein value of the events it reports with that state on
        either side; the larger the dot, the more events. The table below gives the same figures.
      </p>
      <Figure build={build} label="Mean Goldstein value per outlet for each of the most reported states" />
    </section>
  );
}

function ProfileRow({ profile }: { profile: SourceItem }) {
  const shown = profile.actors.slice(0, SHOWN_ACTORS);
  const rest = profile.actors.slice(SHOWN_ACTORS);
  return (
    <tr data-testid="source-row">
      <th scope="row">
        {profile.outlet === null ? (
          <em>No outlet named</em>
        ) : (
          <a href={href("/search", { q: profile.outlet })}>{profile.outlet}</a>
        )}
      </th>
      <td class="num">{formatCount(profile.articles)}</td>
      <td class="num">{formatCount(profile.events)}</td>
      <td class="num">{formatCount(profile.claims.total)}</td>
      <td>
        <FigureBar claims={profile.claims} />
      </td>
      <td>
        {profile.actors.length === 0 ? (
          <span class="meta-inline">no events</span>
        ) : (
          <>
            <ul class="framing">
              {shown.map((a) => (
                <Framing key={a.actor} actor={a} />
              ))}
            </ul>
            {rest.length > 0 ? (
              <details>
                <summary>{formatCount(rest.length)} more actors</summary>
                <ul class="framing">
                  {rest.map((a) => (
                    <Framing key={a.actor} actor={a} />
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}

export function SourcesView() {
  const sources = useSources();
  return (
    <section data-testid="sources" data-state={sources.state} aria-labelledby="sources-title">
      <h1 id="sources-title">Sources</h1>
      <p class="lede">
        How each outlet reports: its articles and events, the mean Goldstein value of what it says each actor
        does (how it frames each side), and how its figures hold up against other independent sources.
      </p>
      <Loaded
        resource={sources}
        what="source profiles"
        ready={(page) =>
          page.items.length === 0 ? (
            <Empty>No articles yet.</Empty>
          ) : (
            <>
              <FramingChart profiles={page.items} />
              <h2>Outlets</h2>
              <div class="table-wrap">
                <table class="sources-table">
                  <caption>{formatCount(page.total)} outlets, most articles first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Outlet</th>
                      <th scope="col" class="num">
                        Articles
                      </th>
                      <th scope="col" class="num">
                        Events
                      </th>
                      <th scope="col" class="num">
                        Figures
                      </th>
                      <th scope="col">Figures against other sources</th>
                      <th scope="col">Mean Goldstein by actor (most events first)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((profile) => (
                      <ProfileRow key={profile.outlet ?? ""} profile={profile} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      />
    </section>
  );
}
