import { useMemo } from "preact/hooks";
import type { ClaimItem, ClaimsPage } from "../api.ts";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { bodyOf, client } from "../api.ts";
import { ParamSelect } from "../components/param-select.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { countryName } from "../lib/actors.ts";
import { formatCount, formatDate, formatFigure } from "../lib/format.ts";
import { useResource } from "../lib/resource.ts";
import { href, navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TableExport } from "../components/export-buttons.tsx";
import { CLAIM_COLUMNS, recordIds } from "../lib/table-export.ts";

const COLUMNS = [
  { key: "value", label: "Value", numeric: true },
  { key: "unit", label: "Unit" },
  { key: "qualifier", label: "Qualifier" },
  { key: "period", label: "Period" },
  { key: "subjects", label: "Subjects" },
  { key: "metric", label: "Metric" },
  { key: "outlet", label: "Outlet" },
  { key: "published", label: "Date" },
] as const;

type SortKey = (typeof COLUMNS)[number]["key"];

function sortValue(claim: ClaimItem, key: SortKey): string | number {
  switch (key) {
    case "value":
      return claim.value;
    case "subjects":
      return claim.subjects.join(" ");
    default:
      return claim[key] ?? "";
  }
}

function isSortKey(value: string | null): value is SortKey {
  return COLUMNS.some((c) => c.key === value);
}

/** Every claim, loaded once; filtering and sorting happen in the browser, instantly. */
function useClaims() {
  return useResource("claims", async (): Promise<ClaimsPage> =>
    bodyOf(await client.api.claims.$get({ query: { limit: String(MAX_PAGE) } })),
  );
}

function matches(claim: ClaimItem, words: readonly string[]): boolean {
  const haystack =
    `${claim.metric} ${claim.quote} ${claim.outlet ?? ""} ${claim.subjects.join(" ")}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function ClaimsView({ place }: { place: Place }) {
  const claims = useClaims();
  const q = place.params.get("q") ?? "";
  const subject = place.params.get("subject") ?? "";
  const unit = place.params.get("unit") ?? "";
  const sortParam = place.params.get("sort");
  const sort: SortKey = isSortKey(sortParam) ? sortParam : "published";
  const descending = place.params.get("dir") !== "asc";
  const all = claims.state === "ready" ? claims.data.items : null;
  const options = useMemo(() => {
    const subjects = new Set<string>();
    const units = new Set<string>();
    for (const c of all ?? []) {
      c.subjects.forEach((s) => subjects.add(s));
      units.add(c.unit);
    }
    return { subjects: [...subjects].sort(), units: [...units].sort() };
  }, [all]);
  const rows = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const kept = (all ?? []).filter(
      (c) =>
        (!subject || (c.subjects as readonly string[]).includes(subject)) &&
        (!unit || c.unit === unit) &&
        matches(c, words),
    );
    const sign = descending ? -1 : 1;
    return kept.sort((a, b) => {
      const x = sortValue(a, sort);
      const y = sortValue(b, sort);
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return sign * order || a.id.localeCompare(b.id);
    });
  }, [all, q, subject, unit, sort, descending]);
  const set = (key: string, value: string) => {
    navigate(withParams(place, { [key]: value || null }), { replace: true });
  };
  return (
    <section aria-labelledby="claims-title" data-state={claims.state} class="claims-view">
      <h1 id="claims-title">Claims</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
        aria-label="Filter claims"
      >
        <label>
          Words{" "}
          <input
            type="search"
            value={q}
            placeholder="oil, arms, embassy…"
            onInput={(e) => {
              set("q", e.currentTarget.value);
            }}
            data-testid="claims-filter"
          />
        </label>
        <ParamSelect
          place={place}
          param="subject"
          label="About"
          any="Any state"
          options={options.subjects.map((s) => ({ value: s, label: countryName(s) ?? s }))}
          replace
        />
        <ParamSelect
          place={place}
          param="unit"
          label="Unit"
          any="Any unit"
          options={options.units.map((u) => ({ value: u, label: u }))}
          replace
        />
      </form>
      <Loaded
        resource={claims}
        what="claims"
        ready={(page) =>
          page.items.length === 0 ? (
            <Empty>No claims yet: figures appear here once articles with numbers are ingested.</Empty>
          ) : (
            <div class="table-wrap">
              <TableExport table={{ name: "claims", columns: CLAIM_COLUMNS, rows }} stixIds={recordIds} />
              <table data-testid="claims-table" class="claims">
                <caption>
                  {formatCount(rows.length)} of {formatCount(page.total)} claims. Choose a row to read its
                  source.
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((column) => {
                      const active = column.key === sort;
                      return (
                        <th
                          key={column.key}
                          scope="col"
                          class={"numeric" in column ? "num" : undefined}
                          aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
                        >
                          <button
                            type="button"
                            class="sort"
                            onClick={() => {
                              navigate(
                                withParams(place, {
                                  sort: column.key,
                                  dir: active && descending ? "asc" : null,
                                }),
                                { replace: true },
                              );
                            }}
                          >
                            {column.label}
                            <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : ""}</span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((claim) => {
                    const to = href(`/reader/${claim.doc}`, { sel: claim.id });
                    return (
                      <tr
                        key={claim.id}
                        data-testid="claim-row"
                        class="clickable"
                        onClick={(event) => {
                          if (!(event.target instanceof HTMLAnchorElement)) navigate(to);
                        }}
                      >
                        <td class="num">
                          <a href={to} title={claim.quote}>
                            {formatFigure(claim.value, claim.valueMax, claim.unit, claim.qualifier)}
                          </a>
                        </td>
                        <td>{claim.unit}</td>
                        <td>{claim.qualifier}</td>
                        <td class="nowrap">{claim.period ?? "—"}</td>
                        <td>{claim.subjects.join(", ") || "—"}</td>
                        <td>{claim.metric}</td>
                        <td>{claim.outlet ?? "—"}</td>
                        <td class="nowrap">{formatDate(claim.published)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {rows.length === 0 ? <Empty>No claims match these filters.</Empty> : null}
            </div>
          )
        }
      />
    </section>
  );
}
