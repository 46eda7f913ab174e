import cameoTsv from "../../../data/cameo/cameo-codes.tsv?raw";
import { parseCameoTable } from "../../../src/core/cameo-table.ts";
import { CAMEO_ROOTS } from "../../../src/core/cameo.ts";
import type { CameoRoot } from "../../../src/core/cameo.ts";

/** The project's CAMEO table, parsed by the kernel's parser from the same data file the extractor reads. */
const TABLE = parseCameoTable(cameoTsv);

/** The table writes roots in capitals (`MAKE PUBLIC STATEMENT`); lists read better in sentence case. */
function sentenceCase(name: string): string {
  return name.charAt(0) + name.slice(1).toLowerCase();
}

/** The name of a CAMEO code (`04` Consult, `042` Make a visit), or `CAMEO x` for a code the table lacks. */
export function cameoName(code: string): string {
  const name = TABLE.get(code)?.name;
  if (name === undefined) return `CAMEO ${code}`;
  return code.length === 2 ? sentenceCase(name) : name;
}

/** The twenty roots, `01` to `20`, with their names. */
export const CAMEO_ROOT_NAMES: readonly { readonly root: CameoRoot; readonly name: string }[] =
  CAMEO_ROOTS.map((root) => ({ root, name: cameoName(root) }));
