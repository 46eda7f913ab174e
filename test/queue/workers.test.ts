import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DocumentJob } from "../../src/queue/job-queue.ts";
import { openPgBossQueue } from "../../src/queue/pg-boss-queue.ts";
import { openStore } from "../../src/store/open.ts";
import type { TestDatabase } from "../../src/store/testing/postgres.ts";
import { createTestDatabase } from "../../src/store/testing/postgres.ts";
import { BIN, ROOT, runMain, tempDir } from "../cli/harness.ts";

/** A `triangulate worker` child process and what it has printed. */
interface WorkerProcess {
  readonly pid: number;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function startWorker(args: readonly string[], cwd: string): WorkerProcess {
  const child = spawn(process.execPath, [BIN, "worker", ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.on("exit", (code) => {
      done(code);
    }),
  );
  return {
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    kill: (signal) => child.kill(signal),
  };
}

/**
 * Pages served as plain text; while `held`, requests wait (so that a test
 * knows the workers are in the middle of a batch) until `release`.
 */
interface PageServer {
  readonly base: string;
  readonly pages: Map<string, { status: number; text: string }>;
  readonly hits: Map<string, number>;
  waiting(): number;
  release(): void;
  close(): Promise<void>;
}

async function startPageServer(held: boolean): Promise<PageServer> {
  const pages = new Map<string, { status: number; text: string }>();
  const hits = new Map<string, number>();
  const queue: (() => void)[] = [];
  let open = !held;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = pages.get(path) ?? { status: 404, text: "" };
    const send = (): void => {
      if (response.destroyed) return;
      response.writeHead(page.status, { "content-type": "text/plain; charset=utf-8" }).end(page.text);
    };
    if (open) send();
    else queue.push(send);
  });
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    hits,
    waiting: () => queue.length,
    release: () => {
      open = true;
      for (const send of queue.splice(0)) send();
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

interface StatusJson {
  counts: Record<string, number>;
  errors: { input: string; attempts: number; message: string; state: string }[];
}

async function queueStatus(url: string, cwd: string): Promise<StatusJson> {
  const { code, stdout, stderr } = await runMain(["queue", "status", "--queue", url, "--json"], { cwd });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return JSON.parse(stdout) as StatusJson;
}

/** The URIs of the documents in the knowledge base at `kb` (a SQLite file or a PostgreSQL URL). */
async function storedUris(kb: string): Promise<string[]> {
  const store = await openStore(kb);
  try {
    const { items } = await store.listDocuments({ limit: 1000, offset: 0 });
    return items.map((doc) => doc.uri).sort();
  } finally {
    await store.close();
  }
}

/** Articles of the sample corpus, as distinct realistic documents. */
const CORPUS = join(ROOT, "corpus");
const ARTICLES = readdirSync(CORPUS)
  .filter((name) => /^\d.*\.txt$/.test(name))
  .slice(0, 10)
  .map((name) => ({ path: `/${name}`, text: readFileSync(join(CORPUS, name), "utf8") }));

let db: TestDatabase;
let dir: ReturnType<typeof tempDir>;
let server: PageServer | null = null;
const workers: WorkerProcess[] = [];

beforeEach(async () => {
  db = await createTestDatabase("queue");
  dir = tempDir();
});

afterEach(async () => {
  for (const worker of workers.splice(0)) worker.kill("SIGKILL");
  await server?.close();
  server = null;
  await db.drop();
  dir.remove();
});

describe("triangulate worker", () => {
  it("loses nothing when a worker is killed mid-batch: every document is stored once and the queue drains", async () => {
    server = await startPageServer(true);
    for (const { path, text } of ARTICLES) server.pages.set(path, { status: 200, text });
    const urls = ARTICLES.map(({ path }) => `${server?.base ?? ""}${path}`);
    // The knowledge base and the queue share the test's database.
    const kb = db.url;
    const cwd = dir.path;

    const setup = await runMain(
      ["queue", "setup", "--queue", db.url, "--job-timeout", "5s", "--retry-delay", "1s", "--retries", "5"],
      { cwd },
    );
    expect(setup.stderr).toBe("");
    const queued = await runMain(["ingest", "--queue", db.url, ...urls], { cwd });
    expect(queued.stdout).toContain(`queued ${ARTICLES.length} documents`);

    const args = ["--queue", db.url, "--db", kb, "--concurrency", "2"];
    const [doomed, survivor] = [startWorker(args, cwd), startWorker(args, cwd)] as const;
    workers.push(doomed, survivor);
    // Both workers have taken a batch and are fetching its pages, which the server holds.
    await waitFor("both workers to fetch", () => (server?.waiting() ?? 0) >= 4, 60_000);
    doomed.kill("SIGKILL");
    expect(await doomed.exited).toBeNull();
    server.release();
    const replacement = startWorker(args, cwd);
    workers.push(replacement);

    await waitFor(
      "the queue to drain",
      async () => (await queueStatus(db.url, cwd)).counts.completed === ARTICLES.length,
      90_000,
    );
    const status = await queueStatus(db.url, cwd);
    expect(status.counts).toEqual({
      queued: 0,
      retrying: 0,
      active: 0,
      completed: ARTICLES.length,
      failed: 0,
      cancelled: 0,
    });
    // The killed worker's pages were fetched again by the others.
    expect([...server.hits.values()].filter((hits) => hits > 1).length).toBeGreaterThanOrEqual(2);
    expect(await storedUris(kb)).toEqual([...urls].sort());

    // SIGTERM: each finishes what it holds and stops cleanly.
    for (const worker of [survivor, replacement]) worker.kill("SIGTERM");
    expect(await Promise.all([survivor.exited, replacement.exited])).toEqual([0, 0]);
    expect(survivor.output()).toMatch(/worker \d+ stopped: \d+ jobs/);
  }, 180_000);

  it("fails a malformed job and a page that keeps failing with their errors, and stores the others (into SQLite)", async () => {
    server = await startPageServer(false);
    server.pages.set("/down", { status: 503, text: "" });
    const cwd = dir.path;
    const kb = join(dir.path, "kb.db");
    await runMain(["queue", "setup", "--queue", db.url, "--retries", "1", "--retry-delay", "1s"], { cwd });
    const queue = await openPgBossQueue(db.url, {
      upkeep: false,
      onError: (error) => {
        expect(error).toBeNull();
      },
    });
    const good = (name: string, address: string | null = null, title: string | null = null): DocumentJob => ({
      kind: "file",
      path: join(ROOT, "test", "fixtures", "ingest", "good", name),
      address,
      published: "2026-03-01" as DocumentJob["published"],
      outlet: "Fixture Wire",
      title,
    });
    try {
      await queue.enqueue([
        // Job data written by hand or by another version: not what a worker can read.
        {
          kind: "file",
          path: "relative/article.txt",
          address: null,
          published: null,
          outlet: null,
          title: null,
        },
        { feed: 7 } as unknown as DocumentJob,
        { kind: "url", url: `${server.base}/down`, published: null, outlet: null, title: null },
        good("caspian-talks.txt"),
        good("embassy-reopens.md"),
      ]);
    } finally {
      await queue.close();
    }

    const worker = startWorker(["--queue", db.url, "--db", kb, "--concurrency", "1", "--drain"], cwd);
    workers.push(worker);
    expect(await worker.exited).toBe(0);

    const status = await queueStatus(db.url, cwd);
    expect(status.counts).toMatchObject({ queued: 0, retrying: 0, active: 0, completed: 2, failed: 3 });
    const errors = Object.fromEntries(status.errors.map((error) => [error.input, error]));
    expect(errors["relative/article.txt"]).toMatchObject({
      attempts: 1,
      message: "not a document job (path: must be an absolute path)",
    });
    expect(errors['{"feed":7}']?.message).toMatch(/^not a document job/);
    // A server error is worth another try: tried twice (--retries 1), then failed with its error.
    expect(errors[`${server.base}/down`]).toMatchObject({ state: "failed", attempts: 2 });
    expect(errors[`${server.base}/down`]?.message).toMatch(/503/);
    expect(server.hits.get("/down")).toBe(2);
    expect((await storedUris(kb)).map((uri) => uri.split("/").pop())).toEqual([
      "caspian-talks.txt",
      "embassy-reopens.md",
    ]);

    // The same file again as a saved page with its address and a title: the worker corrects the stored document.
    const reopened = await openPgBossQueue(db.url, { upkeep: false, onError: () => undefined });
    try {
      await reopened.enqueue([good("embassy-reopens.md", "https://news.example/embassy", "Embassy reopens")]);
    } finally {
      await reopened.close();
    }
    const again = startWorker(["--queue", db.url, "--db", kb, "--concurrency", "1", "--drain"], cwd);
    workers.push(again);
    expect(await again.exited).toBe(0);
    const store = await openStore(kb);
    try {
      const { items } = await store.listDocuments({ limit: 10, offset: 0, outlet: "Fixture Wire" });
      expect(items.map((doc) => [doc.uri, doc.title])).toContainEqual([
        "https://news.example/embassy",
        "Embassy reopens",
      ]);
      expect(items).toHaveLength(2);
    } finally {
      await store.close();
    }
  }, 180_000);
});
