import { describe, expect, it } from "vitest";
import { fixtureRecords } from "../../test/analysis/fixture-kb.ts";
import { parseXml } from "../../test/analysis/xml-dom.ts";
import { xmlProblems } from "../../test/analysis/xml-well-formed.ts";
import { createGexfFormat, xmlEscape } from "./gexf.ts";

async function exportGexf(): Promise<string> {
  const format = createGexfFormat({ now: () => new Date("2026-03-05T12:00:00Z") });
  let out = "";
  for await (const chunk of format.write(fixtureRecords(), {
    includeText: false,
    types: format.types(null),
  })) {
    out += chunk;
  }
  return out;
}

describe("gexf export", () => {
  it("writes well-formed GEXF 1.3", async () => {
    const xml = await exportGexf();
    expect(xmlProblems(xml)).toEqual([]);
    const doc = parseXml(xml);
    const root = doc.find("gexf");
    expect(root?.attr("xmlns")).toBe("http://gexf.net/1.3");
    expect(root?.attr("version")).toBe("1.3");
    expect(doc.find("meta")?.attr("lastmodifieddate")).toBe("2026-03-05");
    const graph = doc.find("graph");
    expect([graph?.attr("mode"), graph?.attr("timeformat")]).toEqual(["dynamic", "date"]);
  });

  it("has states as nodes and directed dyads as weighted edges with monthly spells", async () => {
    const doc = parseXml(await exportGexf());
    const nodes = doc.findAll("node").map((n) => `${n.attr("id")}:${n.attr("label")}`);
    expect(nodes).toEqual(["AZE:Azerbaijan", "IRN:Iran", "ISR:Israel"]);
    const edge = (id: string) => doc.findAll("edge").find((e) => e.attr("id") === id);
    // The expulsion (three reports) counts once, with the repair visit a year later.
    const iranToAzerbaijan = edge("IRN->AZE");
    expect(iranToAzerbaijan?.attr("weight")).toBe("2");
    expect(
      (iranToAzerbaijan?.findAll("spell") ?? []).map((s) => `${s.attr("start")}..${s.attr("end")}`),
    ).toEqual(["2023-04-01..2023-04-30", "2024-05-01..2024-05-31"]);
    const monthly = (iranToAzerbaijan?.findAll("attvalue") ?? [])
      .filter((a) => a.attr("for") === "monthGoldstein")
      .map((a) => `${a.attr("start")}=${a.attr("value")}`);
    expect(monthly).toEqual(["2023-04-01=-7", "2024-05-01=2.8"]);
    // A year-dated event counts in the edge but gets no spell.
    expect(edge("ISR->AZE")?.findAll("spell")).toHaveLength(0);
    expect(edge("ISR->AZE")?.attr("weight")).toBe("1");
    // The person acting for Azerbaijan is drawn as Azerbaijan.
    expect(edge("AZE->ISR")?.attr("weight")).toBe("1");
  });
});

describe("xmlEscape", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`a & b <c> "d" 'e'\u0001\n`)).toBe(
      "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#10;",
    );
    expect(xmlProblems(`<a x="${xmlEscape("\ud800 & <\u0007>")}"/>`)).toEqual([]);
  });
});
