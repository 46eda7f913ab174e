import { Hono } from "hono";
import type { Context, TypedResponse } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { TriangulateError } from "../core/errors.ts";
import type { DocId } from "../core/ids.ts";
import { docIdOrThrow, isDocId } from "../core/ids.ts";
import type { EventRows, Store } from "../core/ports.ts";
import type { ClaimRecord, DocumentRecord } from "../core/records.ts";
import type { AccessOptions } from "./access.ts";
import type { AnalysisRunner } from "./analysis-runner.ts";
import { LOOPBACK_HOSTS, accessControl, createLoginRoutes } from "./access.ts";
import type { WebAssets } from "./assets.ts";
import { errorResponse } from "./errors.ts";
import {
  claimsQuery,
  documentsQuery,
  eventRowsQuery,
  eventsQuery,
  noQuery,
  searchQuery,
  validQuery,
} from "./query.ts";
import { createAlertsApi } from "./routes/alerts.ts";
import { createAnalysisApi } from "./routes/analysis.ts";
import { createCorrectionsApi } from "./routes/corrections.ts";
import type { CameoTable } from "../core/cameo-table.ts";
import { loadCameoTable } from "../knowledge/load.ts";

export interface AppOptions {
  readonly store: Store;
  /**
   * Answers the analysis endpoints (`createAnalysisRunner`) off the server's
   * thread; without it (a knowledge base in memory) they answer 400.
   */
  readonly analysis?: AnalysisRunner | undefined;
  /** The built web UI; without it, pages outside `/api` answer 503 saying how to build it. */
  readonly assets?: WebAssets | undefined;
  /**
   * Who may call: the host names requests must name and the token they must
   * carry (see `accessControl`); by default the loopback names and no token.
   */
  readonly access?: AccessOptions | undefined;
  /** Told about every error that becomes a 5xx (the serve command prints them). */
  readonly reportError?: ((error: unknown) => void) | undefined;
  /** How often open alert streams look for new firings; 2 s by default. */
  readonly alertPollMs?: number | undefined;
  /** Who makes corrections when a request does not name them (`serve --analyst`); `analyst` by default. */
  readonly analyst?: string | undefined;
  /** Now, as an ISO 8601 timestamp (when corrections are made). */
  readonly now?: (() => string) | undefined;
}

/** A claim with the outlet, date and title of the document it comes from, for tables. */
export type SourcedClaim = ClaimRecord & {
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string | null;
};

/** Adds each claim's document metadata, reading every document once. */
async function withSources(store: Store, claims: readonly ClaimRecord[]): Promise<SourcedClaim[]> {
  const docs = new Map<DocId, Promise<DocumentRecord | null>>();
  for (const claim of claims) if (!docs.has(claim.doc)) docs.set(claim.doc, store.getDocument(claim.doc));
  const resolved = new Map<DocId, DocumentRecord | null>();
  for (const [id, doc] of docs) resolved.set(id, await doc);
  return claims.map((claim) => {
    const doc = resolved.get(claim.doc);
    return {
      ...claim,
      outlet: doc?.outlet ?? null,
      published: doc?.published ?? null,
      title: doc?.title ?? null,
    };
  });
}

/** The JSON API under `/api`; its type is what the web UI's client is built from. */
function createApi(options: AppOptions) {
  const { store, analysis } = options;
  let cameo: CameoTable | undefined;
  return new Hono()
    .get("/stats", noQuery, async (c) => c.json(await store.stats()))
    .get("/documents", validQuery(documentsQuery), async (c) =>
      c.json(await store.listDocuments(c.req.valid("query"))),
    )
    .get("/documents/:id", noQuery, async (c) => {
      const id = c.req.param("id");
      const doc = isDocId(id) ? await store.getDocument(docIdOrThrow(id)) : null;
      if (!doc) throw new TriangulateError("not_found", `no document with id ${id}`);
      const extraction = await store.getExtraction(doc.id);
      return c.json({ ...doc, ...extraction });
    })
    .get("/actors", noQuery, async (c) => {
      const items = await store.listActors();
      return c.json({ items, total: items.length });
    })
    .get("/events", validQuery(eventsQuery), async (c) =>
      c.json(await store.listEvents(c.req.valid("query"))),
    )
    .get("/events/rows", validQuery(eventRowsQuery), async (c) => {
      const { fields, ...query } = c.req.valid("query");
      const json = await store.listEventRows(query, fields);
      // The database wrote the JSON; the type tells the UI's client what it holds.
      return c.body(json, 200, { "Content-Type": "application/json" }) as unknown as TypedResponse<
        EventRows,
        200,
        "json"
      >;
    })
    .get("/claims", validQuery(claimsQuery), async (c) => {
      const page = await store.listClaims(c.req.valid("query"));
      return c.json({ items: await withSources(store, page.items), total: page.total });
    })
    .get("/search", validQuery(searchQuery), async (c) => {
      const { q, limit } = c.req.valid("query");
      const hits = await store.search(q, limit);
      const items = hits.map((hit) => ({ ...hit.document, snippet: hit.snippet, rank: hit.rank }));
      return c.json({ items, total: items.length });
    })
    .route("/", createAnalysisApi(analysis))
    .route("/", createAlertsApi(store, { pollMs: options.alertPollMs }))
    .route(
      "/",
      createCorrectionsApi(store, {
        analyst: options.analyst ?? "analyst",
        cameo: () => (cameo ??= loadCameoTable()),
        now: options.now ?? (() => new Date().toISOString()),
      }),
    );
}

const NOT_BUILT = "The web UI is not built yet: run `npm run build:web` (or `npm start`), then reload.\n";

/** Serves a file of the UI, or its `index.html` for any other page path (client-side routes). */
async function serveUi(c: Context, assets: WebAssets | undefined): Promise<Response> {
  if (!assets) return c.text(NOT_BUILT, 503);
  const path = c.req.path === "/" ? "/index.html" : c.req.path;
  const file = await assets.get(path);
  if (file) {
    // Vite fingerprints everything under /assets/, so those never change.
    const cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(file.body, 200, { "Content-Type": file.contentType, "Cache-Control": cache });
  }
  // A deep link such as /reader/abc: the app routes it. A missing file (has a dot) is a 404.
  const last = path.slice(path.lastIndexOf("/") + 1);
  const index = last.includes(".") ? null : await assets.get("/index.html");
  if (!index) return c.text("not found\n", 404);
  return c.body(index.body, 200, { "Content-Type": index.contentType, "Cache-Control": "no-cache" });
}

/**
 * The HTTP app: the JSON API under `/api` and the built web UI for every other
 * path. It binds nothing; `serve.ts` does, and tests call `app.request(...)`.
 *
 * @example
 * const app = createApp({ store });
 * const res = await app.request("/api/events?actor=AZE&from=2023");
 */
export function createApp(options: AppOptions) {
  const app = new Hono();
  app.use(
    secureHeaders({
      // Article text is shown as text; this is the second line of defence.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Plot and our components set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: false,
    }),
  );
  const access = options.access ?? { hosts: LOOPBACK_HOSTS };
  app.use(accessControl(access));
  if (access.token !== undefined) app.route("/", createLoginRoutes(access.token));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  const routes = app.route("/api", createApi(options));
  app.all("/api/*", (c) => c.json(errorResponse(notFound(c.req.path)).body, 404));
  app.get("*", (c) => serveUi(c, options.assets));
  app.notFound((c) => c.json(errorResponse(notFound(c.req.path)).body, 404));
  app.onError((error, c) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) options.reportError?.(error);
    return c.json(body, status);
  });
  return routes;
}

function notFound(path: string): TriangulateError {
  return new TriangulateError("not_found", `no such endpoint: ${path}`);
}

/** The type the web UI's `hc` client is built from. */
export type AppType = ReturnType<typeof createApp>;
