import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { TriangulateError, errorMessage } from "../../core/errors.ts";
import type { Store } from "../../core/ports.ts";
import type { IngestSummary, Reporter } from "../../pipeline/report.ts";
import { hostsFor, isLoopback } from "../../server/access.ts";
import { createAnalysisRunner } from "../../server/analysis-runner.ts";
import { createApp } from "../../server/app.ts";
import { createDirectoryAssets } from "../../server/directory-assets.ts";
import type { RunningServer } from "../../server/serve.ts";
import { startServer } from "../../server/serve.ts";
import { openStore, redactUrl } from "../../store/open.ts";
import type { CliIo, Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { analystName } from "../analyst.ts";
import { WEB_DIST } from "../project-paths.ts";
import { createCliReporter, formatSummary } from "../reporter.ts";

const HELP = `Usage: triangulate serve [options]

Serves the workbench: the web UI (timeline, network, map, claims, reader,
search) and its JSON API under /api, over the knowledge base.

Options:
  --db FILE|URL  the knowledge base: a SQLite file, or a PostgreSQL database
                 as postgres://USER@HOST/DATABASE (default: $TRIANGULATE_DB,
                 else ./triangulate.db)
  --port N       the port (default: $PORT, else 8080; 0 picks a free one)
  --host H       the interface to bind (default: 127.0.0.1, this machine only);
                 any other needs a token
  --token T      the access token every request must carry (default:
                 $TRIANGULATE_TOKEN): an "Authorization: Bearer T" header, or
                 the cookie that the /login page sets; 16 characters or more
  --allow-host N a host name the server may be called by, besides its
                 addresses and the loopback names (repeatable; for a DNS name
                 or a proxy in front of it)
  --analyst NAME who corrections made in the workbench are by, when a request
                 does not name one in its Triangulate-Analyst header (default:
                 $TRIANGULATE_ANALYST, else the system's user name)
  --corpus DIR   when the knowledge base is empty, first ingest DIR with its
                 DIR/manifest.json (npm start passes the bundled corpus/)
  -h, --help     show this help

The UI is the build in dist/web (npm run build:web; npm start builds it).
Everything is served locally: no fonts, scripts or map tiles from the network.
Stop with Ctrl-C.
`;

const DEFAULT_PORT = 8080;
/** Shorter tokens are refused: a token is the only guard of a server other machines can reach. */
const MIN_TOKEN_LENGTH = 16;

function portOrThrow(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new TriangulateError("usage", `${source} must be a port number from 0 to 65535, not "${value}"`);
  }
  return Number(value);
}

/**
 * Ingests the corpus in `dir` (listed by `dir/manifest.json`) into `store`
 * when the store holds no documents yet, through the same ingest function as
 * `triangulate ingest`. Returns the summary, or null when the store already
 * had documents.
 */
export async function ingestCorpusIfEmpty(
  store: Store,
  dir: string,
  reporter: Reporter,
  cwd: string = process.cwd(),
): Promise<IngestSummary | null> {
  if ((await store.stats()).documents > 0) return null;
  // Relative to `cwd`, so documents keep the paths as given (`corpus/01-....txt`).
  const manifestPath = join(dir, "manifest.json");
  if (!existsSync(resolve(cwd, manifestPath))) {
    throw new TriangulateError("invalid_input", `${dir}: no manifest.json, so not a corpus folder`);
  }
  // Loaded only when needed: the NLP model takes a moment.
  const [{ ingest }, { readManifest }, { loadCodingKnowledge, loadKnowledge }, { createWinkEngine }] =
    await Promise.all([
      import("../../pipeline/ingest.ts"),
      import("../../ingest/manifest.ts"),
      import("../../knowledge/load.ts"),
      import("../../nlp/wink-engine.ts"),
    ]);
  const manifest = await readManifest(manifestPath, cwd);
  const { summary } = await ingest(
    [],
    { manifest, cwd },
    {
      store,
      nlp: createWinkEngine(),
      loadKnowledge,
      loadCodingKnowledge,
      fetch: () => Promise.reject(new TriangulateError("fetch_failed", "the bundled corpus is read offline")),
      reporter,
      readStdin: () =>
        Promise.reject(new TriangulateError("usage", "the bundled corpus does not read stdin")),
    },
  );
  return summary;
}

/** Resolves when the process is asked to stop (Ctrl-C, or SIGTERM from a supervisor). */
function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export interface ServeCommandDeps {
  /** Runs while the server is up; the command closes it when this resolves. Tests pass their own. */
  readonly until: (server: RunningServer) => Promise<void>;
  /** The built UI's folder. */
  readonly webDir: string;
}

/** Creates the `serve` command; tests replace when it stops and where the UI is. */
export function createServeCommand(overrides: Partial<ServeCommandDeps> = {}): Command {
  const deps: ServeCommandDeps = { until: untilSignal, webDir: WEB_DIST, ...overrides };
  return {
    name: "serve",
    summary: "serve the workbench (web UI and JSON API) over the knowledge base",
    help: HELP,
    async run(argv, io: CliIo) {
      const { values } = parseFlags(argv, {
        db: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        token: { type: "string" },
        "allow-host": { type: "string", multiple: true },
        corpus: { type: "string" },
        analyst: { type: "string" },
      });
      const analyst = analystName(values.analyst, io.env);
      const port =
        values.port !== undefined
          ? portOrThrow(values.port, "--port")
          : io.env.PORT?.trim()
            ? portOrThrow(io.env.PORT.trim(), "PORT")
            : DEFAULT_PORT;
      if (values.host?.trim() === "") throw new TriangulateError("usage", "--host needs an address");
      const host = values.host ?? "127.0.0.1";
      const token = values.token ?? (io.env.TRIANGULATE_TOKEN?.trim() || undefined);
      if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
        throw new TriangulateError("usage", `the token must have ${MIN_TOKEN_LENGTH} characters or more`);
      }
      if (!isLoopback(host) && token === undefined) {
        throw new TriangulateError(
          "usage",
          `--host ${host} lets other machines reach the workbench: give --token TOKEN (or TRIANGULATE_TOKEN), which every request must then carry`,
        );
      }
      const access = { hosts: hostsFor(host, values["allow-host"] ?? []), token };
      const dbPath = resolveDbPath(values.db, io);
      // With a corpus to load, an empty knowledge base may be created; without, a mistyped path is an error.
      const store = values.corpus === undefined ? await openExistingStore(dbPath) : await openStore(dbPath);
      // The analysis thread opens the knowledge base itself; one in memory it cannot reach.
      const analysis =
        dbPath === ":memory:" ? undefined : createAnalysisRunner({ source: { location: dbPath }, store });
      let server: RunningServer | null = null;
      try {
        if (values.corpus !== undefined) {
          const summary = await ingestCorpusIfEmpty(store, values.corpus, createCliReporter(io), io.cwd);
          if (summary) io.stderr.write(`Loaded the corpus in ${values.corpus}: ${formatSummary(summary)}\n`);
        }
        const hasUi = existsSync(join(deps.webDir, "index.html"));
        if (!hasUi)
          io.stderr.write(`No web UI in ${deps.webDir}: run npm run build:web (serving the API only)\n`);
        const app = createApp({
          store,
          analysis,
          assets: hasUi ? createDirectoryAssets(deps.webDir) : undefined,
          access,
          analyst,
          reportError: (error) => io.stderr.write(`triangulate serve: ${errorMessage(error)}\n`),
        });
        try {
          server = await startServer(app, { port, host });
        } catch (error) {
          const code = (error as { code?: unknown } | null)?.code;
          const reason =
            code === "EADDRINUSE"
              ? `port ${port} is in use: choose another with --port N or PORT`
              : `cannot listen on ${host}:${port}: ${errorMessage(error)}`;
          throw new TriangulateError("invalid_input", reason, { cause: error });
        }
        const stats = await store.stats();
        io.stdout.write(
          `Triangulate workbench on ${redactUrl(dbPath)} (${stats.documents} documents, ${stats.events} events)\n`,
        );
        io.stdout.write(`Serving ${server.url}\n`);
        if (!isLoopback(host)) {
          io.stderr.write(
            `Listening on ${host}: other machines can reach this workbench; each request needs the token (a browser logs in at /login)\n`,
          );
        }
        await deps.until(server);
        return EXIT.ok;
      } finally {
        await server?.close();
        await analysis?.close();
        await store.close();
      }
    },
  };
}

/** `triangulate serve`. */
export const serveCommand: Command = createServeCommand();
