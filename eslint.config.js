// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const LAYERS = ["ingest", "nlp", "extract", "analysis", "store", "server", "cli", "knowledge"];

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

const ADAPTED = ["wink-nlp", "wink-eng-lite-web-model", "better-sqlite3", "hono", "@hono/node-server"];

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
    rules: forbid([...LAYERS, "threads"], ADAPTED, undefined, [
      { group: ["node:*"], message: "the core runs in the browser too: no Node built-ins" },
    ]),
  },
  {
    files: ["src/extract/**"],
    rules: forbid(["ingest", "store", "server", "cli", "knowledge", "analysis"], ADAPTED),
  },
  {
    files: ["src/analysis/**"],
    rules: forbid(["ingest", "nlp", "extract", "store", "server", "cli", "knowledge"], ADAPTED),
  },
  // wink's `its.*` accessors are free functions typed as methods.
  { files: ["src/nlp/**"], rules: { "@typescript-eslint/unbound-method": "off" } },
  {
    files: ["src/nlp/**"],
    rules: forbid(
      ["ingest", "extract", "analysis", "store", "server", "cli", "knowledge"],
      ["better-sqlite3", "hono"],
    ),
  },
  {
    files: ["src/store/**"],
    rules: forbid(
      ["ingest", "nlp", "extract", "analysis", "server", "cli", "knowledge"],
      ["wink-nlp", "hono"],
    ),
  },
  { files: ["src/ingest/**"], rules: forbid(["server", "cli"], ["better-sqlite3", "hono", "wink-nlp"]) },
  { files: ["src/server/**"], rules: forbid(["cli"], ["better-sqlite3", "wink-nlp"]) },
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
              group: ["node:*", "better-sqlite3", "wink-nlp", "wink-eng-lite-web-model", "@hono/node-server"],
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
