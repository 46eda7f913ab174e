import { TriangulateError } from "./errors.ts";

/**
 * CAMEO's twenty roots ("01" make a public statement ... "20" use
 * unconventional mass violence): the first two digits of every CAMEO code.
 */
export const CAMEO_ROOTS = [
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "20",
] as const;

/** A CAMEO root, "01" to "20". */
export type CameoRoot = (typeof CAMEO_ROOTS)[number];

const ROOTS: ReadonlySet<string> = new Set(CAMEO_ROOTS);
/** A CAMEO code: a root and up to two more digits (`04`, `042`, `1121`). */
const CODE = /^\d{2,4}$/;

export function isCameoRoot(value: string): value is CameoRoot {
  return ROOTS.has(value);
}

/**
 * Validates a two-digit CAMEO root.
 * @throws TriangulateError `invalid_data` for anything but "01" to "20".
 */
export function cameoRootOrThrow(value: string): CameoRoot {
  if (!isCameoRoot(value))
    throw new TriangulateError("invalid_data", `not a CAMEO root (01 to 20): ${value}`);
  return value;
}

/** Is `value` a CAMEO code of two to four digits under one of the twenty roots? */
export function isCameoCode(value: string): boolean {
  return CODE.test(value) && ROOTS.has(value.slice(0, 2));
}

/**
 * The root of a CAMEO code: `rootOfCode("1121")` is "11".
 * @throws TriangulateError `invalid_data` when `code` is not a CAMEO code.
 */
export function rootOfCode(code: string): CameoRoot {
  const root = code.slice(0, 2);
  if (!CODE.test(code) || !isCameoRoot(root)) {
    throw new TriangulateError("invalid_data", `not a CAMEO code: ${code}`);
  }
  return root;
}
