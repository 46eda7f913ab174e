import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_HTML_DEPTH, extractHtml, htmlDepth } from "./html.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "test", "fixtures", "ingest");

/** A page whose article Readability finds: enough paragraphs of prose inside `<article>`. */
function page(head: string, article: string, furniture = ""): string {
  return `<!doctype html><html><head>${head}</head><body>${furniture}<article>${article}</article></body></html>`;
}

const PROSE =
  "<p>Azerbaijan and Georgia signed a transit agreement in Tbilisi on Monday, officials from both governments said in a joint statement.</p>" +
  "<p>The agreement covers rail freight between the two countries and is expected to raise volumes over the next five years, the statement added.</p>";

describe("extractHtml: text", () => {
  it("reads the article of a news page without scripts, styles, navigation, asides or footers", () => {
    const article = extractHtml(readFileSync(join(FIXTURES, "good", "pipeline-deal.html"), "utf8"));
    expect(article.text.split("\n\n")).toEqual([
      "Turkey and Azerbaijan agreed on Tuesday to extend a natural gas supply contract by ten years, energy officials in Ankara said — a move that secures roughly 6 billion cubic metres of gas a year for Turkish households.",
      "The agreement was signed in Ankara by the two countries’ energy ministers. Azerbaijani Energy Minister Parviz Shahbazov called it “a pillar of our strategic partnership”.",
      "Turkey imported about 10\u00A0billion cubic metres of Azerbaijani gas last year, according to the energy regulator, making Azerbaijan its second-largest supplier after Russia.",
    ]);
    for (const absent of [
      "tracking",
      "Injected",
      "Home",
      "Most read",
      "Celebrity",
      "Copyright",
      "font-family",
      "<",
    ]) {
      expect(article.text).not.toContain(absent);
    }
  });

  it("decodes named, decimal and hexadecimal entities", () => {
    const { text } = extractHtml(
      page("", `${PROSE}<p>Baku &amp; Tbilisi &mdash; &#8220;partners&#x201D; &lt;for now&gt;.</p>`),
    );
    expect(text).toContain("Baku & Tbilisi — “partners” <for now>.");
  });

  it("keeps paragraphs, headings and list items as lines, and a <br> as a line break", () => {
    const { text } = extractHtml(
      page(
        "",
        `<h2>Transit deal</h2>${PROSE}<p>First line<br>second line</p><ul><li>One item</li><li>Another item</li></ul>`,
      ),
    );
    const lines = text.split("\n");
    expect(lines).toContain("First line");
    expect(lines).toContain("second line");
    expect(lines).toContain("One item");
    expect(lines).toContain("Another item");
    expect(text).toMatch(
      /signed a transit agreement in Tbilisi on Monday, officials from both governments said in a joint statement\.\n\n/,
    );
  });

  it("collapses whitespace inside a paragraph as a browser does", () => {
    const { text } = extractHtml(page("", `${PROSE}<p>  Talks   were\n   held <b>in</b>\tBaku.  </p>`));
    expect(text).toContain("\n\nTalks were held in Baku.");
  });

  it("falls back to the body without page furniture when Readability finds no article", () => {
    const html =
      "<html><head><style>p{}</style></head><body><header>Site header</header><nav>Menu</nav>" +
      "<p>Short note: talks resumed.</p><aside>Related</aside><footer>Footer</footer><script>x()</script></body></html>";
    expect(extractHtml(html).text).toBe("Short note: talks resumed.");
  });

  it("finds no text in a page that is only furniture and scripts", () => {
    const { text } = extractHtml(readFileSync(join(FIXTURES, "bad", "no-article.html"), "utf8"));
    expect(text).toBe("");
  });

  it("reads a bare fragment", () => {
    expect(extractHtml("<p>Tehran &amp; Baku met.</p>").text).toBe("Tehran & Baku met.");
  });

  it("reads a page nested deeper than Readability goes, whole and furniture removed", () => {
    // The paragraph, inside <html>, <body> and the <div>s, is the deepest element: at MAX_HTML_DEPTH.
    const depth = MAX_HTML_DEPTH - 3;
    const html = `<html><body><nav>Menu</nav>${"<div>".repeat(depth)}<p>Baku and Tehran met.</p>${"</div>".repeat(depth)}<p>Next.</p></body></html>`;
    expect(htmlDepth(html, MAX_HTML_DEPTH)).toBe(MAX_HTML_DEPTH);
    expect(extractHtml(html).text).toBe("Baku and Tehran met.\n\nNext.");
  });

  it("refuses a page nested deeper than MAX_HTML_DEPTH", () => {
    const depth = MAX_HTML_DEPTH + 1;
    expect(() => extractHtml(`${"<div>".repeat(depth)}x`)).toThrow(
      `HTML nested over ${MAX_HTML_DEPTH} levels deep`,
    );
  });
});

describe("htmlDepth", () => {
  it.each([
    ["<p>x</p>", 1],
    ["<html><body><div><div><p>x</p></div></div></body></html>", 5],
    // Void elements and implied ends nest nothing, as the parser builds them.
    ["<div><br><img src=a><p>one<p>two<li>three<li>four</div>", 3],
    ["", 0],
  ])("measures %j as %i deep", (html, depth) => {
    expect(htmlDepth(html, 100)).toBe(depth);
  });

  it("stops as soon as the depth passes its limit", () => {
    expect(htmlDepth(`${"<div>".repeat(100_000)}x`, 256)).toBe(257);
  });
});

describe("extractHtml: metadata", () => {
  it("reads <title>, og:site_name and article:published_time", () => {
    const article = extractHtml(readFileSync(join(FIXTURES, "good", "pipeline-deal.html"), "utf8"));
    expect(article).toMatchObject({
      title: "Turkey and Azerbaijan extend gas pipeline deal",
      outlet: "Example Times",
      published: "2025-03-18",
    });
  });

  it.each([
    [
      "the date of <time datetime> without a meta date",
      `<title>T</title>`,
      `<time datetime="2024-11-02T08:00:00Z">2 Nov</time>`,
      { published: "2024-11-02" },
    ],
    [
      "a month-precision date as written",
      `<meta property="article:published_time" content="2024-11">`,
      "",
      { published: "2024-11" },
    ],
    [
      "og:title without <title>",
      `<meta property="og:title" content="Deal signed">`,
      "",
      { title: "Deal signed" },
    ],
    [
      "a title that keeps a suffix that is not the outlet",
      `<title>Deal signed - Analysis</title><meta property="og:site_name" content="Wire">`,
      "",
      { title: "Deal signed - Analysis", outlet: "Wire" },
    ],
    ["nothing", "", "", { title: null, outlet: null, published: null }],
    [
      "no date from an unreadable timestamp",
      `<meta property="article:published_time" content="soon">`,
      "",
      { published: null },
    ],
  ])("%s", (_, head, body, expected) => {
    expect(extractHtml(page(head, `${body}${PROSE}`))).toMatchObject(expected);
  });
});
