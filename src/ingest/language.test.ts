import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLanguageDetector } from "./language.ts";
import { loadFunctionWords } from "./language-data.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FOREIGN = join(ROOT, "test", "fixtures", "ingest", "foreign");
const SEEDS = join(ROOT, "..", "shared", "seeds");
const detect = createLanguageDetector(loadFunctionWords());

describe("language detection", () => {
  // One-sentence news items, where trigram statistics alone are unreliable.
  it.each([
    "Jordan and Britain have agreed to hold joint naval exercises next month, an official said.",
    "Iraqi troops fired on protesters in Basra on Monday.",
    "Some 300,000 refugees crossed into Turkey last week.",
    "Egypt recalled its ambassador from Tel Aviv after the raid.",
    "The European Union imposed new sanctions on Belarus over the crackdown.",
    "Azerbaijani President Ilham Aliyev received the Israeli foreign minister in Baku.",
    "Iran accused Azerbaijan of allowing Israeli operations from its territory.",
    "Arab League envoy Amr Moussa undertook a mediation mission between Syria and Lebanon.",
    "UN Secretary-General visits Kabul.",
    "Two soldiers killed in border clash.",
    "UN envoy Staffan de Mistura met Assad in Damascus.",
    "Turkish President Recep Tayyip Erdoğan met Putin in Sochi on Friday.",
  ])("accepts %j", (sentence) => {
    expect(detect(sentence)).toEqual({ language: "eng", english: true });
  });

  it.each([
    ["french.txt", "fra"],
    ["german.txt", "deu"],
    ["russian.txt", "rus"],
    ["azerbaijani.txt", "azj"],
  ])("rejects the paragraph %s as %s", (file, language) => {
    expect(detect(readFileSync(join(FOREIGN, file), "utf8"))).toEqual({ language, english: false });
  });

  it.each(["french.txt", "german.txt", "russian.txt", "azerbaijani.txt"])(
    "rejects the first sentence of %s alone",
    (file) => {
      const sentence = readFileSync(join(FOREIGN, file), "utf8").split(". ")[0] ?? "";
      expect(detect(`${sentence}.`).english).toBe(false);
    },
  );

  it.each([
    [
      "Spanish",
      "El presidente de Azerbaiyán recibió el martes en Bakú al ministro de Asuntos Exteriores de Israel.",
    ],
    [
      "Italian",
      "Il presidente dell'Azerbaigian ha ricevuto martedì a Baku il ministro degli Esteri israeliano.",
    ],
    ["Turkish", "Azerbaycan Cumhurbaşkanı Salı günü Bakü'de İsrail Dışişleri Bakanı'nı kabul etti."],
    ["Persian", "رئیس جمهور آذربایجان روز سه شنبه وزیر امور خارجه اسرائیل را در باکو به حضور پذیرفت."],
  ])("rejects a %s sentence", (_, sentence) => {
    expect(detect(sentence).english).toBe(false);
  });

  it("says und for text without letters", () => {
    expect(detect("12 345 — 67")).toEqual({ language: "und", english: false });
  });

  it("reads only the start of a long text", () => {
    const english =
      "Azerbaijan and Georgia signed a transit agreement with the support of their neighbours. ";
    const german = "Der Präsident hat am Dienstag in Baku den Außenminister empfangen. ";
    expect(detect(english.repeat(60) + german.repeat(500)).english).toBe(true);
  });

  describe.skipIf(!existsSync(SEEDS))("the seed articles", () => {
    const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((name) => name.endsWith(".txt")) : [];
    it.each(seeds)("accepts %s", (name) => {
      expect(detect(readFileSync(join(SEEDS, name), "utf8")).english).toBe(true);
    });
  });
});

describe("loadFunctionWords", () => {
  it("loads two lists of lower-case words that leave out words both languages use", () => {
    const { english, foreign } = loadFunctionWords();
    expect(english.size).toBeGreaterThan(50);
    expect(foreign.size).toBeGreaterThan(50);
    expect(english.has("the")).toBe(true);
    expect(foreign.has("der")).toBe(true);
    for (const shared of ["a", "in", "on", "die", "was", "will", "so", "no", "per"]) {
      expect(english.has(shared) || foreign.has(shared)).toBe(false);
    }
  });
});
