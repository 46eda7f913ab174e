// `npm run check` runs dependency-cruiser with this configuration: no import
// cycles, type-only imports included (a type cycle still ties two modules
// together). The direction of imports between layers is eslint's
// (eslint.config.js).
/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment:
        "modules import each other (directly or through others): move what they share into a module of its own",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
