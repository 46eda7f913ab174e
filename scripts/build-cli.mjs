// `npm run build:cli` (run by `npm install`): bundles the CLI and its worker
// threads into dist/cli, which bin/triangulate.js runs while it is newer than
// every source. The bundle sits two folders below the root, as the modules that
// find data/, dist/web and package.json from their own URL do (src/*/).
// Packages stay external, loaded from node_modules as they are, but for two
// that every ingest's threads load before their first document: zod and
// chrono-node are bundled, one file instead of their many module files (the
// analysis thread started about 0.13 s sooner, measured with start-up marks).
import { readFileSync, renameSync, rmSync } from "node:fs";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const BUNDLED = new Set(["zod", "chrono-node"]);
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const out = `${root}dist/cli`;
// Built beside and swapped in whole, so a bin starting meanwhile never loads half a build.
const staging = `${out}.${process.pid}`;

buildSync({
  absWorkingDir: root,
  entryPoints: [
    { in: "src/cli/main.ts", out: "main" },
    { in: "src/pipeline/extract-worker.ts", out: "extract-worker" },
    { in: "src/pipeline/analyse-worker.ts", out: "analyse-worker" },
    { in: "src/store/sqlite/writer-worker.ts", out: "writer-worker" },
    { in: "src/server/analysis-worker.ts", out: "analysis-worker" },
  ],
  outdir: staging,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // esbuild's table for Node lowers every \p{...} regex literal to a `new RegExp`
  // evaluated on each call (a cost in the coder's hot loops); Node 20 has them.
  supported: { "regexp-unicode-property-escapes": true },
  external,
  // Commands load their own packages (hono only for serve) when they run.
  splitting: true,
  logLevel: "warning",
});
rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
