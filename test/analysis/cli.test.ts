import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ClaimCluster,
  DyadRow,
  Episode,
  EventCluster,
  SourceProfile,
  Triad,
} from "../../src/analysis/types.ts";
import { createKnowledgeBase, runMain, tempDir } from "../cli/harness.ts";
import { analysisCorpus } from "./store-fixture.ts";
import { xmlProblems } from "./xml-well-formed.ts";

let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.path, "kb.db");
  await createKnowledgeBase(db, analysisCorpus());
});
afterAll(() => {
  dir.remove();
});

async function run(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runMain([...args, "--db", db], { cwd: dir.path });
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return stdout;
}

async function json<T>(...args: string[]): Promise<T> {
  return JSON.parse(await run(...args, "--json")) as T;
}

describe("triangulate claims --clusters", () => {
  it("groups the oil share quoted four ways into one agreeing cluster, the reprint counted once", async () => {
    const clusters = await json<ClaimCluster[]>("claims", "--clusters");
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      metric: "share of Israel's oil imports",
      unit: "percent",
      subjects: ["AZE", "ISR"],
      status: "agree",
      sources: 3,
    });
    expect(clusters[0]?.claims.map((c) => [c.value, c.valueMax, c.qualifier, c.outlet, c.published])).toEqual(
      [
        [40, null, "approx", "Wire Service", "2023-04-07"],
        [40, null, "approx", "Regional Digest", "2023-04-08"],
        [40, null, "exact", "Baku Observer", "2023-04-20"],
        [40, 65, "exact", null, "2024-05-21"],
      ],
    );
    expect(Object.keys(clusters[0]?.claims[0] ?? {})).toEqual([
      "doc",
      "value",
      "valueMax",
      "qualifier",
      "period",
      "quote",
      "start",
      "end",
      "outlet",
      "published",
    ]);
  });

  it("prints a readable report without --json, and filters", async () => {
    const text = await run("claims", "--clusters");
    expect(text).toContain("[agree] share of Israel's oil imports (percent; AZE ISR): 3 sources, 4 figures");
    expect(text).toContain("about 40");
    expect(text).toContain("40–65");
    expect(await json<ClaimCluster[]>("claims", "--clusters", "--status", "conflict")).toEqual([]);
    expect(await json<unknown[]>("claims", "--subject", "IRN")).toEqual([]);
    expect(await json<unknown[]>("claims", "--subject", "AZE")).toHaveLength(4);
  });
});

describe("triangulate events --clusters", () => {
  it("merges one expulsion reported by three articles, with two independent sources", async () => {
    const clusters = await json<EventCluster[]>("events", "--clusters");
    const expulsion = clusters.filter((c) => c.root === "17");
    expect(expulsion).toHaveLength(1);
    expect(expulsion[0]).toMatchObject({
      date: "2023-04-06",
      source: "IRN",
      target: "AZE",
      sourceCountry: "IRN",
      targetCountry: "AZE",
      cameo: "174",
      root: "17",
      goldstein: -5,
      sources: 2,
    });
    expect(expulsion[0]?.reports.map((r) => r.outlet)).toEqual([
      "Wire Service",
      "Regional Digest",
      "Baku Observer",
    ]);
    // Twelve reports, nine events: the expulsion is in three articles, the accusation in the wire and its reprint.
    expect(clusters.reduce((n, c) => n + c.reports.length, 0)).toBe(12);
    expect(clusters).toHaveLength(9);
    expect(
      await json<EventCluster[]>("events", "--clusters", "--min-sources", "2", "--actor", "IRN"),
    ).toHaveLength(1);
    expect(await json<EventCluster[]>("events", "--clusters", "--from", "2024", "--root", "05")).toHaveLength(
      2,
    );
  });

  it("lists single reports without --clusters, and prints tables", async () => {
    expect(
      await json<unknown[]>("events", "--actor", "AZE", "--from", "2023-04", "--to", "2023-04"),
    ).toHaveLength(6);
    const table = await run("events", "--clusters");
    expect(table.split("\n")[0]).toMatch(
      /^date\s+source\s+target\s+cameo\s+goldstein\s+sources\s+reports\s+quote$/,
    );
    expect(table).toContain("2023-04-06  IRN");
  });
});

describe("triangulate dyads", () => {
  it("sees Azerbaijan–Iran negative in April 2023 and positive in May 2024", async () => {
    const rows = await json<DyadRow[]>("dyads", "--interval", "month", "--actor", "IRN");
    expect(rows.filter((r) => r.b === "IRN" && r.a === "AZE")).toEqual([
      {
        a: "AZE",
        b: "IRN",
        period: "2023-04",
        events: 2,
        goldstein: -7,
        goldsteinMean: -3.5,
        verbalCooperation: 0,
        materialCooperation: 0,
        verbalConflict: 1,
        materialConflict: 1,
        notes: [],
      },
      {
        a: "AZE",
        b: "IRN",
        period: "2024-05",
        events: 3,
        goldstein: 17.9,
        goldsteinMean: 5.97,
        verbalCooperation: 3,
        materialCooperation: 0,
        verbalConflict: 0,
        materialConflict: 0,
        notes: [],
      },
    ]);
  });

  it("keeps directions apart with --directed and names quarters and years", async () => {
    const directed = await json<DyadRow[]>("dyads", "--interval", "quarter", "--directed", "--actor", "AZE");
    expect(directed.map((r) => `${r.a}>${r.b} ${r.period} ${r.events}`)).toEqual([
      "AZE>IRN 2023-Q2 1",
      "AZE>IRN 2024-Q2 2",
      "AZE>ISR 2023-Q2 1",
      "AZE>ISR 2024-Q2 1",
      "IRN>AZE 2023-Q2 1",
      "IRN>AZE 2024-Q2 1",
    ]);
    expect((await json<DyadRow[]>("dyads", "--interval", "year")).map((r) => r.period)).toContain("2024");
    expect(await run("dyads", "--actor", "ISR")).toContain("AZE–ISR  2023-04");
  });
});

describe("triangulate episodes, triads and sources", () => {
  it("finds the rupture and repair of Azerbaijan–Iran as an episode", async () => {
    const episodes = await json<Episode[]>("episodes");
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({
      a: "AZE",
      b: "IRN",
      start: "2023-04",
      trough: "2023-04",
      end: "2024-05",
    });
    expect(episodes[0]?.events.map((e) => e.phase)).toEqual([
      "rupture",
      "rupture",
      "repair",
      "repair",
      "repair",
    ]);
    expect(await run("episodes")).toContain(
      "AZE–IRN: 2023-04 → trough 2023-04 (-3.5) → repair 2024-05 (+5.97)",
    );
  });

  it("judges the Azerbaijan–Iran–Israel triangle balanced in 2023 and unbalanced in 2024", async () => {
    const triads = await json<Triad[]>("triads", "--actors", "AZE,IRN,ISR");
    expect(triads.map((t) => [t.window, t.edges.map((e) => e.sign), t.balanced])).toEqual([
      ["2023", [-1, 1, -1], true],
      ["2024", [1, 1, -1], false],
    ]);
    expect(await run("triads")).toMatch(
      /AZE IRN ISR\s+2024\s+AZE–IRN \+ \(3\)\s+AZE–ISR \+ \(1\)\s+IRN–ISR - \(1\)\s+no/,
    );
  });

  it("profiles outlets, with the reprint's figure no corroboration of the wire's", async () => {
    const profiles = await json<SourceProfile[]>("sources");
    expect(profiles.map((p) => [p.outlet, p.articles, p.events])).toEqual([
      ["Baku Observer", 1, 3],
      ["Regional Digest", 1, 2],
      ["Wire Service", 1, 2],
      [null, 1, 5],
    ]);
    expect(profiles.find((p) => p.outlet === "Wire Service")?.claims).toEqual({
      total: 1,
      corroborated: 1,
      contradicted: 0,
      alone: 0,
    });
    expect(await run("sources")).toContain("(no outlet)");
  });
});

describe("usage errors", () => {
  it.each([
    [["dyads", "--interval", "week"], /--interval must be month, quarter or year/],
    [["claims", "--status", "maybe"], /--status must be/],
    [["claims", "--min-sources", "2"], /need --clusters/],
    [["events", "--clusters", "--from", "April"], /--from must be/],
    [["events", "--root", "7"], /--root must be/],
    [["triads", "--actors", "aze"], /--actors must be country codes separated by commas/],
    [["episodes", "--actor", "Iran"], /--actor must be/],
  ])("%j exits 2", async (args, message) => {
    const { code, stderr } = await runMain([...args, "--db", db], { cwd: dir.path });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("says there is no knowledge base", async () => {
    const { code, stderr } = await runMain(["sources", "--db", join(dir.path, "none.db")], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stderr).toMatch(/no knowledge base/);
  });
});

describe("triangulate export --format gdelt|stix|gexf|timelinejs", () => {
  it("writes GDELT rows with the expulsion once", async () => {
    const lines = (await run("export", "--format", "gdelt")).trimEnd().split("\n");
    const [header = "", ...rows] = lines.map((line) => line.split("\t"));
    expect(header).toHaveLength(61);
    expect(rows).toHaveLength(9);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const expulsion = rows.find((row) => col(row, "EventCode") === "174") ?? [];
    expect([
      col(expulsion, "NumMentions"),
      col(expulsion, "NumArticles"),
      col(expulsion, "NumSources"),
    ]).toEqual(["3", "3", "2"]);
    expect(col(expulsion, "SOURCEURL")).toBe("https://wire.example/expulsion");
  });

  it("writes a STIX bundle, GEXF and a TimelineJS timeline", async () => {
    const bundle = JSON.parse(await run("export", "--format", "stix")) as {
      type: string;
      objects: { type: string }[];
    };
    expect(bundle.type).toBe("bundle");
    expect(bundle.objects.filter((o) => o.type === "report")).toHaveLength(4);
    const gexf = await run("export", "--format", "gexf");
    expect(xmlProblems(gexf)).toEqual([]);
    expect(gexf).toContain('<node id="AZE" label="Azerbaijan">');
    const timeline = JSON.parse(await run("export", "--format", "timelinejs")) as { events: unknown[] };
    expect(timeline.events).toHaveLength(9);
  });

  it("refuses record types a format cannot write", async () => {
    const { code, stderr } = await runMain(["export", "--format", "gdelt", "--type", "claim", "--db", db], {
      cwd: dir.path,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/gdelt writes events only/);
  });
});
