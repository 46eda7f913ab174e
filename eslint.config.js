// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const LAYERS = [
  "ingest",
  "nlp",
  "extract",
  "analysis",
  "store",
  "server",
  "cli",
  "knowledge",
  "export",
  "pipeline",
  "threads",
  "feeds",
  "alerts",
  "queue",
];

/** Every layer but the given ones. */
function except(...allowed) {
  return LAYERS.filter((layer) => !allowed.includes(layer));
}

/**
 * Forbids imports of the given sibling folders of src/ (and of packages, and
 * of other patterns with their own message) from a layer.
 */
function forbid(
  folders,
  packages = [],
  message = "dependency arrows point inwards (see README, Architecture)",
  others = [],
) {
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...folders.map((f) => ({ group: [`**/${f}/**`, `../${f}`, `../../${f}`], message })),
          ...packages.map((p) => ({ group: [p, `${p}/**`], message: `${p} stays behind its adapter` })),
          ...others,
        ],
      },
    ],
  };
}

/** Tests and their helpers wire real parts together (an engine, a sample store), as the CLI does. */
const TESTS = ["**/*.test.ts", "**/testing.ts", "**/testing/**"];

/** Extraction sees the NLP engine only through its port; the pipeline and the CLI choose the adapter. */
const NLP_ADAPTER = {
  group: ["**/nlp/wink-engine*"],
  message: "extraction takes the NlpEngine port (src/core/ports.ts), not an adapter",
};

const ADAPTED = [
  "wink-nlp",
  "wink-eng-lite-web-model",
  "better-sqlite3",
  "pg",
  "hono",
  "@hono/node-server",
  "pg-boss",
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "scratch/", "artifacts/", "data/", "corpus/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `||` on strings deliberately treats "" as missing.
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignorePrimitives: { string: true } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "exit", message: "only src/cli ends the process" },
      ],
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // The core is a pure kernel that the browser imports too: no Node built-ins, no drivers.
  {
    files: ["src/core/**"],
    ignores: TESTS,
    rules: forbid(LAYERS, ADAPTED, undefined, [
      { group: ["node:*"], message: "the core runs in the browser too: no Node built-ins" },
    ]),
  },
  // Its tests run in Node and may read the data files the core's parsers are given.
  { files: TESTS.map((pattern) => `src/core/${pattern}`), rules: forbid(LAYERS, ADAPTED) },
  // Node's worker threads, for the pipeline's pools and the SQLite writer: only the core beneath.
  { files: ["src/threads/**"], rules: forbid(except("core", "threads"), ADAPTED) },
  {
    files: ["src/extract/**"],
    ignores: TESTS,
    rules: forbid(except("core", "nlp", "extract"), ADAPTED, undefined, [NLP_ADAPTER]),
  },
  {
    files: TESTS.map((pattern) => `src/extract/${pattern}`),
    rules: forbid(except("core", "nlp", "extract"), ADAPTED),
  },
  { files: ["src/analysis/**"], rules: forbid(except("core", "analysis"), ADAPTED) },
  // wink's `its.*` accessors are free functions typed as methods.
  { files: ["src/nlp/**"], rules: { "@typescript-eslint/unbound-method": "off" } },
  { files: ["src/nlp/**"], rules: forbid(except("core", "nlp"), ["better-sqlite3", "pg", "hono"]) },
  { files: ["src/store/**"], rules: forbid(except("core", "threads", "store"), ["wink-nlp", "hono"]) },
  {
    files: ["src/knowledge/**"],
    ignores: TESTS,
    rules: forbid(except("core", "extract", "knowledge"), ADAPTED),
  },
  { files: ["src/export/**"], ignores: TESTS, rules: forbid(except("core", "analysis", "export"), ADAPTED) },
  // Input adapters: bytes to a document; the run that extracts and saves it is the pipeline's.
  { files: ["src/ingest/**"], rules: forbid(except("core", "knowledge", "ingest"), ADAPTED) },
  {
    files: ["src/pipeline/**"],
    ignores: TESTS,
    rules: forbid(
      ["store", "analysis", "export", "server", "cli", "queue"],
      ["better-sqlite3", "pg", "hono", "pg-boss"],
    ),
  },
  // The watch loop and the alerts' I/O edge: no driver, no HTTP framework, no command line.
  {
    files: ["src/feeds/**", "src/alerts/**"],
    rules: forbid(["server", "cli", "queue"], ["better-sqlite3", "pg", "hono", "wink-nlp", "pg-boss"]),
  },
  // The job queue (pg-boss behind pg-boss-queue.ts) and the worker loop: the pipeline's stages, no store adapter.
  {
    files: ["src/queue/**"],
    rules: forbid(
      ["store", "analysis", "export", "server", "cli"],
      ["better-sqlite3", "pg", "hono", "wink-nlp"],
    ),
  },
  // The server's analysis runs on a worker thread of its own (analysis-runner.ts).
  {
    files: ["src/server/**"],
    rules: forbid(["cli", "pipeline", "queue"], ["better-sqlite3", "pg", "wink-nlp", "pg-boss"]),
  },
  // The browser UI imports the pure core as code, and only types from the server (the API's route type for its client).
  {
    files: ["web/src/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)src/(?!core/|server/)",
              message: "web/ imports code only from src/core, and types from src/server",
            },
            {
              regex: "(^|/)src/server/",
              allowTypeImports: true,
              message: "web/ imports only types from src/server",
            },
            {
              group: [
                "node:*",
                "better-sqlite3",
                "pg",
                "wink-nlp",
                "wink-eng-lite-web-model",
                "@hono/node-server",
              ],
              message: "not for the browser",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**", "bench/**", "scripts/**", "test/**", "bin/**"],
    rules: { "no-restricted-properties": "off" },
  },
);
