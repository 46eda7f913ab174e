// Writes data/cameo/petrarch-verbs.txt from PETRARCH-2's CAMEO verb
// dictionary (MIT; its licence is data/cameo/PETRARCH-LICENSE). Run when the
// dictionary or the converter changes; the result is committed, so users and
// tests never need the dictionary itself.
//   npx tsx scripts/petrarch-verbs.ts [PATH/TO/CAMEO.2.0.txt]
// (default: ../shared/dictionaries/petrarch2/CAMEO.2.0.txt)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCameoTable } from "../src/core/cameo-table.ts";
import { convertPetrarchVerbs } from "../src/knowledge/petrarch-verbs.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = resolve(
  process.argv[2] ?? join(root, "..", "shared", "dictionaries", "petrarch2", "CAMEO.2.0.txt"),
);
const cameo = parseCameoTable(readFileSync(join(root, "data", "cameo", "cameo-codes.tsv"), "utf8"));
// PETRARCH has a few codes finer than the CAMEO table's: their first three digits are.
const lookup = (code: string): string | null =>
  [code, code.slice(0, 3)].find((candidate) => cameo.get(candidate) !== undefined) ?? null;

const { lines, skipped } = convertPetrarchVerbs(readFileSync(source, "utf8"), lookup);
const header = [
  "# CAMEO verb patterns converted from PETRARCH-2's CAMEO.2.0.txt (Open Event Data",
  "# Alliance, MIT: see PETRARCH-LICENSE) by scripts/petrarch-verbs.ts. Do not edit:",
  "# change the converter or add an overriding pattern to patterns-verbs.txt, which",
  "# wins wherever one of its patterns matches. Syntax: patterns-verbs.txt's header.",
  `# ${lines.length} patterns; left out: ${Object.entries(skipped)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ")}.`,
];
const target = join(root, "data", "cameo", "petrarch-verbs.txt");
writeFileSync(target, [...header, ...lines, ""].join("\n"));
console.log(`wrote ${lines.length} patterns to ${target}`);
console.log(`left out: ${JSON.stringify(skipped)}`);
