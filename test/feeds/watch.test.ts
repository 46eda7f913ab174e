import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.ts";
import { createWatchCommand } from "../../src/cli/commands/watch.ts";
import type { DocumentSummary } from "../../src/core/records.ts";
import { makePdf } from "../../src/ingest/testing/make-pdf.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { runMain } from "../cli/harness.ts";
import type { FeedServer } from "./feed-server.ts";
import { atom, jsonFeed, page, rss, startFeedServer } from "./feed-server.ts";

// Feeds, pages and a PDF served by a local server; the watch loop polls
// them twice with a clock the test moves, ingesting into a SQLite store.

let server: FeedServer;
let dir: string;
let db: string;
let clock = new Date("2024-03-10T12:00:00Z");

const EXPULSION = [
  "Iran expelled four Azerbaijani diplomats on 5 March 2024, the foreign ministry in Tehran said.",
  "Baku called the decision unjustified and summoned the Iranian ambassador.",
];
const OIL = [
  "Azerbaijan supplies about 40 percent of the oil Israel imports, officials in Baku said on Monday.",
];

function io(): { io: CliIo; out: () => string; err: () => string } {
  const sink = (chunks: string[]) =>
    new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdin: Readable.from([]),
      stdout: sink(out),
      stderr: sink(err),
      env: {},
      cwd: dir,
      interactive: false,
    },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

async function watchOnce(): Promise<{ code: number; out: string; err: string }> {
  const streams = io();
  const command = createWatchCommand({ now: () => clock, stopSignal: () => new Promise(() => undefined) });
  const code = await command.run(["--db", db, "--once"], streams.io);
  return { code, out: streams.out(), err: streams.err() };
}

async function documents(): Promise<DocumentSummary[]> {
  const store = openSqliteStore(db);
  try {
    return [...(await store.listDocuments({ limit: 100, offset: 0 })).items];
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), "triangulate-watch-"));
  db = join(dir, "kb.db");
  const { base, routes } = server;
  routes.set("/expulsion.html", page("Iran expels Azerbaijani diplomats", EXPULSION));
  routes.set("/oil.html", page("Oil for Israel", OIL));
  routes.set("/flaky.html", { status: 503 });
  routes.set("/brief.pdf", {
    type: "application/pdf",
    body: makePdf({
      title: "Caspian brief",
      pages: [[["Turkey and Azerbaijan signed a defence agreement in Baku", "on Tuesday, officials said."]]],
    }),
  });
  routes.set(
    "/ankara.html",
    page("Ankara and Baku", [
      "Turkish President Recep Tayyip Erdogan visited Baku on 8 March 2024 and met President Ilham Aliyev.",
    ]),
  );
  routes.set(
    "/rss.xml",
    rss(
      [
        {
          link: `${base}/expulsion.html`,
          title: "Iran expels diplomats",
          pubDate: "Wed, 06 Mar 2024 09:00:00 GMT",
        },
        { link: "/oil.html", title: "Oil for Israel", pubDate: "Mon, 04 Mar 2024 08:00:00 GMT" },
        { link: `${base}/flaky.html`, title: "Not yet there", pubDate: "Mon, 04 Mar 2024 08:00:00 GMT" },
      ],
      '"rss-1"',
    ),
  );
  routes.set(
    "/atom.xml",
    atom([{ link: `${base}/brief.pdf`, title: "Defence brief", published: "2024-03-07T10:00:00Z" }]),
  );
  routes.set(
    "/feed.json",
    jsonFeed([
      { url: `${base}/ankara.html`, title: "Erdogan in Baku", date_published: "2024-03-08T18:00:00+03:00" },
    ]),
  );
  routes.set("/down.xml", { status: 503 });
  for (const [path, outlet] of [
    ["/rss.xml", "Caspian Wire"],
    ["/atom.xml", ""],
    ["/feed.json", ""],
    ["/down.xml", ""],
  ] as const) {
    const result = await runMain(
      ["feeds", "add", `${base}${path}`, "--db", db, ...(outlet ? ["--outlet", outlet] : [])],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
  }
  const rule = await runMain(["alerts", "add", "--actor", "IRN", "--root", "11-20", "--db", db], {
    cwd: dir,
  });
  expect(rule.stdout).toBe("Rule 1: IRN in events of CAMEO roots 11–20\n");
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("triangulate feeds", () => {
  it("lists the feeds followed, and refuses one followed already or a bad URL", async () => {
    const list = await runMain(["feeds", "list", "--db", db, "--json"], { cwd: dir });
    const feeds = JSON.parse(list.stdout) as { url: string; outlet: string | null }[];
    expect(feeds.map((feed) => [new URL(feed.url).pathname, feed.outlet])).toEqual([
      ["/rss.xml", "Caspian Wire"],
      ["/atom.xml", null],
      ["/feed.json", null],
      ["/down.xml", null],
    ]);
    const again = await runMain(["feeds", "add", `${server.base}/rss.xml`, "--db", db], { cwd: dir });
    expect(again).toMatchObject({ code: 1, stderr: /already following/ });
    const bad = await runMain(["feeds", "add", "ftp://example/feed", "--db", db], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stderr: /not an http\(s\) URL/ });
  });
});

describe("triangulate watch", () => {
  it("ingests the new articles of RSS, Atom and JSON feeds, PDFs too, with the feed's metadata", async () => {
    const run = await watchOnce();
    // The feed that is down makes the pass exit 1; the others went in.
    expect(run.code, run.err).toBe(1);
    expect(run.out).toMatch(/rss\.xml: 3 new of 3 listed, 2 settled/);
    expect(run.out).toMatch(/atom\.xml: 1 new of 1 listed, 1 settled/);
    expect(run.out).toMatch(/feed\.json: 1 new of 1 listed, 1 settled/);
    expect(run.out).toMatch(
      /down\.xml: failed \(HTTP 503 Service Unavailable\); next try 2024-03-10T12:30:00\.000Z/,
    );
    expect(run.out).toMatch(/^alert 1: \d+ new events? of IRN with CAMEO root/m);

    const docs = await documents();
    const byUri = new Map(docs.map((doc) => [new URL(doc.uri).pathname, doc]));
    expect([...byUri.keys()].sort()).toEqual(["/ankara.html", "/brief.pdf", "/expulsion.html", "/oil.html"]);
    expect(byUri.get("/expulsion.html")).toMatchObject({
      outlet: "Caspian Wire",
      published: "2024-03-06",
      title: "Iran expels diplomats",
    });
    expect(byUri.get("/oil.html")).toMatchObject({ outlet: "Caspian Wire", published: "2024-03-04" });
    // The date where it was published, not in UTC.
    expect(byUri.get("/ankara.html")).toMatchObject({ outlet: null, published: "2024-03-08" });
    expect(byUri.get("/brief.pdf")).toMatchObject({ title: "Defence brief", published: "2024-03-07" });
    const store = openSqliteStore(db);
    try {
      const pdf = await store.getDocument(must(byUri.get("/brief.pdf")).id);
      // The PDF's lines are one paragraph again, so the sentence is whole.
      expect(pdf?.text).toBe(
        "Turkey and Azerbaijan signed a defence agreement in Baku on Tuesday, officials said.",
      );
      const page = await store.getDocument(must(byUri.get("/expulsion.html")).id);
      expect(page?.text).not.toMatch(/Home \| World|rights reserved/);
      const firings = await store.listAlertFirings({ limit: 10, offset: 0 });
      expect(firings.items[0]?.evidence.some((e) => e.doc === page?.id)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("asks again with the validators, fetches each article once, retries what failed, and backs off a failing feed", async () => {
    const { routes, hits, notModified, base } = server;
    routes.set(
      "/flaky.html",
      page("Now there", ["Israel and Azerbaijan held talks in Baku on 9 March 2024."]),
    );
    routes.set(
      "/feed.json",
      jsonFeed([
        { url: `${base}/ankara.html`, title: "Erdogan in Baku", date_published: "2024-03-08T18:00:00+03:00" },
        { url: `${base}/oil.html`, title: "Oil, again", date_published: "2024-03-09T18:00:00Z" },
      ]),
    );
    clock = new Date("2024-03-10T12:20:00Z");
    const run = await watchOnce();
    expect(run.code, run.out + run.err).toBe(0);
    // RSS: fetched whole again (an article was left to retry), the flaky page is in now.
    expect(run.out).toMatch(/rss\.xml: 1 new of 3 listed, 1 settled/);
    // The oil article came through another feed, but was delivered already.
    expect(run.out).toMatch(/feed\.json: 0 new of 2 listed, 0 settled/);
    // Atom has no validators from this server (no ETag): fetched, nothing new.
    expect(run.out).toMatch(/atom\.xml: 0 new of 1 listed/);
    // The failing feed waits 30 minutes after its first failure: not asked yet.
    expect(run.out).not.toMatch(/down\.xml/);
    expect(hits.get("/down.xml")).toBe(1);
    for (const path of ["/expulsion.html", "/oil.html", "/ankara.html", "/brief.pdf"])
      expect(hits.get(path)).toBe(1);
    expect((await documents()).length).toBe(5);

    clock = new Date("2024-03-10T12:40:00Z");
    const third = await watchOnce();
    expect(third.out).toMatch(/rss\.xml: not modified/);
    expect(notModified.get("/rss.xml")).toBe(1);
    expect(third.out).toMatch(
      /down\.xml: failed \(HTTP 503 Service Unavailable\); next try 2024-03-10T13:40:00\.000Z/,
    );
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}
