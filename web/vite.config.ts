import countries from "world-countries";
import { defineConfig } from "vite";
import type { Plugin } from "vite";

/**
 * `virtual:countries`: name, ISO numeric code and a representative point of
 * each state by ISO alpha-3, taken from world-countries at build time, so
 * the browser gets a few kilobytes instead of the whole package.
 */
function countryTable(): Plugin {
  const id = "virtual:countries";
  return {
    name: "triangulate-countries",
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const table = Object.fromEntries(
        countries.map((c) => [
          c.cca3,
          { name: c.name.common, ccn3: c.ccn3, lat: c.latlng[0], lng: c.latlng[1] },
        ]),
      );
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

// Run as `vite build web`: the root is web/, the output dist/web at the project root.
export default defineConfig({
  base: "/",
  plugins: [countryTable()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
});
