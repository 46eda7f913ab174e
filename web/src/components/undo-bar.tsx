import { useState } from "preact/hooks";
import { dismissRecent, undoRecent, useRecentCorrection } from "../lib/corrections.ts";

/**
 * The last accept or reject made from an event table, with the way back: a
 * rejected event leaves every list, so its undo cannot sit on its row.
 */
export function UndoBar() {
  const recent = useRecentCorrection();
  const [error, setError] = useState<string | null>(null);
  if (!recent) return null;
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span>
        <strong>{recent.action === "reject" ? "Rejected" : "Accepted"}:</strong> {recent.label}
      </span>
      <button
        type="button"
        data-testid="undo-correction"
        onClick={() => {
          setError(null);
          undoRecent().catch((e: unknown) => {
            setError(e instanceof Error ? e.message : String(e));
          });
        }}
      >
        Undo
      </button>
      <button type="button" class="undo-dismiss" aria-label="Dismiss" onClick={dismissRecent}>
        ×
      </button>
      {error ? <span class="form-error">{error}</span> : null}
    </div>
  );
}
