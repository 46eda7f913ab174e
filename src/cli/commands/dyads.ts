import { dyadParams } from "../../core/params.ts";
import { withActor } from "../../analysis/filters.ts";
import type { DyadRow } from "../../analysis/types.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { paramsOrThrow } from "../params.ts";
import { formatTable, loadAnalysis, signed, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate dyads [options]

How each relationship moves: per pair of states and per month, quarter or
year, the number of events (each event once, however many articles report
it), their Goldstein sum and mean (-10 conflict .. +10 cooperation), and
counts per quad class: verbal cooperation (CAMEO roots 01-05), material
cooperation (06-08), verbal conflict (09-13), material conflict (14-20).

Events dated less precisely than the interval (only a year, in a month
series) are left out of that series and counted in coarser ones. An event
one side of which nobody has identified counts on the pair of the other side
and the state where it happened, with a note ("attacker unknown, in IRN");
--directed leaves such events out.

Options:
${DB_HELP}
  --interval I       month, quarter or year (default: month)
  --directed         keep A acting on B apart from B on A (default: pairs
                     sorted, both directions together)
  --actor CODE       only pairs with this state
  --json             print a JSON array of {a, b, period, events, goldstein,
                     goldsteinMean, verbalCooperation, materialCooperation,
                     verbalConflict, materialConflict, notes}
  -h, --help         show this help

Examples:
  triangulate dyads --interval quarter --actor IRN
  triangulate dyads --interval year --directed --json
`;

/** The readable table of a dyad series. */
export function formatDyads(rows: readonly DyadRow[], directed: boolean): string {
  return formatTable(
    [
      "pair",
      "period",
      "events",
      "goldstein",
      "mean",
      "verb.coop",
      "mat.coop",
      "verb.confl",
      "mat.confl",
      "notes",
    ],
    rows.map((row) => [
      `${row.a}${directed ? "→" : "–"}${row.b}`,
      row.period,
      row.events,
      signed(row.goldstein),
      signed(row.goldsteinMean),
      row.verbalCooperation,
      row.materialCooperation,
      row.verbalConflict,
      row.materialConflict,
      row.notes.join("; "),
    ]),
  );
}

/** `triangulate dyads`: per pair of states and period, events and their balance of cooperation and conflict. */
export const dyadsCommand: Command = {
  name: "dyads",
  summary: "event counts and Goldstein balance per pair of states and period",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      interval: { type: "string", default: "month" },
      directed: { type: "boolean", default: false },
      actor: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const { interval, directed, actor } = paramsOrThrow(dyadParams, {
      interval: values.interval,
      directed: String(values.directed),
      actor: values.actor,
    });
    const { analysis } = await loadAnalysis(values.db, io);
    const rows = withActor(analysis.dyads({ interval, directed }), actor);
    if (values.json) writeJson(io, rows);
    else io.stdout.write(formatDyads(rows, values.directed));
    return EXIT.ok;
  },
};
