import type { Stats } from "../../core/records.ts";
import { loadCameoTable } from "../../knowledge/load.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { openExistingStore, resolveDbPath } from "../db-path.ts";
import { redactUrl } from "../../store/open.ts";
import { parseFlags } from "../flags.ts";

const HELP = `Usage: triangulate stats [options]

Counts what the knowledge base holds: documents, actors, events and claims,
events per CAMEO root and documents per outlet.

Options:
  --db FILE|URL
              the knowledge base: a SQLite file, or a PostgreSQL database as
              postgres://USER@HOST/DATABASE (default: $TRIANGULATE_DB, else
              ./triangulate.db)
  --json      print one JSON object: {documents, actors, events, claims,
              eventsByRoot: [{root, events}], documentsByOutlet: [{outlet, documents}]}
  -h, --help  show this help
`;

/** `triangulate stats`: counts, as a readable table or `--json`. */
export const statsCommand: Command = {
  name: "stats",
  summary: "count documents, actors, events and claims",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const path = resolveDbPath(values.db, io);
    const store = await openExistingStore(path);
    let stats: Stats;
    try {
      stats = await store.stats();
    } finally {
      await store.close();
    }
    io.stdout.write(
      values.json ? `${JSON.stringify(stats)}\n` : formatStats(redactUrl(path), stats, rootNames()),
    );
    return EXIT.ok;
  },
};

/** Names of the CAMEO roots (`04` -> `CONSULT`) from the project's CAMEO table. */
function rootNames(): ReadonlyMap<string, string> {
  const table = loadCameoTable();
  return new Map(table.entries.filter((e) => e.code === e.root).map((e) => [e.root, e.name.toLowerCase()]));
}

/** The readable report: aligned counts under three headings. */
export function formatStats(path: string, stats: Stats, roots: ReadonlyMap<string, string>): string {
  const rows = (pairs: readonly (readonly [string, number])[]): string[] => {
    const width = Math.max(0, ...pairs.map(([label]) => label.length));
    return pairs.map(([label, n]) => `  ${label.padEnd(width)}  ${String(n).padStart(6)}`);
  };
  const lines = [
    `Knowledge base ${path}`,
    ...rows([
      ["documents", stats.documents],
      ["actors", stats.actors],
      ["events", stats.events],
      ["claims", stats.claims],
    ]),
  ];
  if (stats.eventsByRoot.length > 0) {
    lines.push("", "Events per CAMEO root");
    lines.push(
      ...rows(
        stats.eventsByRoot.map(({ root, events }) => [`${root} ${roots.get(root) ?? ""}`.trim(), events]),
      ),
    );
  }
  if (stats.documentsByOutlet.length > 0) {
    lines.push("", "Documents per outlet");
    lines.push(
      ...rows(stats.documentsByOutlet.map(({ outlet, documents }) => [outlet ?? "(no outlet)", documents])),
    );
  }
  return `${lines.join("\n")}\n`;
}
