import { describe, expect, it } from "vitest";
import { xmlProblems } from "./xml-well-formed.ts";

describe("xmlProblems", () => {
  it.each([
    ['<?xml version="1.0"?><a x="1"><b/>text &amp; more<!-- c --></a>', 0],
    ["<a><b></a>", 2],
    ["<a>x & y</a>", 1],
    ['<a x="1" x="2"/>', 1],
    ["<a x=1/>", 1],
    ["<a/><b/>", 1],
    ['<a x="<"/>', 1],
  ])("%s has %d problem(s)", (xml, count) => {
    expect(xmlProblems(xml)).toHaveLength(count);
  });
});
