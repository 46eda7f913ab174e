import { fileURLToPath } from "node:url";

// Found from this module's URL, two folders below the project's root: the CLI
// bundle (dist/cli/main.js) sits as deep, so the paths hold from either.

/** The folder of the built UI: dist/web at the root of the project. */
export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** The project's package.json (its version). */
export const PACKAGE_JSON = new URL("../../package.json", import.meta.url);
