/** GDELT's four classes of CAMEO events, numbered as in its `QuadClass` column (1–4). */
export const QUAD_CLASSES = [
  "verbalCooperation",
  "materialCooperation",
  "verbalConflict",
  "materialConflict",
] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

/**
 * The quad class of a two-digit CAMEO root, as GDELT assigns its `QuadClass`
 * (Event Codebook 2.0): roots 01–05 verbal cooperation (statements, appeals,
 * intents, consultations, diplomatic cooperation), 06–08 material
 * cooperation, 09–13 verbal conflict (investigate, demand, disapprove,
 * reject, threaten), 14–20 material conflict. Four boundaries of the CAMEO
 * codebook, not a table worth a data file. Null for anything that is not a
 * root from 01 to 20.
 *
 * @example quadClassOf("16") // "materialConflict"
 */
export function quadClassOf(root: string): QuadClass | null {
  if (!/^\d{2}$/.test(root)) return null;
  const n = Number(root);
  if (n < 1 || n > 20) return null;
  return n <= 5
    ? "verbalCooperation"
    : n <= 8
      ? "materialCooperation"
      : n <= 13
        ? "verbalConflict"
        : "materialConflict";
}

/** GDELT's number for a quad class (1 verbal cooperation ... 4 material conflict). */
export function quadClassNumber(quad: QuadClass): 1 | 2 | 3 | 4 {
  return (QUAD_CLASSES.indexOf(quad) + 1) as 1 | 2 | 3 | 4;
}
