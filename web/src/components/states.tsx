import type { ComponentChildren } from "preact";
import { retryAll } from "../lib/resource.ts";
import type { Resource } from "../lib/resource.ts";

export function Loading({ what }: { what: string }) {
  return (
    <p class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>Could not load this.</strong> {error.message}
      </p>
      <button type="button" onClick={retryAll}>
        Try again
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

/** Renders `ready` with the data, or the loading or error state. */
export function Loaded<T>({
  resource,
  what,
  ready,
}: {
  resource: Resource<T>;
  what: string;
  ready: (data: T) => ComponentChildren;
}) {
  switch (resource.state) {
    case "loading":
      return <Loading what={what} />;
    case "error":
      return <ErrorNote error={resource.error} />;
    case "ready":
      return <>{ready(resource.data)}</>;
    default: {
      const never: never = resource;
      return never;
    }
  }
}
