import { resolve } from "node:path";
import { TriangulateError } from "../../core/errors.ts";
import { EXPORT_FORMATS, exportFormatOrThrow, recordTypesOrThrow } from "../../export/registry.ts";
import { RECORD_TYPES } from "../../export/fields.ts";
import type { Command } from "../command.ts";
import { EXIT } from "../command.ts";
import { DB_HELP, openExistingStore, resolveDbPath } from "../db-path.ts";
import { parseFlags } from "../flags.ts";
import { pump, streamSink, writeFileAtomically } from "../output.ts";

const HELP = `Usage: triangulate export [options]

Writes the knowledge base for other tools: documents, actors, events and
claims with their sentences and character offsets.

Options:
${DB_HELP}
  --format NAME      output format (default: jsonl):
${EXPORT_FORMATS.map((f) => `                       ${f.name.padEnd(8)} ${f.description}`).join("\n")}
  --type LIST        record types, comma-separated or repeated: ${RECORD_TYPES.join(", ")}
                     (jsonl default: document,actor,event,claim; csv writes one
                     type, events unless --type claim or another is given)
  --include-text     give documents their full text (a quote is always
                     text.slice(start, end))
  -o, --output FILE  write to FILE (through a temporary file renamed at the
                     end, so a failed export leaves no half file); default
                     stdout
  -h, --help         show this help

Examples:
  triangulate export --format jsonl --include-text -o kb.jsonl
  triangulate export --format csv --type claim -o claims.csv

Exit status: 0 written, 1 the knowledge base or the file failed, 2 usage
error (an unknown format or type names the value).
`;

/** `triangulate export`: streams records from the store through a format to stdout or a file. */
export const exportCommand: Command = {
  name: "export",
  summary: "write the knowledge base as JSONL or CSV",
  help: HELP,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: "string" },
      format: { type: "string", default: "jsonl" },
      type: { type: "string", multiple: true },
      "include-text": { type: "boolean", default: false },
      output: { type: "string", short: "o" },
    });
    if (values.output?.trim() === "") throw new TriangulateError("usage", "-o needs a file name");
    const format = exportFormatOrThrow(values.format);
    const types = format.types(values.type === undefined ? null : recordTypesOrThrow(values.type));
    const options = { includeText: values["include-text"], types };
    const store = await openExistingStore(resolveDbPath(values.db, io));
    try {
      const chunks = format.write(store.records(types), options);
      const output = values.output;
      if (output === undefined || output === "-") await pump(chunks, streamSink(io.stdout));
      else await writeFileAtomically(resolve(io.cwd, output), (sink) => pump(chunks, sink));
    } finally {
      await store.close();
    }
    return EXIT.ok;
  },
};
