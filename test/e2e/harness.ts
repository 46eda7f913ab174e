import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { ingestCorpusIfEmpty } from "../../src/cli/commands/serve.ts";
import { WEB_DIST } from "../../src/cli/project-paths.ts";
import type { Store } from "../../src/core/ports.ts";
import { createAnalysisRunner } from "../../src/server/analysis-runner.ts";
import { createApp } from "../../src/server/app.ts";
import { createDirectoryAssets } from "../../src/server/directory-assets.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { startServer } from "../../src/server/serve.ts";
import { SILENT_REPORTER } from "../../src/pipeline/report.ts";
import { openSqliteStore } from "../../src/store/open.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Screenshots go here (gitignored) for people to look at. */
export const ARTIFACTS = join(ROOT, "artifacts", "e2e");
export const CHROMIUM = "/usr/bin/chromium";

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Held while one test file builds the UI; another waits rather than build into the same folder. */
const BUILD_LOCK = join(ROOT, "dist", ".web-build.lock");
/** A lock older than this was left by a run that died. */
const STALE_LOCK_MS = 5 * 60_000;

function isWebBuilt(): boolean {
  const index = join(WEB_DIST, "index.html");
  // The UI bundles the kernel (src/core) and the CAMEO table as well as web/.
  const sources = Math.max(
    ...[join(ROOT, "web"), join(ROOT, "src", "core"), join(ROOT, "data", "cameo")].map(newestMtime),
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/** Takes the build lock, waiting (synchronously: test setup has nothing else to do) while another holds it. */
function lockBuild(): void {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const waitUntil = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = statSync(BUILD_LOCK, { throwIfNoEntry: false });
    if (!held) continue;
    if (Date.now() > waitUntil || Date.now() - held.mtimeMs > STALE_LOCK_MS) {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    } else {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/**
 * Builds the UI into dist/web when it is missing or older than its sources,
 * so that `npm test` on a fresh clone tests what is in web/. Test files run
 * in parallel: one builds while the others wait for it.
 */
export function ensureWebBuilt(): void {
  if (isWebBuilt()) return;
  lockBuild();
  try {
    if (!isWebBuilt()) buildWeb();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function buildWeb(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "web", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * The real app with the built UI on an ephemeral port of 127.0.0.1, its
 * analysis thread reading the knowledge base at `path` (the store's file).
 */
export async function serveStore(store: Store, path: string): Promise<RunningServer> {
  const analysis = createAnalysisRunner({ source: { location: path }, store });
  const server = await startServer(createApp({ store, analysis, assets: createDirectoryAssets(WEB_DIST) }), {
    port: 0,
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      await analysis.close();
    },
  };
}

/** The bundled corpus in a fresh SQLite store, served with the built UI, and a browser. */
export interface CorpusWorkbench {
  readonly store: Store;
  readonly server: RunningServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Ingests the bundled corpus through the real pipeline into a store of its own (`name` tags its folder). */
export async function openCorpusWorkbench(name: string): Promise<CorpusWorkbench> {
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), `triangulate-e2e-${name}-`));
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(dir, "kb.db");
  const store = openSqliteStore(path);
  const summary = await ingestCorpusIfEmpty(store, join(ROOT, "corpus"), SILENT_REPORTER);
  if (summary?.failed) throw new Error(`e2e ${name}: ${summary.failed} corpus documents failed to ingest`);
  const server = await serveStore(store, path);
  const browser = await launchBrowser();
  return {
    store,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects the page's uncaught errors and console errors into `problems`: a view must log none. */
export function recordProblems(page: Page, problems: string[]): void {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
}

/**
 * A copy of the bundled corpus with extra articles (and their manifest
 * entries) added: what the browser tests ingest through the real pipeline.
 */
export function corpusWith(
  into: string,
  extra: readonly { file: string; text: string; published: string; outlet: string; title: string }[],
): string {
  const source = join(ROOT, "corpus");
  mkdirSync(into, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(source, "manifest.json"), "utf8")) as { file?: string }[];
  for (const entry of manifest)
    if (entry.file) copyFileSync(join(source, entry.file), join(into, entry.file));
  for (const article of extra) writeFileSync(join(into, article.file), article.text);
  const entries = [...manifest, ...extra.map(({ text: _text, ...meta }) => meta)];
  writeFileSync(join(into, "manifest.json"), JSON.stringify(entries, null, 2));
  return into;
}

/**
 * The event views and, for each, a test run in the page that holds once it
 * has drawn a knowledge base of 10,000 events: what the large-store test
 * waits for, and where `npm run bench:render` stops its clock.
 */
export const LARGE_STORE_VIEWS: readonly (readonly [path: string, drawn: string])[] = [
  [
    "/timeline",
    "Number(document.querySelector('[data-testid=timeline] canvas')?.getAttribute('data-dots') ?? 0) >= 9000",
  ],
  [
    "/",
    "document.querySelectorAll('[data-testid=top-dyads] li').length > 0 && !!document.querySelector('[data-testid=overview] svg')",
  ],
  [
    "/network",
    "document.querySelectorAll('[data-testid=network-graph] [data-testid=network-edge]').length > 0",
  ],
];
