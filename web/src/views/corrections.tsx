import { useState } from "preact/hooks";
import { Empty, Loaded } from "../components/states.tsx";
import { analystName, fetchCorrections, setAnalystName, undoCorrection } from "../lib/corrections.ts";
import { useResource } from "../lib/resource.ts";
import { href } from "../router.ts";

type Listed = Awaited<ReturnType<typeof fetchCorrections>>["items"][number];

const STATE_LABEL: Readonly<Record<Listed["state"], string>> = {
  applied: "applied",
  undone: "undone",
  orphaned: "orphaned: no record has its key since a re-extraction",
};

/** What a correction changed: `cameo 112 → 172`, or its action. */
function describe(c: Listed): string {
  if (c.action === "undo") return `undoes #${c.undoes ?? ""}`;
  if (c.action === "merge") return "same quantity as another figure";
  if (c.action === "split") return "taken out of its cluster";
  if (c.action !== "edit") return c.action === "accept" ? "accepted as extracted" : "rejected";
  return Object.entries(c.changes ?? {})
    .map(
      ([field, value]) => `${field} ${JSON.stringify(c.original[field] ?? null)} → ${JSON.stringify(value)}`,
    )
    .join(", ");
}

function AnalystField() {
  const [name, setName] = useState(analystName);
  return (
    <label class="analyst-field">
      Your name on corrections{" "}
      <input
        value={name}
        placeholder="the server's analyst"
        onInput={(event) => {
          setName(event.currentTarget.value);
          setAnalystName(event.currentTarget.value);
        }}
      />
    </label>
  );
}

/** Every correction, newest first: who, when, what, its state, and an undo for those in force. */
export function CorrectionsView() {
  const corrections = useResource("corrections", fetchCorrections);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="corrections-title" class="corrections">
      <h1 id="corrections-title">Corrections</h1>
      <p class="lead">
        Analysts' corrections of events and figures, kept apart from the extraction and applied to every view,
        count and export. <code>triangulate corrections export --out DIR</code> writes them as gold
        annotations.
      </p>
      <AnalystField />
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded
        resource={corrections}
        what="corrections"
        ready={(page) =>
          page.items.length === 0 ? (
            <Empty>No corrections yet: select an event or a figure in the reader to correct it.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="corrections-table">
                <caption>{page.total} corrections, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Record</th>
                    <th scope="col">Correction</th>
                    <th scope="col">State</th>
                    <th scope="col">
                      <span class="visually-hidden">Undo</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...page.items].reverse().map((c) => (
                    <tr key={c.id} data-testid="correction-row" data-state={c.state}>
                      <td class="num">{c.id}</td>
                      <td class="nowrap">
                        <time dateTime={c.at}>{c.at.slice(0, 16).replace("T", " ")}</time>
                      </td>
                      <td>{c.by}</td>
                      <td class="quote">
                        <a
                          href={href(
                            `/reader/${c.doc}`,
                            c.record ? { sel: c.record } : { span: `${c.target.start}-${c.target.end}` },
                          )}
                        >
                          {c.target.kind === "event" ? "Event" : "Figure"}{" "}
                          {c.target.anchor.replace(/#0$/, "")}
                        </a>
                      </td>
                      <td>{describe(c)}</td>
                      <td>{STATE_LABEL[c.state]}</td>
                      <td>
                        {c.state !== "undone" ? (
                          <button
                            type="button"
                            onClick={() => {
                              setError(null);
                              undoCorrection(c.id).catch((failure: unknown) => {
                                setError(failure instanceof Error ? failure.message : String(failure));
                              });
                            }}
                          >
                            Undo
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      />
    </section>
  );
}
