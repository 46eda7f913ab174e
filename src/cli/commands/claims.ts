import { TriangulateError } from "../../core/errors.ts";
import { claimClusterParams } from "../../core/params.ts";
import type { ClaimRecord, Unit } from "../../core/records.ts";
import { UNITS } from "../../core/records.ts";
import { filterClaimClusters } from "../../analysis/filters.ts";
import { figureText } from "../../analysis/figures.ts";
import type { ClaimCluster, ClusteredClaim } from "../../analysis/types.ts";
import type { CliIo, Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { paramsOrThrow } from "../params.ts";
import { clip, formatTable, loadAnalysis, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate claims [--clusters] [options]

Lists the figures of the knowledge base; with --clusters, groups the
figures about one quantity across documents and says whether they agree.

A cluster's status: agree (all its figures can be right at once: equal
within rounding, one inside another's range, an approximate value within
10 % of an exact one), conflict (some cannot), single (one independent
source). Figures join one cluster when they measure the same quantity
(unit, states, what is measured) at any time; a conflict says whether
time explains it: same (one time), periods (different stated periods) or
publication (published apart without periods). Sources are outlets,
with syndicated or copied articles counted once and articles without an
outlet each on their own.

Options:
${DB_HELP}
  --clusters         group figures across documents
  --status STATUS    with --clusters: agree, conflict or single
  --subject CODE     only figures about this state (AZE)
  --unit UNIT        only figures in this unit (${UNITS.join(", ")})
  --min-sources N    with --clusters: at least N independent sources
  --json             print JSON: with --clusters an array of {id, metric,
                     unit, subjects, status, sources, claims: [{doc, value,
                     valueMax, qualifier, period, quote, start, end, outlet,
                     published}], disagreement: {sides, difference, time,
                     years} or null, summary}, else an array of claim records
  -h, --help         show this help

Examples:
  triangulate claims --clusters --status conflict
  triangulate claims --clusters --subject AZE --json
`;

function source(claim: ClusteredClaim): string {
  return [claim.outlet ?? `doc ${claim.doc}`, claim.published].filter((part) => part !== null).join(", ");
}

/** The readable report of claim clusters: a heading per cluster, a line per figure. */
export function formatClaimClusters(clusters: readonly ClaimCluster[]): string {
  if (clusters.length === 0) return "(no claims)\n";
  return clusters
    .map((cluster) => {
      const about = [cluster.unit, cluster.subjects.join(" ")].filter(Boolean).join("; ");
      const heading = `[${cluster.status}] ${cluster.metric} (${about}): ${cluster.sources} source${cluster.sources === 1 ? "" : "s"}, ${cluster.claims.length} figure${cluster.claims.length === 1 ? "" : "s"}  ${cluster.id}`;
      const rows = cluster.claims.map((claim) => [
        figureText(claim),
        claim.period ?? "",
        source(claim),
        `“${clip(claim.quote, 90)}”`,
      ]);
      const table = formatTable(["figure", "period", "source", "quote"], rows)
        .split("\n")
        .filter(Boolean)
        .map((line) => `  ${line}`)
        .join("\n");
      return `${heading}\n  ${cluster.summary}\n${table}\n`;
    })
    .join("\n");
}

/** Every claim of the store (matching the filters), page by page. */
async function listClaims(
  db: string | undefined,
  io: CliIo,
  subject: string | undefined,
  unit: Unit | undefined,
): Promise<ClaimRecord[]> {
  const store = await openExistingStore(resolveDbPath(db, io));
  try {
    const claims: ClaimRecord[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await store.listClaims({ subject, unit, limit, offset });
      claims.push(...page.items);
      if (page.items.length < limit) return claims;
    }
  } finally {
    await store.close();
  }
}

/** `triangulate claims [--clusters]`: figures, or figures grouped by quantity across documents. */
export const claimsCommand: Command = {
  name: "claims",
  summary: "list figures, or compare them across sources (--clusters)",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      clusters: { type: "boolean", default: false },
      status: { type: "string" },
      subject: { type: "string" },
      unit: { type: "string" },
      "min-sources": { type: "string" },
      json: { type: "boolean", default: false },
    });
    const filter = paramsOrThrow(claimClusterParams, {
      status: values.status,
      subject: values.subject,
      unit: values.unit,
      minSources: values["min-sources"],
    });
    if (!values.clusters && (filter.status !== undefined || filter.minSources !== undefined)) {
      throw new TriangulateError("usage", "--status and --min-sources need --clusters");
    }
    if (!values.clusters) {
      const claims = await listClaims(values.db, io, filter.subject, filter.unit);
      if (values.json) writeJson(io, claims);
      else {
        io.stdout.write(
          formatTable(
            ["figure", "unit", "subjects", "metric", "quote"],
            claims.map((claim) => [
              figureText(claim),
              claim.unit,
              claim.subjects.join(" "),
              clip(claim.metric, 40),
              `“${clip(claim.quote, 70)}”`,
            ]),
          ),
        );
      }
      return EXIT.ok;
    }
    const { analysis } = await loadAnalysis(values.db, io);
    const clusters = filterClaimClusters(analysis.claimClusters(), filter);
    if (values.json) writeJson(io, clusters);
    else io.stdout.write(formatClaimClusters(clusters));
    return EXIT.ok;
  },
};
