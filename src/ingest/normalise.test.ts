import { describe, expect, it } from "vitest";
import { hasText, normaliseText } from "./normalise.ts";

describe("normaliseText", () => {
  it.each([
    ["composes to NFC", "Cafe\u0301 in Baku", "Café in Baku"],
    ["turns CRLF and CR into LF", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["turns Unicode line and paragraph separators into LF", "one\u2028two\u2029three", "one\ntwo\nthree"],
    ["drops a byte order mark", "\uFEFFBaku", "Baku"],
    ["drops control characters but keeps tabs", "a\u0000b\u0007c\td\u001Be\u009Ff", "abc\tdef"],
    ["drops soft hyphens and zero-width spaces", "diplo\u00ADmat zero\u200Bwidth", "diplomat zerowidth"],
    ["turns no-break spaces into spaces", "Tel\u00A0Aviv 5\u202Fkm", "Tel Aviv 5 km"],
    ["drops trailing spaces of each line", "first line  \t\nsecond line ", "first line\nsecond line"],
    ["keeps one blank line between paragraphs", "one\n\n\n\n\ntwo", "one\n\ntwo"],
    ["drops leading and trailing blank lines", "\n\n  \nbody\n\n\n", "body"],
    ["keeps indentation", "  indented", "  indented"],
  ])("%s", (_, raw, expected) => {
    expect(normaliseText(raw)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = normaliseText("\uFEFFa  \r\n\r\n\r\nb\u00A0c\u0301\u0000");
    expect(normaliseText(once)).toBe(once);
  });
});

describe("hasText", () => {
  it.each([
    ["", false],
    [" \n\t", false],
    ["— … !", false],
    ["a", true],
    ["42", true],
    ["Баку", true],
  ])("%j -> %s", (text, expected) => {
    expect(hasText(text)).toBe(expected);
  });
});
