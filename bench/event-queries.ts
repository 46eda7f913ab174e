import type { createApp } from "../src/server/app.ts";

// The filtered /api/events queries an analyst's views make, timed through the
// real app in-process (`app.request`): validation, the store and JSON, no sockets.

type App = ReturnType<typeof createApp>;

/** Each query with its default page of 100; `doc` is one document's id. */
export function eventQueries(doc: string): readonly string[] {
  return [
    "/api/events?actor=AZE",
    "/api/events?actor=AZE&root=04",
    "/api/events?source=IRN&target=ISR",
    "/api/events?root=17",
    "/api/events?from=2023&to=2024",
    "/api/events?from=2020-03-01&to=2020-03-31",
    "/api/events?actor=ISR&from=2022-10&to=2023-03",
    "/api/events?target=TUR&root=11&from=2010",
    "/api/events?actor=AZE&offset=5000",
    `/api/events?doc=${doc}`,
    "/api/events?limit=1000&actor=IRN",
  ];
}

/** The id of some document of the store (the 500th), for the `doc=` query. */
export async function someDocument(app: App): Promise<string> {
  const page = (await (await app.request("/api/documents?limit=1&offset=500")).json()) as {
    items: { id: string }[];
  };
  return page.items[0]?.id ?? "0000000000000000";
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/** Milliseconds to answer `url` and read the body. @throws on a status other than 200. */
export async function timeRequest(app: App, url: string): Promise<number> {
  const started = performance.now();
  const response = await app.request(url);
  await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return ms;
}

export interface QueryTimes {
  /** Per query: its text, matches, p50 and p95 in ms. */
  readonly rows: readonly (readonly [string, number, number, number])[];
  /** Over all queries' runs. */
  readonly p50: number;
  readonly p95: number;
}

/** Times `rounds` runs of each query, after one warming run of each. */
export async function timeQueries(app: App, queries: readonly string[], rounds: number): Promise<QueryTimes> {
  for (const url of queries) await timeRequest(app, url);
  const all: number[] = [];
  const rows: [string, number, number, number][] = [];
  for (const url of queries) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push(await timeRequest(app, url));
    times.sort((a, b) => a - b);
    all.push(...times);
    const body = (await (await app.request(url)).json()) as { total: number };
    rows.push([url.replace("/api/events?", ""), body.total, percentile(times, 0.5), percentile(times, 0.95)]);
  }
  all.sort((a, b) => a - b);
  return { rows, p50: percentile(all, 0.5), p95: percentile(all, 0.95) };
}

/** The table of `timeQueries`, as `bench:api` and `bench:pg` print it. */
export function formatQueryTimes({ rows }: QueryTimes): string {
  const width = Math.max(...rows.map(([q]) => q.length));
  const head = `${"query".padEnd(width)}  ${"matches".padStart(7)}  ${"p50 ms".padStart(7)}  ${"p95 ms".padStart(7)}`;
  return [
    head,
    ...rows.map(
      ([query, total, p50, p95]) =>
        `${query.padEnd(width)}  ${String(total).padStart(7)}  ${p50.toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}`,
    ),
  ].join("\n");
}
