import { useEffect, useRef, useState } from "preact/hooks";
import { bodyOf, client } from "../api.ts";
import { Empty, Loaded } from "../components/states.tsx";
import { formatDate } from "../lib/format.ts";
import { useResource } from "../lib/resource.ts";
import { href, navigate } from "../router.ts";
import type { Place } from "../router.ts";

/** The store marks matched words as `[word]`; shown as `<mark>`, the rest as plain text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <p class="snippet">
      {parts.map((part, i) =>
        part.startsWith("[") && part.endsWith("]") ? <mark key={i}>{part.slice(1, -1)}</mark> : part,
      )}
    </p>
  );
}

export function SearchView({ place }: { place: Place }) {
  const q = (place.params.get("q") ?? "").trim();
  const [draft, setDraft] = useState(q);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setDraft(q);
  }, [q]);
  useEffect(() => {
    input.current?.focus();
  }, []);
  // Search as the user types, a moment after they stop.
  useEffect(() => {
    if (draft.trim() === q) return undefined;
    const timer = setTimeout(() => {
      navigate(href("/search", { q: draft.trim() }), { replace: true });
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, q]);
  const results = useResource(q ? `search?q=${q}` : null, async () =>
    bodyOf(await client.api.search.$get({ query: { q, limit: "50" } })),
  );
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href("/search", { q: draft.trim() }));
        }}
      >
        <label for="search-input">Words in the articles</label>
        <input
          id="search-input"
          ref={input}
          type="search"
          value={draft}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
          }}
          placeholder="embassy, pipeline, drone…"
          data-testid="search-input"
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </form>
      {q === "" ? (
        <Empty>Type words to find articles; results are ranked by how well they match.</Empty>
      ) : (
        <Loaded
          resource={results}
          what="results"
          ready={(page) =>
            page.items.length === 0 ? (
              <Empty>No article matches “{q}”.</Empty>
            ) : (
              <ol class="results" aria-label={`${page.items.length} results`}>
                {page.items.map((hit) => (
                  <li key={hit.id} data-testid="search-result">
                    <h2>
                      <a href={href(`/reader/${hit.id}`, { q })} data-testid="search-hit">
                        {hit.title ?? `${hit.outlet ?? "Unknown outlet"}, ${formatDate(hit.published)}`}
                      </a>
                    </h2>
                    <p class="doc-meta">
                      {hit.outlet ?? "Unknown outlet"} · {formatDate(hit.published)}
                    </p>
                    <Snippet text={hit.snippet} />
                  </li>
                ))}
              </ol>
            )
          }
        />
      )}
    </section>
  );
}
