import { render } from "preact";
import { App } from "./app.tsx";
import { currentPlace, interceptLinks } from "./router.ts";
import { matchRoute, openRoute } from "./routes.ts";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  const place = currentPlace();
  const first = matchRoute(place.path);
  // Errors show once the shell renders the view.
  if (first) openRoute(first.route, place).catch(() => undefined);
  interceptLinks(document.body);
  render(<App />, root);
}
