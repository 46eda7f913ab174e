import { episodeParams } from "../../core/params.ts";
import { withActor } from "../../analysis/filters.ts";
import type { Episode } from "../../analysis/types.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { paramsOrThrow } from "../params.ts";
import { clip, formatTable, loadAnalysis, signed, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate episodes [options]

Escalation episodes: runs where a pair of states turns sharply to conflict
and then recovers ("provocation, near-rupture, repair"). In each pair's
series, a run starts at a period with a negative mean Goldstein value,
sinks to a trough of -2 or below (accusations outweighing any cooperation,
or worse), and ends at the first later period whose mean reaches +1.
Periods without events are skipped, so a rupture in early 2023 and a visit
in May 2024 make one episode.

Options:
${DB_HELP}
  --interval I       month, quarter or year (default: month)
  --actor CODE       only episodes of pairs with this state
  --json             print a JSON array of {id, a, b, interval, start,
                     trough, end, troughGoldstein, repairGoldstein, events:
                     [{id, date, sourceCountry, targetCountry, cameo,
                     goldstein, phase, quote}]}; phase is provocation,
                     rupture or repair
  -h, --help         show this help
`;

/** The readable report: a line per episode, then its events. */
export function formatEpisodes(episodes: readonly Episode[]): string {
  if (episodes.length === 0) return "(no episodes)\n";
  return episodes
    .map((episode) => {
      const heading = `${episode.a}–${episode.b}: ${episode.start} → trough ${episode.trough} (${signed(episode.troughGoldstein)}) → repair ${episode.end} (${signed(episode.repairGoldstein)})`;
      const table = formatTable(
        ["date", "phase", "source", "target", "cameo", "goldstein", "quote"],
        episode.events.map((event) => [
          event.date,
          event.phase,
          event.sourceCountry,
          event.targetCountry,
          event.cameo,
          signed(event.goldstein),
          `“${clip(event.quote, 60)}”`,
        ]),
      )
        .split("\n")
        .filter(Boolean)
        .map((line) => `  ${line}`)
        .join("\n");
      return `${heading}\n${table}\n`;
    })
    .join("\n");
}

/** `triangulate episodes`: provocation, near-rupture and repair in each relationship. */
export const episodesCommand: Command = {
  name: "episodes",
  summary: "runs where a relationship turns to conflict and recovers",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      interval: { type: "string", default: "month" },
      actor: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const { interval, actor } = paramsOrThrow(episodeParams, {
      interval: values.interval,
      actor: values.actor,
    });
    const { analysis } = await loadAnalysis(values.db, io);
    const episodes = withActor(analysis.episodes({ interval }), actor);
    if (values.json) writeJson(io, episodes);
    else io.stdout.write(formatEpisodes(episodes));
    return EXIT.ok;
  },
};
