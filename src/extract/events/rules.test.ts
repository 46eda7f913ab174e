import { describe, expect, it } from "vitest";
import { countryCodeOrThrow } from "../../core/records.ts";
import { composeMatches } from "./complements.ts";
import { createEventMemory } from "./memory.ts";
import { findMatches } from "./match.ts";
import { codeInFrame, type Frame } from "./modality.ts";
import {
  actOf,
  classify,
  compoundActsAmongItself,
  agentObject,
  concessionAtHome,
  isBackground,
  isCodable,
  protestNeedsPeopleOrTarget,
  refusalDefiesPressure,
  soleStateActs,
  stateProtestIsFormal,
  threatAimsAtCondition,
  type Act,
  type MatchContext,
} from "./rules.ts";
import { createSentenceView } from "./sentence-view.ts";
import { sentenceWith, testLexicon, type ActorSpec } from "./testing.ts";

/** The context of the match triggered at `trigger` (its first word) in `text`. */
function contextAt(text: string, actors: readonly ActorSpec[], trigger: string): MatchContext {
  const lexicon = testLexicon();
  const sentence = sentenceWith(text, actors);
  const view = createSentenceView(sentence, lexicon.cues, (word) => lexicon.patternsFor(word).length > 0);
  const matches = findMatches(view, lexicon);
  const composition = composeMatches(view, matches, lexicon);
  const match = matches.find((m) => view.words[m.trigger] === trigger);
  if (!match) throw new Error(`no match at "${trigger}" in "${text}"`);
  const complement = composition.complementOf(match);
  return { view, sentence, lexicon, memory: undefined, composition, match, complement };
}

function actAt(context: MatchContext): Act {
  const act = actOf(context);
  if (!act) throw new Error("no act");
  return act;
}

/** The countries of a list of phrases. */
const countries = (groups: Act["roles"]["sources"]): string[] =>
  groups.flatMap((g) => g.mentions.map((m) => m.country ?? "?"));

const FRAME: Frame = {
  negated: false,
  future: false,
  hypothetical: false,
  alleged: false,
  planned: false,
  habitual: false,
  governor: -1,
};

describe("codeInFrame", () => {
  const lexicon = testLexicon();
  it("keeps an asserted act as it is", () => {
    expect(codeInFrame("042", FRAME, lexicon)).toEqual({ code: "042", modality: "asserted" });
  });
  it("folds an announced act into an intent (03)", () => {
    expect(codeInFrame("042", { ...FRAME, future: true }, lexicon)?.code.slice(0, 2)).toBe("03");
  });
  it("folds an announced act that is negated into a refusal (12)", () => {
    expect(codeInFrame("042", { ...FRAME, future: true, negated: true }, lexicon)?.code.slice(0, 2)).toBe(
      "12",
    );
  });
  it("leaves a stance root announced as it is", () => {
    expect(codeInFrame("130", { ...FRAME, future: true }, lexicon)).toEqual({
      code: "130",
      modality: "asserted",
    });
  });
  it("drops habitual background", () => {
    expect(codeInFrame("042", { ...FRAME, habitual: true }, lexicon)).toBeNull();
  });
});

describe("composition", () => {
  it("folds a governor's complement into its code and does not code the complement alone", () => {
    const context = contextAt(
      "Iran agreed to meet Azerbaijan in Baku.",
      [
        { text: "Iran", country: "IRN" },
        { text: "Azerbaijan", country: "AZE" },
      ],
      "agreed",
    );
    expect(context.complement).toBeDefined();
    expect(context.composition.codeOf(context.match)).toMatch(/^03/);
    const complement = context.complement;
    if (complement) expect(context.composition.isComplement(complement)).toBe(true);
    expect(isCodable(context)).toBe(true);
  });
});

describe("isBackground", () => {
  const actors = [
    { text: "Ghana", country: "GHA" },
    { text: "Togo", country: "TGO" },
  ];
  it("reads a bare present as background inside an article, as a report in its headline or lede", () => {
    const lede = contextAt("Ghana sends troops to Togo.", actors, "sends");
    expect(isBackground(lede)).toBe(false);
    const later = { ...lede, sentence: { ...lede.sentence, index: 3 } };
    expect(isBackground(later)).toBe(true);
  });
});

describe("party rules", () => {
  it("stateProtestIsFormal: a state's protest is a formal protest (114), people's stays a protest", () => {
    const state = contextAt(
      "Azerbaijan protested against the Iranian drills.",
      [
        { text: "Azerbaijan", country: "AZE" },
        { text: "Iranian", country: "IRN" },
      ],
      "protested",
    );
    expect(stateProtestIsFormal(state, actAt(state)).code).toBe("114");
    const people = contextAt(
      "Azerbaijani protesters protested against the Iranian drills.",
      [
        { text: "Azerbaijani", country: "AZE", via: "demonym" },
        { text: "Iranian", country: "IRN" },
      ],
      "protested",
    );
    const act = actAt(people);
    expect(stateProtestIsFormal(people, act).code).toBe(act.code);
  });

  it("compoundActsAmongItself: a mutual act of a compound has no outside target", () => {
    const context = contextAt(
      "Georgia and Armenia signed an accord in Russia.",
      [
        { text: "Georgia", country: "GEO" },
        { text: "Armenia", country: "ARM" },
        { text: "Russia", country: "RUS" },
      ],
      "signed",
    );
    const act = actAt(context);
    const withTarget = { ...act, roles: { sources: act.roles.sources, targets: act.roles.sources } };
    expect(compoundActsAmongItself(context, withTarget).roles.targets).toEqual([]);
  });

  it("threatAimsAtCondition: a threat without a target is aimed at the party of its condition", () => {
    const context = contextAt(
      "Turkey threatened to retaliate unless Greece withdrew its ships.",
      [
        { text: "Turkey", country: "TUR" },
        { text: "Greece", country: "GRC" },
      ],
      "threatened",
    );
    const act = actAt(context);
    const untargeted = { ...act, roles: { sources: act.roles.sources, targets: [] } };
    expect(countries(threatAimsAtCondition(context, untargeted).roles.targets)).toEqual(["GRC"]);
  });

  it("threatAimsAtCondition: so is a refusal until another party acts, not an appeal", () => {
    const context = contextAt(
      "Chile said it would not lift the embargo until Bolivia freed the prisoners.",
      [
        { text: "Chile", country: "CHL" },
        { text: "Bolivia", country: "BOL" },
      ],
      "lift",
    );
    const act = actAt(context);
    const untargeted = { ...act, roles: { sources: act.roles.sources, targets: [] } };
    const refusal = { ...untargeted, code: "1241" };
    expect(countries(threatAimsAtCondition(context, refusal).roles.targets)).toEqual(["BOL"]);
    const appeal = { ...untargeted, code: "020" };
    expect(threatAimsAtCondition(context, appeal).roles.targets).toEqual([]);
  });

  it("refusalDefiesPressure: a refusal without a target defies the party pressing for the act", () => {
    const context = contextAt(
      "The Peruvian interior minister refused to resign despite mounting pressure from Peru's Congress.",
      [
        { text: "Peruvian interior minister", country: "PER" },
        { text: "Peru's Congress", country: "PER" },
      ],
      "refused",
    );
    const act = actAt(context);
    expect(act.code.slice(0, 2)).toBe("12");
    expect(countries(refusalDefiesPressure(context, act).roles.targets)).toEqual(["PER"]);
    // Only a refusal: a visit despite another party's objections is no act upon it.
    const visit = contextAt(
      "Chile's president visited the island despite objections from Bolivia.",
      [
        { text: "Chile's president", country: "CHL" },
        { text: "Bolivia", country: "BOL" },
      ],
      "visited",
    );
    expect(refusalDefiesPressure(visit, actAt(visit)).roles.targets).toEqual([]);
  });
});

describe("event rules", () => {
  const march = contextAt("Chile protested.", [{ text: "Chile", country: "CHL" }], "protested");

  it("protestNeedsPeopleOrTarget: a state's protest with no one it is against is dropped", () => {
    const act = classify(march, { code: "140", modality: "asserted", roles: actAt(march).roles });
    expect(protestNeedsPeopleOrTarget(march, { ...act, domestic: false })).toBeNull();
    expect(protestNeedsPeopleOrTarget(march, { ...act, domestic: true })).not.toBeNull();
  });

  it("concessionAtHome: a concession to no one of another state is domestic", () => {
    const act = classify(march, { code: "081", modality: "asserted", roles: actAt(march).roles });
    expect(concessionAtHome(march, { ...act, domestic: false })?.domestic).toBe(true);
    const appeal = classify(march, { code: "020", modality: "asserted", roles: actAt(march).roles });
    expect(concessionAtHome(march, { ...appeal, domestic: false })?.domestic).toBe(false);
  });

  it("agentObject: an act on people no actor names is on the state of the place, else stands alone", () => {
    const placed = contextAt(
      "Rebels of the Front ambushed and killed 12 villagers in Chad on Sunday.",
      [
        { text: "Front", country: "TCD", kind: "organization" },
        { text: "Chad", country: "TCD" },
      ],
      "killed",
    );
    const act = classify(placed, actAt(placed));
    expect(
      countries(agentObject(placed, { ...act, roles: { ...act.roles, targets: [] } })?.roles.targets ?? []),
    ).toEqual(["TCD"]);

    const alone = contextAt(
      "Malian troops arrested 30 protesters.",
      [{ text: "Malian troops", country: "MLI" }],
      "arrested",
    );
    const lone = agentObject(alone, classify(alone, actAt(alone)));
    expect(lone?.roles.targets).toEqual([]);
    expect(lone?.standsAlone).toBe(true);

    const thing = contextAt(
      "Malian troops seized 30 rifles.",
      [{ text: "Malian troops", country: "MLI" }],
      "seized",
    );
    expect(agentObject(thing, classify(thing, actAt(thing)))?.standsAlone).toBe(false);
  });

  it("soleStateActs: an act on no one stands alone only where its state is the only one named", () => {
    const nigeria = { text: "Nigeria", country: "NGA" } as const;
    const lone = contextAt("Nigeria mobilised the army on Sunday.", [nigeria], "mobilised");
    const act = classify(lone, actAt(lone));
    expect(act.standsAlone).toBe(false);
    expect(soleStateActs(lone, act)?.standsAlone).toBe(true);

    const inDocument = { ...lone, memory: createEventMemory(["NGA", "CMR"].map(countryCodeOrThrow)) };
    expect(soleStateActs(inDocument, act)?.standsAlone).toBe(false);

    const told = contextAt(
      "Nigeria mobilised the army on Sunday, Cameroon said.",
      [nigeria, { text: "Cameroon", country: "CMR" }],
      "mobilised",
    );
    expect(soleStateActs(told, classify(told, actAt(told)))?.standsAlone).toBe(false);
  });

  it("soleStateActs: an act on its own state, where it is the only one named, is domestic", () => {
    const home = contextAt(
      "Nigeria imposed a curfew in Lagos.",
      [
        { text: "Nigeria", country: "NGA" },
        { text: "Lagos", country: "NGA" },
      ],
      "imposed",
    );
    const act = classify(home, { ...actAt(home), code: "1323" });
    const withTarget = { ...act, roles: { ...act.roles, targets: act.roles.sources }, domestic: false };
    expect(soleStateActs(home, withTarget)?.domestic).toBe(true);
    const inDocument = { ...home, memory: createEventMemory(["NGA", "CMR"].map(countryCodeOrThrow)) };
    expect(soleStateActs(inDocument, withTarget)?.domestic).toBe(false);
  });
});
