import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's `data/` folder, two folders up from this module (and from the
 * CLI bundle, dist/cli). A module of its own, so that a thread that loads one
 * table (the unit table) does not load every knowledge module with it.
 */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");
