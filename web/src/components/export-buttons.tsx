import type { RefObject } from "preact";
import { useState } from "preact/hooks";
import { bodyOf, client } from "../api.ts";
import { standaloneSvg, svgToPng } from "../lib/chart-export.ts";
import { saveFile } from "../lib/save-file.ts";
import type { ExportTable } from "../lib/table-export.ts";
import { exportFileName, toCsv, toJson } from "../lib/table-export.ts";

/** A line that says what a download or a copy did, read out by screen readers. */
function useOutcome(): [string, (run: () => Promise<string> | string) => void] {
  const [outcome, setOutcome] = useState("");
  const report = (run: () => Promise<string> | string) => {
    Promise.resolve()
      .then(run)
      .then(setOutcome, (error: unknown) => {
        setOutcome(`Failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  };
  return [outcome, report];
}

/**
 * Downloads of a table's rows (all of them, not only the page shown): CSV,
 * JSON, and a STIX 2.1 bundle when the rows are events or claims (`stixIds`
 * gives their ids; the server builds the bundle as `triangulate export` does).
 */
export function TableExport<T>({
  table,
  stixIds,
}: {
  table: ExportTable<T>;
  stixIds?: ((rows: readonly T[]) => readonly string[]) | undefined;
}) {
  const [outcome, report] = useOutcome();
  const save = (extension: string, text: string, type: string) => {
    saveFile(exportFileName(table.name, extension, new Date()), text, type);
    return `Saved ${table.rows.length} rows as ${extension.toUpperCase()}.`;
  };
  return (
    <div class="export-tools" role="group" aria-label={`Download ${table.name}`} data-testid="table-export">
      <span class="export-label" aria-hidden="true">
        Download
      </span>
      <button
        type="button"
        title={`Download ${table.name} as CSV`}
        onClick={() => {
          report(() => save("csv", toCsv(table), "text/csv;charset=utf-8"));
        }}
      >
        CSV
      </button>
      <button
        type="button"
        title={`Download ${table.name} as JSON`}
        onClick={() => {
          report(() => save("json", toJson(table), "application/json"));
        }}
      >
        JSON
      </button>
      {stixIds ? (
        <button
          type="button"
          title={`Download ${table.name} as a STIX 2.1 bundle`}
          onClick={() => {
            report(async () => {
              const ids = [...stixIds(table.rows)];
              const bundle = await bodyOf(await client.api.export.stix.$post({ json: { ids } }));
              saveFile(
                exportFileName(table.name, "stix.json", new Date()),
                JSON.stringify(bundle, null, 2),
                "application/stix+json",
              );
              return `Saved ${ids.length} records as a STIX bundle.`;
            });
          }}
        >
          STIX
        </button>
      ) : null}
      <span class="export-outcome" role="status">
        {outcome}
      </span>
    </div>
  );
}

/** Downloads of the chart drawn in `host`: SVG as it is, PNG at twice its size. */
export function ChartExport({ host, name }: { host: RefObject<HTMLElement | null>; name: string }) {
  const [outcome, report] = useOutcome();
  const chart = () => {
    if (!host.current) throw new Error("the chart is not drawn yet");
    return standaloneSvg(host.current);
  };
  return (
    <div
      class="export-tools chart-tools"
      role="group"
      aria-label={`Save the chart: ${name}`}
      // The chart's own keys (arrows move through periods) are not for these buttons.
      onKeyDown={(event) => {
        event.stopPropagation();
      }}
    >
      <button
        type="button"
        title="Save the chart as PNG"
        onClick={() => {
          report(async () => {
            saveFile(exportFileName(name, "png", new Date()), await svgToPng(chart()));
            return "Saved as PNG.";
          });
        }}
      >
        PNG
      </button>
      <button
        type="button"
        title="Save the chart as SVG"
        onClick={() => {
          report(() => {
            saveFile(exportFileName(name, "svg", new Date()), chart().text, "image/svg+xml");
            return "Saved as SVG.";
          });
        }}
      >
        SVG
      </button>
      <span class="export-outcome" role="status">
        {outcome}
      </span>
    </div>
  );
}

const COPIED = "Link copied.";

/** Copies the page's address, which holds the view's state (filters, selection, zoom). */
export function CopyLink() {
  const [outcome, report] = useOutcome();
  return (
    <div class="copy-link">
      <button
        type="button"
        data-testid="copy-link"
        onClick={() => {
          report(async () => {
            await navigator.clipboard.writeText(location.href);
            return COPIED;
          });
        }}
      >
        {outcome === "" ? "Copy link" : outcome === COPIED ? "Link copied" : "Could not copy"}
      </button>
      {/* The button's text shows what happened; this says it to screen readers. */}
      <span class="visually-hidden" role="status">
        {outcome}
      </span>
    </div>
  );
}
