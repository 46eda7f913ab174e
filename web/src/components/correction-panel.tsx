import { useState } from "preact/hooks";
import { UNITS } from "../../../src/core/records.ts";
import type { DocumentBody } from "../api.ts";
import type { CorrectionBody } from "../lib/corrections.ts";
import { correct, undoCorrection } from "../lib/corrections.ts";
import { cameoName } from "../lib/cameo-names.ts";
import { formatFigure } from "../lib/format.ts";

type EventItem = DocumentBody["events"][number];
type ClaimItem = DocumentBody["claims"][number];
type Corrected = EventItem | ClaimItem;

/** `value` as the form shows it. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "none";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Who corrected the record, when, and what the extractor said of the fields changed. */
function Status({ record }: { record: Corrected }) {
  const correction = record.correction;
  if (!correction) return <p class="correction-status">As extracted; no analyst has reviewed it.</p>;
  const changed = Object.entries(correction.original);
  return (
    <div class="correction-status" data-testid="correction-status">
      <p>
        <span class={`tag tag-${correction.status}`}>
          {correction.status === "edited" ? "Edited" : "Accepted"}
        </span>{" "}
        by <strong>{correction.by}</strong> on{" "}
        <time dateTime={correction.at}>{correction.at.slice(0, 10)}</time>
      </p>
      {changed.length > 0 ? (
        <dl class="originals">
          {changed.map(([field, value]) => (
            <div key={field}>
              <dt>{field}</dt>
              <dd>
                <del title="as extracted">{shown(value)}</del> →{" "}
                {shown((record as Record<string, unknown>)[field])}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/** The fields of an edit form: the record's current values as text. */
function fieldsOf(record: Corrected): Record<string, string> {
  return record.type === "event"
    ? { cameo: record.cameo, source: record.source, target: record.target ?? "", date: record.date ?? "" }
    : {
        value: String(record.value),
        valueMax: record.valueMax === null ? "" : String(record.valueMax),
        unit: record.unit,
        period: record.period ?? "",
      };
}

/** The changes of the form: the fields whose text differs from the record's, in the API's types. */
function changesOf(record: Corrected, form: Record<string, string>): Record<string, unknown> {
  const before = fieldsOf(record);
  const changes: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(form)) {
    if (text.trim() === (before[field] ?? "")) continue;
    const value = text.trim();
    if (field === "value") changes[field] = Number(value);
    else if (field === "valueMax") changes[field] = value === "" ? null : Number(value);
    else changes[field] = value === "" && field !== "source" ? null : value;
  }
  return changes;
}

function EditForm({ doc, record, done }: { doc: string; record: Corrected; done: () => void }) {
  const [form, setForm] = useState(() => fieldsOf(record));
  const [error, setError] = useState<string | null>(null);
  const field = (name: string, label: string, hint: string) => (
    <label key={name}>
      {label}
      <input
        name={name}
        value={form[name] ?? ""}
        placeholder={hint}
        onInput={(event) => {
          setForm({ ...form, [name]: event.currentTarget.value });
        }}
      />
    </label>
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const changes = changesOf(record, form);
    if (Object.keys(changes).length === 0) {
      setError("Change a field first.");
      return;
    }
    try {
      await correct({ doc, record: record.id, action: "edit", changes });
      done();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form
      class="correction-form"
      onSubmit={(event) => {
        void submit(event);
      }}
      data-testid="correction-form"
    >
      {record.type === "event" ? (
        <>
          {field("cameo", "CAMEO code", "e.g. 172")}
          {field("source", "Source", "AZE or person:…")}
          {field("target", "Target", "empty for none")}
          {field("date", "Date", "YYYY, YYYY-MM or YYYY-MM-DD")}
        </>
      ) : (
        <>
          {field("value", "Value", "40")}
          {field("valueMax", "Up to", "empty for one value")}
          <label>
            Unit
            <select
              name="unit"
              value={form.unit}
              onChange={(event) => {
                setForm({ ...form, unit: event.currentTarget.value });
              }}
            >
              {UNITS.map((unit) => (
                <option key={unit}>{unit}</option>
              ))}
            </select>
          </label>
          {field("period", "Period", "2023 or 2023-01/2023-06")}
        </>
      )}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="correction-actions">
        <button type="submit">Save correction</button>
        <button type="button" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * What an analyst can do with the selected event or claim: accept it,
 * reject it, edit its fields, and for a figure split it out of its cluster
 * or merge it with another figure of the same quantity.
 */
export function CorrectionPanel({
  doc,
  record,
  others,
  label,
}: {
  doc: string;
  record: Corrected;
  /** Figures of other documents a claim may be merged with. */
  others: readonly { readonly doc: string; readonly id: string; readonly label: string }[];
  label: string;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [partner, setPartner] = useState("");
  const act = async (body: CorrectionBody) => {
    setError(null);
    try {
      await correct(body);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const ids = record.correction?.corrections ?? [];
  return (
    <section class="correction-panel" aria-label={`Correct: ${label}`} data-testid="correction-panel">
      <h2>{record.type === "event" ? "Selected event" : "Selected figure"}</h2>
      <p class="correction-subject">
        {record.type === "event"
          ? `${record.cameo} ${cameoName(record.cameo)}`
          : formatFigure(record.value, record.valueMax, record.unit, record.qualifier)}
      </p>
      <Status record={record} />
      {editing ? (
        <EditForm
          doc={doc}
          record={record}
          done={() => {
            setEditing(false);
          }}
        />
      ) : (
        <div class="correction-actions">
          <button type="button" onClick={() => void act({ doc, record: record.id, action: "accept" })}>
            Accept
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => void act({ doc, record: record.id, action: "reject" })}
          >
            Reject
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(true);
            }}
          >
            Edit…
          </button>
          {ids.length > 0 ? (
            <button
              type="button"
              onClick={() =>
                void undoCorrection(ids.at(-1) ?? 0).catch((e: unknown) => {
                  setError(String(e));
                })
              }
            >
              Undo last correction
            </button>
          ) : null}
        </div>
      )}
      {record.type === "claim" ? (
        <div class="correction-actions cluster-actions">
          <button type="button" onClick={() => void act({ doc, record: record.id, action: "split" })}>
            Split from its cluster
          </button>
          <label>
            Same quantity as
            <select
              value={partner}
              onChange={(event) => {
                setPartner(event.currentTarget.value);
              }}
            >
              <option value="">a figure of another article…</option>
              {others.map((other) => (
                <option key={other.id} value={`${other.doc} ${other.id}`}>
                  {other.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={partner === ""}
            onClick={() => {
              const [withDoc = "", withRecord = ""] = partner.split(" ");
              void act({
                doc,
                record: record.id,
                action: "merge",
                with: { doc: withDoc, record: withRecord },
              });
            }}
          >
            Merge
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
