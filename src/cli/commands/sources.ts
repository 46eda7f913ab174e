import type { SourceProfile } from "../../analysis/types.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { formatTable, loadAnalysis, signed, writeJson } from "./analysis-common.ts";

const HELP = `Usage: triangulate sources [options]

Profiles of the outlets: how many articles each has, the events it reports
by actor with their mean Goldstein value (how it frames each side, as actor
and as target), and how its figures hold up: corroborated (another
independent source gives a figure that agrees), contradicted (not
corroborated, and another source disagrees) or alone. Articles without an
outlet are gathered under "(no outlet)".

Options:
${DB_HELP}
  --json             print a JSON array of {outlet, articles, events,
                     actors: [{actor, events, goldsteinMean, asSource:
                     {events, goldsteinMean}, asTarget: {...}}], claims:
                     {total, corroborated, contradicted, alone}}
  -h, --help         show this help
`;

/** The readable report: a table of outlets, then how each frames its most reported actors. */
export function formatSourceProfiles(profiles: readonly SourceProfile[]): string {
  const name = (profile: SourceProfile): string => profile.outlet ?? "(no outlet)";
  const summary = formatTable(
    ["outlet", "articles", "events", "figures", "corroborated", "contradicted", "alone"],
    profiles.map((p) => [
      name(p),
      p.articles,
      p.events,
      p.claims.total,
      p.claims.corroborated,
      p.claims.contradicted,
      p.claims.alone,
    ]),
  );
  const framing = profiles
    .filter((p) => p.actors.length > 0)
    .map((p) => {
      const actors = p.actors
        .slice(0, 5)
        .map(
          (a) =>
            `${a.actor} ${a.events} (${signed(a.goldsteinMean)}; acts ${signed(a.asSource.goldsteinMean)}, acted on ${signed(a.asTarget.goldsteinMean)})`,
        );
      return `  ${name(p)}: ${actors.join("; ")}`;
    });
  return framing.length === 0
    ? summary
    : `${summary}\nEvents by actor (mean Goldstein):\n${framing.join("\n")}\n`;
}

/** `triangulate sources`: per outlet, articles, framing of each actor, and how its figures fare. */
export const sourcesCommand: Command = {
  name: "sources",
  summary: "profile each outlet: framing of actors, corroboration of its figures",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const { analysis } = await loadAnalysis(values.db, io);
    const profiles = analysis.sourceProfiles();
    if (values.json) writeJson(io, profiles);
    else io.stdout.write(formatSourceProfiles(profiles));
    return EXIT.ok;
  },
};
