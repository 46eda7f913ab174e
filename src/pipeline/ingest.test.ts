import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TriangulateError } from "../core/errors.ts";
import type { IsoDate } from "../core/ids.ts";
import type { NlpEngine, Store } from "../core/ports.ts";
import type { Knowledge } from "../extract/knowledge.ts";
import { parseManifest } from "../ingest/manifest.ts";
import type { FetchLike } from "../ingest/read.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { openSqliteStore } from "../store/open.ts";
import type { IngestDeps } from "./ingest.ts";
import { MIN_DOCUMENTS_FOR_THREADS, ingest } from "./ingest.ts";
import type { IngestSummary, ItemResult, Reporter } from "./report.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "test", "fixtures", "ingest");
const SENTENCE = "Georgia and Armenia signed a trade agreement in Tbilisi on Monday, officials said.";

let nlp: NlpEngine;
let knowledge: Knowledge;
let store: Store;
let folder: string;
beforeAll(() => {
  nlp = createWinkEngine();
  knowledge = loadKnowledge();
  folder = mkdtempSync(join(tmpdir(), "triangulate-ingest-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  store = openSqliteStore(":memory:");
});
afterEach(async () => {
  await store.close();
});

/** A reporter that writes down what it is told. */
function recorder(): Reporter & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    start: (total) => events.push(`start ${total}`),
    item: (result: ItemResult) => events.push(`${result.status} ${result.uri}`),
    finish: (summary: IngestSummary) => events.push(`finish ${summary.added}/${summary.failed}`),
  };
}

const noFetch: FetchLike = () => Promise.reject(new Error("no network in this test"));

function deps(overrides: Partial<IngestDeps> = {}): IngestDeps {
  return {
    store,
    nlp,
    loadKnowledge: () => knowledge,
    loadCodingKnowledge: () => knowledge,
    fetch: noFetch,
    reporter: recorder(),
    readStdin: () => Promise.resolve(Buffer.from(SENTENCE)),
    ...overrides,
  };
}

describe("ingest", () => {
  it("stores good inputs and reports each bad one, in input order", async () => {
    const reporter = recorder();
    const run = await ingest(
      ["good", "bad/empty.txt", "missing.txt", "foreign/french.txt"],
      { cwd: FIXTURES },
      deps({ reporter }),
    );
    expect(run.results.map((r) => `${r.status} ${r.uri}`)).toEqual([
      "added good/caspian-talks.txt",
      "added good/embassy-reopens.md",
      "skipped good/notes.docx",
      "added good/pipeline-deal.html",
      "failed bad/empty.txt",
      "failed missing.txt",
      "failed foreign/french.txt",
    ]);
    expect(run.summary).toMatchObject({ added: 3, unchanged: 0, failed: 3, skipped: 1 });
    expect(reporter.events).toEqual([
      "start 6",
      ...run.results.map((r) => `${r.status} ${r.uri}`),
      "finish 3/3",
    ]);
    expect((await store.stats()).documents).toBe(3);
  });

  it("counts what extraction found in the added documents", async () => {
    const run = await ingest(["good"], { cwd: FIXTURES }, deps());
    const sum = (key: "events" | "claims"): number =>
      run.results.reduce((total, r) => total + (r.status === "added" ? r[key] : 0), 0);
    expect(run.summary.events).toBe(sum("events"));
    expect(run.summary.claims).toBe(sum("claims"));
    const stats = await store.stats();
    expect(stats).toMatchObject({ documents: 3, events: run.summary.events, claims: run.summary.claims });
    expect(run.summary.actors).toBe(stats.actors);
  });

  it("stores the same text once: again in the same run, and in a later run, it is unchanged", async () => {
    writeFileSync(join(folder, "one.txt"), `${SENTENCE}\n`);
    writeFileSync(join(folder, "same.txt"), `\uFEFF${SENTENCE}\r\n`);
    const first = await ingest(["one.txt", "same.txt"], { cwd: folder }, deps());
    expect(first.results.map((r) => r.status)).toEqual(["added", "unchanged"]);
    const second = await ingest(["one.txt"], { cwd: folder }, deps());
    expect(second.results).toEqual([
      {
        status: "unchanged",
        uri: "one.txt",
        id: first.results[0]?.status === "added" ? first.results[0].id : "",
        actors: 0,
        events: 0,
        claims: 0,
      },
    ]);
    expect(second.summary).toMatchObject({ added: 0, unchanged: 1, events: 0, claims: 0, actors: 0 });
    expect((await store.stats()).documents).toBe(1);
  });

  it("does not extract a document the store already has", async () => {
    writeFileSync(join(folder, "known.txt"), SENTENCE);
    await ingest(["known.txt"], { cwd: folder }, deps());
    const failing: NlpEngine = {
      analyse: () => {
        throw new Error("must not be called");
      },
    };
    const run = await ingest(["known.txt"], { cwd: folder }, deps({ nlp: failing }));
    expect(run.results[0]?.status).toBe("unchanged");
  });

  it("takes metadata from the manifest, and from flags over the document", async () => {
    const manifest = parseManifest(
      JSON.stringify([
        {
          file: "good/caspian-talks.txt",
          published: "2025-02",
          outlet: "Manifest Wire",
          title: "Caspian deal",
        },
        { file: "good/pipeline-deal.html", published: null, outlet: null, title: null },
      ]),
      join(FIXTURES, "manifest.json"),
    );
    await ingest(["good/caspian-talks.txt", "good/pipeline-deal.html"], { cwd: FIXTURES, manifest }, deps());
    const { items } = await store.listDocuments({ limit: 10, offset: 0 });
    const byUri = new Map(items.map((doc) => [doc.uri, doc]));
    expect(byUri.get("good/caspian-talks.txt")).toMatchObject({
      published: "2025-02",
      outlet: "Manifest Wire",
      title: "Caspian deal",
    });
    // Nulls in the manifest leave the page's own metadata.
    expect(byUri.get("good/pipeline-deal.html")).toMatchObject({
      published: "2025-03-18",
      outlet: "Example Times",
    });

    const given = { published: "2024-01-02" as IsoDate, outlet: "Flag Outlet", title: "Flag title" };
    await ingest(["good/embassy-reopens.md"], { cwd: FIXTURES, given }, deps());
    const embassy = (await store.listDocuments({ limit: 10, offset: 0 })).items.find(
      (d) => d.uri === "good/embassy-reopens.md",
    );
    expect(embassy).toMatchObject(given);
  });

  it("ingests every manifest entry when no inputs are given, URLs included", async () => {
    writeFileSync(
      join(folder, "entry.txt"),
      `Armenia and Iran opened a new border crossing on Friday, officials said.`,
    );
    const manifest = parseManifest(
      JSON.stringify([
        { file: "entry.txt", published: "2023" },
        { url: "https://news.example/story", outlet: "Example News" },
      ]),
      join(folder, "manifest.json"),
    );
    const fetched: string[] = [];
    const fetch: FetchLike = (url) => {
      fetched.push(url);
      return Promise.resolve(
        new Response(`<html><head><title>Story</title></head><body><p>${SENTENCE}</p></body></html>`, {
          headers: { "content-type": "text/html" },
        }),
      );
    };
    const run = await ingest([], { manifest }, deps({ fetch }));
    expect(run.results.map((r) => `${r.status} ${r.uri}`)).toEqual([
      `added ${join(folder, "entry.txt")}`,
      "added https://news.example/story",
    ]);
    expect(fetched).toEqual(["https://news.example/story"]);
    const docs = (await store.listDocuments({ limit: 10, offset: 0 })).items;
    expect(docs.find((d) => d.uri.startsWith("https:"))).toMatchObject({
      title: "Story",
      outlet: "Example News",
    });
    expect(docs.find((d) => d.uri.endsWith("entry.txt"))).toMatchObject({ published: "2023" });
  });

  // A batch starts the analysis thread, which loads the gazetteer: seconds on a busy machine.
  it(
    "reads files ahead while the threads load, and keeps input order, failures and a URL after them",
    { timeout: 60_000 },
    async () => {
      const batch = mkdtempSync(join(folder, "batch-"));
      const names: string[] = [];
      for (let i = 0; i < MIN_DOCUMENTS_FOR_THREADS; i++) {
        const name = `item-${String(i).padStart(2, "0")}.txt`;
        writeFileSync(join(batch, name), `Chile and Peru signed ${i + 2} trade agreements in ${1950 + i}.`);
        names.push(name);
      }
      writeFileSync(join(batch, "item-empty.txt"), "");
      const fetched: string[] = [];
      const fetch: FetchLike = (url) => {
        fetched.push(url);
        return Promise.resolve(new Response(SENTENCE, { headers: { "content-type": "text/plain" } }));
      };
      const inputs = [...names.map((name) => join(batch, name)), join(batch, "item-empty.txt")];
      const run = await ingest([...inputs, "https://news.example/later"], {}, deps({ fetch }));
      expect(run.results.map((r) => `${r.status} ${r.uri}`)).toEqual([
        ...names.map((name) => `added ${join(batch, name)}`),
        `failed ${join(batch, "item-empty.txt")}`,
        "added https://news.example/later",
      ]);
      expect(fetched).toEqual(["https://news.example/later"]);
      expect((await store.stats()).documents).toBe(MIN_DOCUMENTS_FOR_THREADS + 1);
    },
  );

  it("reads stdin for -", async () => {
    const run = await ingest(["-"], {}, deps());
    expect(run.results).toMatchObject([{ status: "added", uri: "-" }]);
    const [doc] = (await store.listDocuments({ limit: 1, offset: 0 })).items;
    expect(doc?.uri).toBe("-");
  });

  it("turns a failing fetch into a failed item", async () => {
    const run = await ingest(["https://unreachable.example/a"], {}, deps());
    expect(run.results).toEqual([
      {
        status: "failed",
        uri: "https://unreachable.example/a",
        failure: { kind: "fetch_failed", message: "fetch failed: no network in this test" },
      },
    ]);
  });

  it("turns extraction and store errors into failed items and goes on", async () => {
    writeFileSync(join(folder, "x1.txt"), `${SENTENCE} One.`);
    writeFileSync(join(folder, "x2.txt"), `${SENTENCE} Two.`);
    writeFileSync(join(folder, "x3.txt"), `${SENTENCE} Three.`);
    const flaky: NlpEngine = {
      analyse: (text) => {
        if (text.endsWith("One.")) throw new Error("tokeniser broke");
        return nlp.analyse(text);
      },
    };
    // A store that refuses one document of the batch and saves the others.
    const refusing: Store = {
      ...store,
      saveDocuments: async (batch) => {
        const kept = batch.filter(({ doc }) => !doc.text.endsWith("Two."));
        const saved = [...(await store.saveDocuments(kept))];
        return batch.map((item) =>
          item.doc.text.endsWith("Two.")
            ? { ok: false, error: new TriangulateError("store_failed", "disk full") }
            : (saved.shift() ?? { ok: false, error: new TriangulateError("store_failed", "lost") }),
        );
      },
    };
    const run = await ingest(
      ["x1.txt", "x2.txt", "x3.txt"],
      { cwd: folder },
      deps({ nlp: flaky, store: refusing }),
    );
    expect(
      run.results.map((r) => (r.status === "failed" ? `${r.failure.kind}: ${r.failure.message}` : r.status)),
    ).toEqual([
      "extract_failed: extraction failed: tokeniser broke",
      "store_failed: not stored: disk full",
      "added",
    ]);
    expect((await store.stats()).documents).toBe(1);
  });

  it("refuses inputs over the size limit", async () => {
    writeFileSync(join(folder, "big.txt"), SENTENCE.repeat(10));
    const run = await ingest(["big.txt"], { cwd: folder, maxBytes: 200 }, deps());
    expect(run.results).toEqual([
      {
        status: "failed",
        uri: "big.txt",
        failure: { kind: "too_large", message: "too large (over 200 bytes)" },
      },
    ]);
  });
});
