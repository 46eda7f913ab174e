import { describe, expect, it } from "vitest";
import { markdownToText } from "./markdown.ts";

const text = (markdown: string): string => markdownToText(markdown).text;

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
  ])("%s", (_, markdown, expected) => {
    expect(text(markdown)).toBe(expected);
  });

  it("reads title, date and outlet from front matter, which is not text", () => {
    expect(
      markdownToText('---\ntitle: "Embassy reopens"\ndate: 2024-07\nsource: Example Wire\n---\nBody.'),
    ).toEqual({
      text: "Body.",
      title: "Embassy reopens",
      date: "2024-07",
      outlet: "Example Wire",
    });
  });

  it("treats a rule without a closing one as text, not front matter", () => {
    expect(markdownToText("---\nBody.")).toEqual({ text: "Body.", title: null, date: null, outlet: null });
  });

  it("accepts CRLF line ends", () => {
    expect(text("# Title\r\n\r\nBody\r\ntext.")).toBe("Title\n\nBody text.");
  });
});
