import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ClaimCluster,
  DyadRow,
  Episode,
  EventCluster,
  PairCount,
  SourceProfile,
  Triad,
} from "../../src/analysis/types.ts";
import type { DocumentToSave, Store } from "../../src/core/ports.ts";
import type { AppType } from "../../src/server/app.ts";
import type { AnalysisRunner } from "../../src/server/analysis-runner.ts";
import { createAnalysisRunner } from "../../src/server/analysis-runner.ts";
import { createApp } from "../../src/server/app.ts";
import { STALE_HEADER } from "../../src/server/routes/analysis.ts";
import { startServer } from "../../src/server/serve.ts";
import { openPostgresStore, openSqliteStore } from "../../src/store/open.ts";
import { createTestDatabase } from "../../src/store/testing/postgres.ts";
import { buildDocument } from "../../src/store/testing/fixtures.ts";
import { analysisCorpus } from "./store-fixture.ts";

// The analysis endpoints in-process over a real SQLite store holding the
// analysis corpus: a wire story, its reprint, an independent outlet and a
// repair article a year later.

let dir: string;
let store: Store;
let app: AppType;
let analysis: AnalysisRunner;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-analysis-api-"));
  store = openSqliteStore(join(dir, "kb.db"));
  for (const { doc, extraction } of analysisCorpus()) await store.saveDocument(doc, extraction);
  analysis = createAnalysisRunner({ source: { location: join(dir, "kb.db") }, store });
  app = createApp({ store, analysis });
});

afterAll(async () => {
  await analysis.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get<T>(path: string, status = 200): Promise<T> {
  const response = await app.request(path);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.status).toBe(status);
  return (await response.json()) as T;
}

interface Listing<T> {
  readonly items: T[];
  readonly total: number;
}

describe("GET /api/claims/clusters", () => {
  it("gives the clusters with the issue's fields", async () => {
    const { items, total } = await get<Listing<ClaimCluster>>("/api/claims/clusters");
    expect(total).toBe(1);
    expect(Object.keys(items[0] ?? {})).toEqual([
      "id",
      "metric",
      "unit",
      "subjects",
      "status",
      "sources",
      "claims",
      "disagreement",
      "summary",
    ]);
    expect(items[0]).toMatchObject({ status: "agree", sources: 3, unit: "percent", disagreement: null });
    expect(items[0]?.summary).toMatch(/^3 sources agree: /);
  });

  it("filters by status, subject, unit and sources, and pages", async () => {
    expect((await get<Listing<ClaimCluster>>("/api/claims/clusters?status=conflict")).total).toBe(0);
    expect(
      (await get<Listing<ClaimCluster>>("/api/claims/clusters?subject=ISR&unit=percent&minSources=3")).total,
    ).toBe(1);
    expect((await get<Listing<ClaimCluster>>("/api/claims/clusters?minSources=4")).total).toBe(0);
    const page = await get<Listing<ClaimCluster>>("/api/claims/clusters?limit=1&offset=1");
    expect(page).toEqual({ items: [], total: 1 });
  });
});

describe("GET /api/events/clusters", () => {
  it("merges the expulsion and filters like /api/events", async () => {
    const all = await get<Listing<EventCluster>>("/api/events/clusters");
    expect(all.total).toBe(9);
    const expulsion = await get<Listing<EventCluster>>(
      "/api/events/clusters?actor=IRN&root=17&from=2023-04&to=2023-04",
    );
    expect(expulsion.items).toHaveLength(1);
    expect(expulsion.items[0]?.reports).toHaveLength(3);
    expect(expulsion.items[0]?.sources).toBe(2);
    expect((await get<Listing<EventCluster>>("/api/events/clusters?minSources=2")).total).toBe(1);
  });

  it("names the event record behind each report, which /api/events lists with its outlet", async () => {
    const [expulsion] = (
      await get<Listing<EventCluster>>("/api/events/clusters?actor=IRN&root=17&from=2023-04&to=2023-04")
    ).items;
    for (const report of expulsion?.reports ?? []) {
      const { items } = await get<Listing<{ id: string; outlet: string | null }>>(
        `/api/events?doc=${report.doc}&root=17`,
      );
      expect(items.find((item) => item.id === report.event)?.outlet).toBe(report.outlet);
    }
  });
});

describe("GET /api/analysis", () => {
  it("says whether the analysis endpoints can answer, so that the UI asks them only then", async () => {
    expect(await get<{ available: boolean }>("/api/analysis")).toEqual({ available: true });
    const bare = createApp({ store });
    const response = await bare.request("/api/analysis");
    expect(await response.json()).toEqual({ available: false });
    expect((await bare.request("/api/events/clusters")).status).toBe(400);
  });
});

describe("GET /api/pairs", () => {
  it("counts each pair's reports and merged events, as the dyads count them", async () => {
    const pairs = await get<Listing<PairCount>>("/api/pairs?actor=IRN&from=2023&to=2023");
    const pair = pairs.items.find((p) => p.a === "AZE" && p.b === "IRN");
    const dyads = await get<Listing<DyadRow>>("/api/dyads?interval=year&actor=IRN");
    const dyad = dyads.items.find((row) => row.a === "AZE" && row.b === "IRN" && row.period === "2023");
    expect(pair?.events).toBe(dyad?.events);
    expect(pair?.reports).toBeGreaterThan(pair?.events ?? Infinity);
    expect(pair?.sources).toBe(2);
  });
});

describe("GET /api/dyads, /api/episodes, /api/triads, /api/sources", () => {
  it("gives the dyad series at each interval, directed or not", async () => {
    const months = await get<Listing<DyadRow>>("/api/dyads?actor=IRN");
    expect(months.items.filter((r) => r.a === "AZE").map((r) => [r.period, r.goldsteinMean])).toEqual([
      ["2023-04", -3.5],
      ["2024-05", 5.97],
    ]);
    const years = await get<Listing<DyadRow>>("/api/dyads?interval=year&directed=true&actor=AZE");
    expect(years.items.map((r) => `${r.a}>${r.b} ${r.period}`)).toContain("IRN>AZE 2023");
  });

  it("gives episodes, triads and source profiles", async () => {
    const episodes = await get<Listing<Episode>>("/api/episodes");
    expect(episodes.items.map((e) => `${e.a}-${e.b} ${e.start}..${e.end}`)).toEqual([
      "AZE-IRN 2023-04..2024-05",
    ]);
    const triads = await get<Listing<Triad>>("/api/triads?actors=AZE,IRN,ISR");
    expect(triads.items.map((t) => [t.window, t.balanced])).toEqual([
      ["2023", true],
      ["2024", false],
    ]);
    expect((await get<Listing<Triad>>("/api/triads?interval=all")).items.map((t) => t.window)).toEqual([
      "all",
    ]);
    const sources = await get<Listing<SourceProfile>>("/api/sources");
    expect(sources.items.map((p) => p.outlet)).toEqual([
      "Baku Observer",
      "Regional Digest",
      "Wire Service",
      null,
    ]);
  });

  it("has typed routes in the client the web UI uses", async () => {
    const client = hc<AppType>("http://localhost", {
      fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => app.request(input, init),
    });
    const response = await client.api.dyads.$get({ query: { interval: "quarter" } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.every((row) => /^\d{4}-Q[1-4]$/.test(row.period))).toBe(true);
  });
});

describe("validation", () => {
  it.each([
    ["/api/dyads?interval=week", "interval"],
    ["/api/dyads?directed=yes", "directed"],
    ["/api/dyads?actor=Iran", "actor"],
    ["/api/claims/clusters?status=maybe", "status"],
    ["/api/claims/clusters?unit=furlong", "unit"],
    ["/api/claims/clusters?limit=0", "limit"],
    ["/api/events/clusters?from=April", "from"],
    ["/api/events/clusters?root=7", "root"],
    ["/api/triads?actors=AZE;IRN", "actors"],
    ["/api/triads?minEvents=0", "minEvents"],
    ["/api/episodes?colour=red", "colour"],
    ["/api/sources?x=1", "x"],
  ])("%s is a 400 naming %s", async (path, parameter) => {
    const body = await get<{ error: { code: string; parameter: string; message: string } }>(path, 400);
    expect(body.error).toMatchObject({ code: "invalid_input", parameter });
  });
});

describe("the analysis thread", () => {
  it("answers from the last analysis, marked stale, while it analyses the changed knowledge base", async () => {
    const first = await app.request("/api/events/clusters");
    expect(first.headers.get(STALE_HEADER)).toBeNull();
    const before = ((await first.json()) as Listing<EventCluster>).total;
    const more = buildDocument({
      text: "Iran and Azerbaijan held talks in Baku on June 3.",
      outlet: "Another Outlet",
      published: "2024-06-04",
      events: [
        {
          quote: "Iran and Azerbaijan held talks in Baku on June 3.",
          source: "IRN",
          target: "AZE",
          cameo: "042",
          date: "2024-06-03",
        },
      ],
    });
    await store.saveDocument(more.doc, more.extraction);
    const stale = await app.request("/api/events/clusters");
    expect(stale.status).toBe(200);
    expect(stale.headers.get(STALE_HEADER)).toBe("true");
    expect(((await stale.json()) as Listing<EventCluster>).total).toBe(before);
    await expect
      .poll(
        async () => {
          const response = await app.request("/api/events/clusters");
          const { total } = (await response.json()) as Listing<EventCluster>;
          return [response.headers.get(STALE_HEADER), total];
        },
        { timeout: 20_000, interval: 100 },
      )
      .toEqual([null, before + 1]);
  });

  it("leaves the server's thread free: /api/events answers while the clusters of a large base are made", async () => {
    const bigDir = mkdtempSync(join(tmpdir(), "triangulate-analysis-thread-"));
    const path = join(bigDir, "kb.db");
    const big = openSqliteStore(path);
    const runner = createAnalysisRunner({ source: { location: path }, store: big });
    const server = await startServer(createApp({ store: big, analysis: runner }), { port: 0 });
    try {
      await big.saveDocuments(reprints(3000));
      const finished: string[] = [];
      const fetchJson = async (path: string): Promise<void> => {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        await response.json();
        finished.push(path);
      };
      const clusters = fetchJson("/api/claims/clusters");
      // Sent once the clusters' request is in the server's hands.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await fetchJson("/api/events?actor=IRN");
      await clusters;
      expect(finished).toEqual(["/api/events?actor=IRN", "/api/claims/clusters"]);
    } finally {
      await server.close();
      await runner.close();
      await big.close();
      rmSync(bigDir, { recursive: true, force: true });
    }
  });
});

describe("the analysis thread over PostgreSQL", () => {
  it("opens the database by its URL and clusters it as over SQLite", async () => {
    const database = await createTestDatabase("analysis");
    const pgStore = await openPostgresStore(database.url);
    const runner = createAnalysisRunner({ source: { location: database.url }, store: pgStore });
    try {
      for (const { doc, extraction } of analysisCorpus()) await pgStore.saveDocument(doc, extraction);
      const pgApp = createApp({ store: pgStore, analysis: runner });
      const overPg = (await (await pgApp.request("/api/claims/clusters")).json()) as Listing<ClaimCluster>;
      const overSqlite = await get<Listing<ClaimCluster>>("/api/claims/clusters");
      expect(overPg.total).toBe(1);
      expect(overPg.items[0]).toMatchObject({ status: "agree", sources: 3, unit: "percent" });
      expect(overPg.items[0]?.claims.map((claim) => claim.quote).sort()).toEqual(
        overSqlite.items[0]?.claims.map((claim) => claim.quote).sort(),
      );
    } finally {
      await runner.close();
      await pgStore.close();
      await database.drop();
    }
  });
});

/** `count` articles, each a reprint of one story (its own text) with an event and two figures. */
function reprints(count: number): DocumentToSave[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `Iran expelled four Azerbaijani diplomats on April 6, 2023, reprint ${i}. Trade fell 20 percent; oil exports fell 30 percent.`;
    return buildDocument({
      text,
      outlet: `Outlet ${i}`,
      published: "2023-04-07",
      events: [
        {
          quote: "Iran expelled four Azerbaijani diplomats",
          source: "IRN",
          target: "AZE",
          cameo: "174",
          date: "2023-04-06",
        },
      ],
      claims: [
        {
          quote: "Trade fell 20 percent",
          metric: "trade",
          value: 20,
          unit: "percent",
          subjects: ["IRN", "AZE"],
        },
        {
          quote: "oil exports fell 30 percent",
          metric: "oil exports",
          value: 30,
          unit: "percent",
          subjects: ["IRN", "AZE"],
        },
      ],
    });
  });
}
