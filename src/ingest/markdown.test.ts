import { describe, expect, it } from "vitest";
import { markdownToText } from "./markdown.ts";

const text = (markdown: string): string => {
  const result = markdownToText(markdown);
  if (!result.ok) throw new Error(`line ${result.line}: ${result.message}`);
  return result.text;
};

describe("markdownToText", () => {
  it.each([
    ["ATX headings", "# Talks resume\n\n## In Baku ##", "Talks resume\n\nIn Baku"],
    ["setext headings", "Talks resume\n============\n\nBody text.", "Talks resume\n\nBody text."],
    [
      "strong and emphasis",
      "**Baku** and *Tehran* and __Ankara__ and _Moscow_.",
      "Baku and Tehran and Ankara and Moscow.",
    ],
    ["underscores inside words", "snake_case_name stays", "snake_case_name stays"],
    ["strikethrough", "~~old~~ new", "old new"],
    ["inline code", "run `triangulate ingest` now", "run triangulate ingest now"],
    [
      "links to their text",
      '[Foreign ministry](https://mfa.example/x "title") said',
      "Foreign ministry said",
    ],
    ["reference links", "[the ministry][mfa] said\n\n[mfa]: https://mfa.example", "the ministry said"],
    ["images dropped", "![A map of the region](map.png) The map shows", "The map shows"],
    ["autolinks", "See <https://example.org/a>.", "See https://example.org/a."],
    ["inline HTML tags", "Talks <em>resumed</em><br/> today", "Talks resumed today"],
    ["entities", "Baku &amp; Tbilisi &mdash; partners", "Baku & Tbilisi — partners"],
    ["backslash escapes", "2 \\* 3 and \\_x\\_", "2 * 3 and _x_"],
    [
      "soft-wrapped lines joined",
      "Georgia reopened its\nembassy on Monday.",
      "Georgia reopened its embassy on Monday.",
    ],
    ["hard breaks kept", "First line  \nsecond line\\\nthird", "First line\nsecond line\nthird"],
    [
      "list items on lines of their own",
      "- one\n- two\n  continued\n3. three",
      "one\n\ntwo continued\n\nthree",
    ],
    ["task list boxes", "- [x] done item", "done item"],
    [
      "a wrapped line starting with a number is no list",
      "Signed in\n2024. Then ratified.",
      "Signed in 2024. Then ratified.",
    ],
    ["block quotes", '> "A good day," he said.\n> Then left.', '"A good day," he said. Then left.'],
    ["rules", "One\n\n---\n\nTwo\n\n* * *\n\nThree", "One\n\nTwo\n\nThree"],
    ["fenced code dropped", "Before\n\n```js\nconst x = 1;\n```\n\nAfter", "Before\n\nAfter"],
    [
      "tables as rows",
      "| Country | Trade |\n|---|---:|\n| Georgia | 12% |",
      "Country; Trade\n\nGeorgia; 12%",
    ],
    ["setext level-2 headings", "Talks resume\n---\nBody text.", "Talks resume\n\nBody text."],
    [
      "a setext heading over two lines",
      "Talks resume\nin Baku\n===\n\nBody.",
      "Talks resume in Baku\n\nBody.",
    ],
    [
      "nested lists",
      "- Georgia\n  - Tbilisi\n  - Batumi\n- Armenia",
      "Georgia\n\nTbilisi\n\nBatumi\n\nArmenia",
    ],
    ["loose ordered lists", "1. First point.\n\n2. Second\n   point.", "First point.\n\nSecond point."],
    ["a list item of two paragraphs", "- Talks began.\n\n  They ended.", "Talks began.\n\nThey ended."],
    ["a numbered line inside a paragraph", "The talks\n1. began", "The talks\n\nbegan"],
    [
      "links with markup inside",
      "[The **foreign** ministry](https://mfa.example) said",
      "The foreign ministry said",
    ],
    ["links with a title on the next line", '[Baku](https://x.az\n"Capital") hosted', "Baku hosted"],
    ["collapsed reference links", "[Baku][] hosted\n\n[baku]: https://x.az", "Baku hosted"],
    ["shortcut reference links", "[Baku] hosted\n\n[baku]: <https://x.az> 'Capital'", "Baku hosted"],
    ["brackets that are no link", "[sic] and [1]", "[sic] and [1]"],
    ["tilde fences dropped", "Before\n\n~~~\ncode\n~~~\n\nAfter", "Before\n\nAfter"],
    ["an unclosed fence drops the rest", "Before\n\n```\ncode\n\nmore", "Before"],
    [
      "indented paragraphs kept as text",
      "Said:\n\n    Georgia reopened its\n    embassy.\n\n    Then left.",
      "Said:\n\nGeorgia reopened its embassy.\n\nThen left.",
    ],
    [
      "tables with markup, escaped pipes and empty cells",
      "Country | Trade | Note\n--- | --- | ---\n**Georgia** | 12 \\| 14% |\n[Armenia](a.html) | `9%` | up",
      "Country; Trade; Note\n\nGeorgia; 12 | 14%\n\nArmenia; 9%; up",
    ],
    ["a table after a paragraph", "Trade:\n\n| a | b |\n|---|---|\n| c | d |", "Trade:\n\na; b\n\nc; d"],
    [
      "HTML blocks to their text",
      '<div class="note">\nTalks <b>resumed</b>\non Monday.\n</div>',
      "Talks resumed on Monday.",
    ],
    ["paragraphs of an HTML block", "<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."],
    ["HTML comments dropped", "Before\n\n<!-- draft:\nnot for print -->\n\nAfter", "Before\n\nAfter"],
    ["scripts and styles dropped", "<script>\nvar x = 1;\n</script>\n<style>p{}</style>\n\nText", "Text"],
    ["nested block quotes", "> Baku said:\n> > Talks resume.\n\nEnd", "Baku said:\n\nTalks resume.\n\nEnd"],
  ])("%s", (_, markdown, expected) => {
    expect(text(markdown)).toBe(expected);
  });

  it("reads title, date and outlet from front matter, which is not text", () => {
    expect(
      markdownToText('---\ntitle: "Embassy reopens"\ndate: 2024-07\nsource: Example Wire\n---\nBody.'),
    ).toEqual({
      ok: true,
      text: "Body.",
      title: "Embassy reopens",
      date: "2024-07",
      outlet: "Example Wire",
    });
  });

  it("treats a rule without a closing one as text, not front matter", () => {
    expect(markdownToText("---\nBody.")).toEqual({
      ok: true,
      text: "Body.",
      title: null,
      date: null,
      outlet: null,
    });
  });

  it("accepts CRLF line ends", () => {
    expect(text("# Title\r\n\r\nBody\r\ntext.")).toBe("Title\n\nBody text.");
    expect(markdownToText("---\r\nTitle: Talks\r\npublished: '2024-07-01'\r\n...\r\n\r\nBody\r\n")).toEqual({
      ok: true,
      text: "Body",
      title: "Talks",
      date: "2024-07-01",
      outlet: null,
    });
  });

  it.each([
    ["an empty block", "---\n---\nBody.", { title: null, date: null, outlet: null }],
    ["keys without values", "---\ntitle:\ndate:\n---\nBody.", { title: null, date: null, outlet: null }],
    ["`published` before `date`", "---\ndate: 2023\npublished: 2024\n---\nBody.", { date: "2024" }],
    [
      "other keys, lists among them",
      "---\ntags: [a, b]\nauthor: {name: X}\noutlet: Wire\n---\nBody.",
      { outlet: "Wire" },
    ],
    [
      "folded values",
      "---\ntitle: >\n  Talks resume\n  in Baku\n---\nBody.",
      { title: "Talks resume in Baku" },
    ],
  ])("reads front matter with %s", (_, markdown, fields) => {
    expect(markdownToText(markdown)).toMatchObject({ ok: true, text: "Body.", ...fields });
  });

  it.each([
    ["a colon in an unquoted value", "---\ntitle: Baku: talks resume\n---\nBody.", 2, "Nested mappings"],
    ["an unclosed quote", '---\noutlet: Wire\ntitle: "Talks\n---\nBody.', 4, "Missing closing"],
    ["a repeated key", "---\ntitle: A\ndate: 2024\ntitle: B\n---\nBody.", 4, "Map keys must be unique"],
    [
      "a list for a title",
      "---\ndate: 2024\ntitle:\n  - A\n  - B\n---\nBody.",
      4,
      "title should be a single value",
    ],
    ["text that is no mapping", "---\nTalks resume\n---\nBody.", 2, "not a list of `key: value` lines"],
    ["CRLF line ends", "---\r\ndate: 2024\r\ntitle: a: b\r\n---\r\nBody.", 3, "Nested mappings"],
  ])("refuses front matter with %s, naming its line", (_, markdown, line, message) => {
    const result = markdownToText(markdown);
    expect(result).toMatchObject({ ok: false, line });
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("reads what follows nesting past the parser's cap, in linear time", () => {
    const started = performance.now();
    expect(text(`${"> ".repeat(30)}Quoted 30 deep\n\n${">".repeat(100_000)} Too deep\n\nAfter`)).toBe(
      "Quoted 30 deep\n\nAfter",
    );
    expect(text(`${"*".repeat(50_000)}Baku${"*".repeat(50_000)} said`)).toBe("Baku said");
    expect(text(`${"[".repeat(50_000)}Baku${"](x)".repeat(50_000)}`)).toContain("Baku");
    // micromark took two minutes on the 100,000 quotes and then overflowed the stack (see the README).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
