import { triadParams } from "../../core/params.ts";
import type { Triad } from "../../analysis/types.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { paramsOrThrow } from "../params.ts";
import { formatTable, loadAnalysis, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate triads [options]

Triangles of states and their structural balance (Heider) over time. In
each window, a pair of states with enough events is an edge, signed by the
mean Goldstein value of its events (+ cooperative, - conflictual); a
triangle is balanced when the product of its three signs is positive
(+ + +, or two - and one +: "the enemy of my enemy is my friend").

Options:
${DB_HELP}
  --interval I       year, quarter, month, or all (one window over
                     everything; default: year)
  --min-events N     events each edge needs in a window (default: 1)
  --actors LIST      only triangles of these states, comma-separated
                     (AZE,IRN,ISR)
  --json             print a JSON array of {id, actors, window, edges:
                     [{a, b, events, goldsteinMean, sign}], balanced}
  -h, --help         show this help

Example:
  triangulate triads --actors AZE,IRN,ISR
`;

function sign(value: -1 | 0 | 1): string {
  return value > 0 ? "+" : value < 0 ? "-" : "0";
}

/** The readable table of triads. */
export function formatTriads(triads: readonly Triad[]): string {
  return formatTable(
    ["actors", "window", "edges", "balanced"],
    triads.map((triad) => [
      triad.actors.join(" "),
      triad.window,
      triad.edges.map((edge) => `${edge.a}–${edge.b} ${sign(edge.sign)} (${edge.events})`).join("  "),
      triad.balanced === null ? "?" : triad.balanced ? "yes" : "no",
    ]),
  );
}

/** `triangulate triads`: triangles of states and whether they are balanced, per window. */
export const triadsCommand: Command = {
  name: "triads",
  summary: "triangles of states and their structural balance over time",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      interval: { type: "string", default: "year" },
      "min-events": { type: "string" },
      actors: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const { interval, minEvents, actors } = paramsOrThrow(triadParams, {
      interval: values.interval,
      minEvents: values["min-events"],
      actors: values.actors,
    });
    const { analysis } = await loadAnalysis(values.db, io);
    const triads = analysis.triads({
      interval,
      ...(minEvents === undefined ? {} : { minEvents }),
      ...(actors === undefined ? {} : { actors }),
    });
    if (values.json) writeJson(io, triads);
    else io.stdout.write(formatTriads(triads));
    return EXIT.ok;
  },
};
