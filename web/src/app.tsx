import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { CopyLink } from "./components/export-buttons.tsx";
import { UndoBar } from "./components/undo-bar.tsx";
import { ErrorNote, Loading } from "./components/states.tsx";
import type { ViewProps } from "./router.ts";
import { usePlace } from "./router.ts";
import type { Route } from "./routes.ts";
import { ROUTES, matchRoute, openRoute } from "./routes.ts";
import { withScope } from "./lib/time-scope.ts";

type Loaded = { route: Route; view: ComponentType<ViewProps> } | { route: Route; error: Error } | null;

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no view at this address. <a href="/">Go to the overview</a>.
      </p>
    </section>
  );
}

/** The shell: navigation, and the view the URL names, loaded on demand. */
export function App() {
  const place = usePlace();
  const match = matchRoute(place.path);
  const [loaded, setLoaded] = useState<Loaded>(null);
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const lastPath = useRef(place.path);
  // On a narrow window the navigation folds behind a menu button (CSS shows the button there only).
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (!match) return;
    document.title = `${match.route.title} · Triangulate`;
    if (loaded?.route === match.route) return;
    let live = true;
    openRoute(match.route, place).then(
      (view) => {
        if (live) setLoaded({ route: match.route, view });
      },
      (error: unknown) => {
        if (live)
          setLoaded({ route: match.route, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [match?.route, loaded?.route]);

  // Moving to another view puts focus at the top of the new content, for keyboard and screen reader users.
  useEffect(() => {
    if (lastPath.current !== place.path) {
      lastPath.current = place.path;
      setMenuOpen(false);
      main.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [place.path]);

  let content;
  if (!match) content = <NotFound />;
  else if (loaded?.route !== match.route) content = <Loading what="the view" />;
  else if ("error" in loaded) content = <ErrorNote error={loaded.error} />;
  else {
    const View = loaded.view;
    content = <View place={place} args={match.args} />;
  }

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <div class="shell">
        <nav
          class="sidebar"
          aria-label="Views"
          data-open={menuOpen ? "" : undefined}
          onKeyDown={(event) => {
            if (event.key === "Escape" && menuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              ◭
            </span>{" "}
            Triangulate
          </a>
          <button
            type="button"
            class="menu-button"
            ref={menuButton}
            aria-expanded={menuOpen}
            aria-controls="view-list"
            data-testid="menu-button"
            onClick={() => {
              setMenuOpen(!menuOpen);
            }}
          >
            <span aria-hidden="true">☰</span> Menu
          </button>
          <ul id="view-list">
            {ROUTES.flatMap((route) =>
              route.nav
                ? [
                    <li key={route.name}>
                      <a
                        href={withScope(route.nav.href, place.params)}
                        aria-current={match?.route === route ? "page" : undefined}
                        data-testid={`nav-${route.name}`}
                      >
                        {route.nav.label}
                        {route.nav.badge ? <route.nav.badge /> : null}
                      </a>
                    </li>,
                  ]
                : [],
            )}
          </ul>
          <CopyLink />
          <p class="sidebar-note">Events and figures from news articles, each traced to its sentence.</p>
        </nav>
        <main id="main" ref={main} tabIndex={-1}>
          <UndoBar />
          {content}
        </main>
      </div>
    </>
  );
}
