import type { WorkerOptions } from "node:worker_threads";
import { Worker } from "node:worker_threads";

// A new thread does not inherit tsx's loader: from the sources it registers
// tsx first, then imports the TypeScript worker module.
const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

/**
 * Starts the worker module `name` that sits beside the module at `from` (its
 * `import.meta.url`): in the CLI bundle (dist/cli, see scripts/build-cli.mjs)
 * the bundled `name.js`; from the sources (tsx, vitest) `name.ts`. The
 * worker reads `workerData.data`.
 */
export function startModuleWorker(from: string, name: string, data?: unknown): Worker {
  if (from.endsWith(".js")) return new Worker(new URL(`./${name}.js`, from), { workerData: { data } });
  const options: WorkerOptions = {
    eval: true,
    workerData: { tsx: import.meta.resolve("tsx/esm/api"), entry: new URL(`./${name}.ts`, from).href, data },
  };
  return new Worker(BOOT, options);
}
