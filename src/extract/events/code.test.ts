import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../core/ids.ts";
import { countryCodeOrThrow, type Modality } from "../../core/records.ts";
import type { AnalysedSentence, EventDraft } from "../types.ts";
import { codeEvents } from "./code.ts";
import { createEventMemory } from "./memory.ts";
import { sentenceWith, testLexicon, type ActorSpec } from "./testing.ts";

/** A state named by its words. */
const s = (text: string, country: string, nth?: number): ActorSpec =>
  nth === undefined ? { text, country } : { text, country, nth };
/** A person of a state. */
const p = (text: string, country: string): ActorSpec => ({ text, country, kind: "person" });
/** An intergovernmental body. */
const igo = (text: string): ActorSpec => ({ text, country: "IGO", kind: "igo" });

function code(text: string, actors: readonly ActorSpec[]): EventDraft[] {
  return codeEvents(sentenceWith(text, actors), testLexicon());
}

/** The events of `text` in a document that also names `others` (states of other sentences). */
function codeAmong(text: string, actors: readonly ActorSpec[], others: readonly string[]): EventDraft[] {
  const sentence = sentenceWith(text, actors);
  const states = [...sentence.mentions.map((m) => m.country), ...others.map(countryCodeOrThrow)];
  return codeEvents(sentence, testLexicon(), createEventMemory(states));
}

/** The events of `later`, told `gap` sentences after `earlier` in one document. */
function codeAfter(earlier: AnalysedSentence, later: AnalysedSentence, gap = 1): EventDraft[] {
  const memory = createEventMemory([...earlier.mentions, ...later.mentions].map((m) => m.country));
  codeEvents({ ...earlier, index: 0 }, testLexicon(), memory);
  return codeEvents({ ...later, index: gap }, testLexicon(), memory);
}

/** `SRC>TGT:RR` for each event of the given modality (`-` for no target), sorted. */
function summary(events: readonly EventDraft[], modality: Modality = "asserted"): string[] {
  return events
    .filter((e) => e.modality === modality)
    .map((e) => `${e.source.country ?? "?"}>${e.target?.country ?? "-"}:${e.cameo.slice(0, 2)}`)
    .sort();
}

type Row = readonly [sentence: string, actors: readonly ActorSpec[], expected: readonly string[]];

// Two or more sentences of our own for every CAMEO root: the asserted events each must give, exactly.
const roots: Record<string, readonly Row[]> = {
  "01 statements": [
    [
      "Georgia denied any involvement in the sabotage of the Armenian pipeline.",
      [s("Georgia", "GEO"), s("Armenian", "ARM")],
      ["GEO>ARM:01"],
    ],
    [
      "The Kenyan president expressed condolences to Ethiopia after the floods.",
      [s("Kenyan president", "KEN"), s("Ethiopia", "ETH")],
      ["KEN>ETH:01"],
    ],
    // Concern is a pessimistic comment (012), as in PETRARCH's dictionary, not disapproval.
    [
      "The Kenyan foreign minister voiced concern over the drought in Somalia.",
      [s("Kenyan foreign minister", "KEN"), s("Somalia", "SOM")],
      ["KEN>SOM:01"],
    ],
  ],
  "02 appeal": [
    [
      "Qatar called on Sudan to release the detained aid workers.",
      [s("Qatar", "QAT"), s("Sudan", "SDN")],
      ["QAT>SDN:02"],
    ],
    [
      "The Philippines urged China to respect the arbitration ruling.",
      [s("Philippines", "PHL"), s("China", "CHN")],
      ["PHL>CHN:02"],
    ],
    ["Chile appealed to Peru for calm on Sunday.", [s("Chile", "CHL"), s("Peru", "PER")], ["CHL>PER:02"]],
  ],
  "03 intent": [
    [
      "Norway offered to mediate between Colombia and the rebels.",
      [s("Norway", "NOR"), s("Colombia", "COL")],
      ["NOR>COL:03"],
    ],
    [
      "Brazil pledged to send food aid to Haiti next month.",
      [s("Brazil", "BRA"), s("Haiti", "HTI")],
      ["BRA>HTI:03"],
    ],
    [
      "The Vietnamese prime minister will visit Laos in May, his office said.",
      [s("Vietnamese prime minister", "VNM"), s("Laos", "LAO")],
      ["VNM>LAO:03"],
    ],
    [
      "Canada and Mexico agreed to hold joint naval drills.",
      [s("Canada", "CAN"), s("Mexico", "MEX")],
      ["CAN>MEX:03", "MEX>CAN:03"],
    ],
  ],
  "04 consult": [
    [
      "The Austrian chancellor visited Slovenia on Tuesday.",
      [s("Austrian chancellor", "AUT"), s("Slovenia", "SVN")],
      ["AUT>SVN:04"],
    ],
    [
      "Estonia's foreign minister met his Latvian counterpart in Riga.",
      [s("Estonia", "EST"), s("Latvian counterpart", "LVA"), s("Riga", "LVA")],
      ["EST>LVA:04", "LVA>EST:04"],
    ],
    [
      "A Moroccan delegation arrived in Dakar for two days of talks.",
      [s("Moroccan delegation", "MAR"), s("Dakar", "SEN")],
      ["MAR>SEN:04"],
    ],
    [
      "The Swedish king hosted the Finnish president at the palace.",
      [s("Swedish king", "SWE"), s("Finnish president", "FIN")],
      ["SWE>FIN:04"],
    ],
  ],
  "05 diplomatic cooperation": [
    [
      "Uruguay established diplomatic relations with Bhutan in 2019.",
      [s("Uruguay", "URY"), s("Bhutan", "BTN")],
      ["BTN>URY:05", "URY>BTN:05"],
    ],
    [
      "Portugal praised Angola's handling of the election.",
      [s("Portugal", "PRT"), s("Angola", "AGO")],
      ["PRT>AGO:05"],
    ],
    [
      "Tunisia and Libya signed a border agreement on Monday.",
      [s("Tunisia", "TUN"), s("Libya", "LBY")],
      ["LBY>TUN:05", "TUN>LBY:05"],
    ],
    ["Ghana opened an embassy in Seoul last year.", [s("Ghana", "GHA"), s("Seoul", "KOR")], ["GHA>KOR:05"]],
  ],
  "06 material cooperation": [
    // Whoever is trained, pilots or police as much as troops.
    [
      "Chilean instructors trained Peruvian pilots.",
      [s("Chilean", "CHL"), s("Peruvian", "PER")],
      ["CHL>PER:06"],
    ],
    [
      "The navies of Chile and Peru performed joint war games off Arica.",
      [s("Chile", "CHL"), s("Peru", "PER")],
      ["CHL>PER:06", "PER>CHL:06"],
    ],
    [
      "Greece and Cyprus cooperated closely on maritime security last year.",
      [s("Greece", "GRC"), s("Cyprus", "CYP")],
      ["CYP>GRC:06", "GRC>CYP:06"],
    ],
    [
      "Denmark shared intelligence with Norway about the smuggling ring.",
      [s("Denmark", "DNK"), s("Norway", "NOR")],
      ["DNK>NOR:06", "NOR>DNK:06"],
    ],
    [
      "Serbia extradited two suspects to Montenegro on Friday.",
      [s("Serbia", "SRB"), s("Montenegro", "MNE")],
      ["SRB>MNE:06"],
    ],
  ],
  "07 aid": [
    [
      "Japan sent humanitarian supplies to Nepal after the earthquake.",
      [s("Japan", "JPN"), s("Nepal", "NPL")],
      ["JPN>NPL:07"],
    ],
    [
      "Kuwait granted a loan of $300 million to Jordan.",
      [s("Kuwait", "KWT"), s("Jordan", "JOR")],
      ["KWT>JOR:07"],
    ],
    [
      "Norway paid 40 million dollars in flood aid to Bangladesh.",
      [s("Norway", "NOR"), s("Bangladesh", "BGD")],
      ["NOR>BGD:07"],
    ],
  ],
  "08 yield": [
    [
      "Belarus released three Lithuanian citizens on Thursday.",
      [s("Belarus", "BLR"), s("Lithuanian citizens", "LTU")],
      ["BLR>LTU:08"],
    ],
    // Released with no agent named: by the state where they were held.
    [
      "Three Lithuanian citizens were released in Belarus on Thursday.",
      [s("Lithuanian citizens", "LTU"), s("Belarus", "BLR")],
      ["BLR>LTU:08"],
    ],
    [
      "Russia withdrew its troops from Moldova's border region.",
      [s("Russia", "RUS"), s("Moldova", "MDA")],
      ["RUS>MDA:08"],
    ],
    [
      "Egypt lifted its sanctions on Qatar in January.",
      [s("Egypt", "EGY"), s("Qatar", "QAT")],
      ["EGY>QAT:08"],
    ],
    [
      "Laos let free two Thai activists and an employee of the Thai embassy.",
      [s("Laos", "LAO"), s("Thai activists", "THA")],
      ["LAO>THA:08"],
    ],
    ["Peru bowed to pressure from Chile.", [s("Peru", "PER"), s("Chile", "CHL")], ["PER>CHL:08"]],
    ["The Bolivian president conceded defeat on Sunday.", [s("Bolivian president", "BOL")], ["BOL>BOL:08"]],
    // A hyphenated pattern word matches as the tokenizer splits it ("cease", "-", "fire").
    [
      "Peru announced a weeklong cease-fire with Chile.",
      [s("Peru", "PER"), s("Chile", "CHL")],
      ["PER>CHL:08"],
    ],
    // Sanctions named by a noun and lifted are eased, whether the verb is passive or a headline's.
    [
      "European Union sanctions against Belarus were lifted in May.",
      [igo("European Union"), s("Belarus", "BLR")],
      ["IGO>BLR:08"],
    ],
    ["Peru lifts embargo on Chilean wine", [s("Peru", "PER"), s("Chilean", "CHL")], ["PER>CHL:08"]],
    [
      "Sudan declared a cessation of hostilities with Chad.",
      [s("Sudan", "SDN"), s("Chad", "TCD")],
      ["SDN>TCD:08"],
    ],
  ],
  "09 investigate": [
    [
      "Dutch prosecutors opened an investigation into the Ukrainian airline.",
      [s("Dutch prosecutors", "NLD"), s("Ukrainian airline", "UKR")],
      ["NLD>UKR:09"],
    ],
    [
      "The IAEA sent inspectors to Syria to examine the site.",
      [igo("IAEA"), s("Syria", "SYR")],
      ["IGO>SYR:09"],
    ],
  ],
  "10 demand": [
    [
      "Lithuania demanded that Belarus close the nuclear plant.",
      [s("Lithuania", "LTU"), s("Belarus", "BLR")],
      ["LTU>BLR:10"],
    ],
    [
      "The Indian foreign minister said that Pakistan must hand over the suspects.",
      [s("Indian foreign minister", "IND"), s("Pakistan", "PAK")],
      ["IND>PAK:10"],
    ],
  ],
  "11 disapprove": [
    [
      "Algeria condemned Morocco's decision on Wednesday.",
      [s("Algeria", "DZA"), s("Morocco", "MAR")],
      ["DZA>MAR:11"],
    ],
    [
      "Azerbaijan accused Armenia of shelling its positions overnight.",
      [s("Azerbaijan", "AZE"), s("Armenia", "ARM")],
      ["AZE>ARM:11"],
    ],
    [
      "Bolivia lodged a formal protest with Chile over the border incident.",
      [s("Bolivia", "BOL"), s("Chile", "CHL")],
      ["BOL>CHL:11"],
    ],
  ],
  "12 reject": [
    [
      "Ethiopia rejected Egypt's proposal on the dam.",
      [s("Ethiopia", "ETH"), s("Egypt", "EGY")],
      ["ETH>EGY:12"],
    ],
    [
      "Hungary refused to meet the Ukrainian envoy.",
      [s("Hungary", "HUN"), s("Ukrainian envoy", "UKR")],
      ["HUN>UKR:12"],
    ],
    [
      "The rebels of Mali have long refused direct talks with Niger.",
      [s("rebels of Mali", "MLI"), s("Niger", "NER")],
      ["MLI>NER:12"],
    ],
    [
      "Russia vetoed the resolution drafted by France.",
      [s("Russia", "RUS"), s("France", "FRA")],
      ["RUS>FRA:12"],
    ],
  ],
  "13 threaten": [
    [
      "China threatened Lithuania with trade sanctions.",
      [s("China", "CHN"), s("Lithuania", "LTU")],
      ["CHN>LTU:13"],
    ],
    [
      "North Korea warned Japan against any military action.",
      [s("North Korea", "PRK"), s("Japan", "JPN")],
      ["PRK>JPN:13"],
    ],
    [
      "Turkey threatened to expel the Dutch ambassador.",
      [s("Turkey", "TUR"), s("Dutch ambassador", "NLD")],
      ["TUR>NLD:13"],
    ],
  ],
  "14 protest": [
    [
      "Thousands of Georgian students demonstrated against the Russian embassy.",
      [s("Georgian students", "GEO"), s("Russian embassy", "RUS")],
      ["GEO>RUS:14"],
    ],
    [
      "Kenyan protesters rallied in Nairobi on Saturday.",
      [s("Kenyan protesters", "KEN"), s("Nairobi", "KEN")],
      ["KEN>KEN:14"],
    ],
  ],
  "15 force posture": [
    [
      "India held military exercises near its border with China.",
      [s("India", "IND"), s("China", "CHN")],
      ["IND>CHN:15"],
    ],
    [
      "Russia deployed troops along the border with Finland.",
      [s("Russia", "RUS"), s("Finland", "FIN")],
      ["RUS>FIN:15"],
    ],
  ],
  "16 reduce relations": [
    [
      "Tehran expelled two Saudi diplomats on Sunday.",
      [s("Tehran", "IRN"), s("Saudi diplomats", "SAU")],
      ["IRN>SAU:16"],
    ],
    ["Bahrain severed ties with Qatar in 2017.", [s("Bahrain", "BHR"), s("Qatar", "QAT")], ["BHR>QAT:16"]],
    [
      "The European Union imposed sanctions on Belarus.",
      [igo("European Union"), s("Belarus", "BLR")],
      ["IGO>BLR:16"],
    ],
    ["Spain recalled its ambassador from Algeria.", [s("Spain", "ESP"), s("Algeria", "DZA")], ["ESP>DZA:16"]],
    // A passive's subject is the object a pattern names; those expelled "from" a state were expelled by it.
    [
      "Two Saudi diplomats were expelled from Iran.",
      [s("Saudi diplomats", "SAU"), s("Iran", "IRN")],
      ["IRN>SAU:16"],
    ],
    // Recalled "from" a state: its host, who did nothing.
    [
      "The Spanish ambassador was recalled from Algeria.",
      [s("Spanish ambassador", "ESP"), s("Algeria", "DZA")],
      [],
    ],
    [
      "European Union sanctions against Belarus were extended in May.",
      [igo("European Union"), s("Belarus", "BLR")],
      ["IGO>BLR:16"],
    ],
  ],
  "17 coerce": [
    [
      "Iranian authorities arrested a French tourist in Tabriz.",
      [s("Iranian authorities", "IRN"), s("French tourist", "FRA")],
      ["IRN>FRA:17"],
    ],
    [
      "Italy seized a Libyan tanker off Sicily.",
      [s("Italy", "ITA"), s("Libyan tanker", "LBY")],
      ["ITA>LBY:17"],
    ],
    [
      "Kuwait deported hundreds of Egyptian workers.",
      [s("Kuwait", "KWT"), s("Egyptian workers", "EGY")],
      ["KWT>EGY:17"],
    ],
  ],
  "18 assault": [
    [
      "Gunmen from Mali abducted two Nigerien engineers.",
      [s("Mali", "MLI"), s("Nigerien engineers", "NER")],
      ["MLI>NER:18"],
    ],
    [
      "Somali militants assassinated a Kenyan official in Mandera.",
      [s("Somali militants", "SOM"), s("Kenyan official", "KEN")],
      ["SOM>KEN:18"],
    ],
  ],
  "19 fight": [
    [
      "Ethiopian artillery shelled Eritrean positions overnight.",
      [s("Ethiopian artillery", "ETH"), s("Eritrean positions", "ERI")],
      ["ETH>ERI:19"],
    ],
    [
      "Armenian and Azerbaijani troops clashed on the border.",
      [s("Armenian", "ARM"), s("Azerbaijani troops", "AZE")],
      ["ARM>AZE:19", "AZE>ARM:19"],
    ],
    [
      "Russian warplanes bombed rebel positions in Idlib, Syria.",
      [s("Russian warplanes", "RUS"), s("Syria", "SYR")],
      ["RUS>SYR:19"],
    ],
    // After an adjective of guilt the gerund is an act done, by the guilty one.
    [
      "Chad was responsible for shelling the Sudanese border town.",
      [s("Chad", "TCD"), s("Sudanese", "SDN")],
      ["TCD>SDN:19"],
    ],
    // Facilities taken by armed force; the police seizing one is no fighting.
    [
      "Kenyan troops captured two border crossings from Somalia.",
      [s("Kenyan troops", "KEN"), s("Somalia", "SOM")],
      ["KEN>SOM:19"],
    ],
    [
      "Chilean police seized a refinery owned by a Peruvian firm.",
      [s("Chilean police", "CHL"), s("Peruvian", "PER")],
      [],
    ],
  ],
  "20 mass violence": [
    [
      "Myanmar's army committed massacres against the Rohingya in Bangladesh's border area.",
      [s("Myanmar", "MMR"), s("Bangladesh", "BGD")],
      ["MMR>BGD:20"],
    ],
    [
      "Serb forces ethnically cleansed Bosnian villages in 1992.",
      [s("Serb forces", "SRB"), s("Bosnian villages", "BIH")],
      ["SRB>BIH:20"],
    ],
  ],
};

describe("codeEvents: every CAMEO root", () => {
  for (const [name, rows] of Object.entries(roots)) {
    it.each(rows)(`${name}: %s`, (sentence, actors, expected) => {
      expect(summary(code(sentence, actors))).toEqual([...expected].sort());
    });
  }
});

describe("codeEvents: specific codes", () => {
  it.each([
    [
      "Tehran expelled two Saudi diplomats on Sunday.",
      [s("Tehran", "IRN"), s("Saudi diplomats", "SAU")],
      "161",
    ],
    [
      "Kuwait deported hundreds of Egyptian workers.",
      [s("Kuwait", "KWT"), s("Egyptian workers", "EGY")],
      "174",
    ],
    [
      "Azerbaijan accused Armenia of shelling its positions.",
      [s("Azerbaijan", "AZE"), s("Armenia", "ARM")],
      "1123",
    ],
    ["Serbia attacked Kosovo in 1998.", [s("Serbia", "SRB"), s("Kosovo", "XKX")], "190"],
    [
      "The Austrian chancellor visited Slovenia.",
      [s("Austrian chancellor", "AUT"), s("Slovenia", "SVN")],
      "042",
    ],
    [
      "Norway offered to mediate between Colombia and the rebels.",
      [s("Norway", "NOR"), s("Colombia", "COL")],
      "039",
    ],
    ["Estonia agreed to meet Latvia next week.", [s("Estonia", "EST"), s("Latvia", "LVA")], "036"],
    ["Turkey threatened to sever relations with Austria.", [s("Turkey", "TUR"), s("Austria", "AUT")], "1313"],
    [
      "Hungary refused to release the Ukrainian sailors.",
      [s("Hungary", "HUN"), s("Ukrainian sailors", "UKR")],
      "1243",
    ],
    ["Kenya has begun withdrawing its troops from Somalia.", [s("Kenya", "KEN"), s("Somalia", "SOM")], "087"],
    ["Chile returned two stolen paintings to Peru.", [s("Chile", "CHL"), s("Peru", "PER")], "0842"],
    // Troops sent to keep the peace: peacekeeping (074), not arms and troops (072) or a show of force (154).
    ["Kenya sent 500 troops to Somalia as peacekeepers.", [s("Kenya", "KEN"), s("Somalia", "SOM")], "074"],
    ["Kenya sent 500 troops to Somalia.", [s("Kenya", "KEN"), s("Somalia", "SOM")], "072"],
    [
      "Ghana announced the deployment of 200 soldiers to Mali for a peacekeeping mission.",
      [s("Ghana", "GHA"), s("Mali", "MLI")],
      "074",
    ],
    // An aside in brackets within a pattern's gap counts as one word.
    [
      "Chile granted 5 million pesos (about $6,000) in aid to Peru.",
      [s("Chile", "CHL"), s("Peru", "PER")],
      "070",
    ],
    // The recipient need not follow the relief goods: other things sent may stand between.
    [
      "Chile sent emergency supplies and rescue workers to Peru.",
      [s("Chile", "CHL"), s("Peru", "PER")],
      "073",
    ],
    ["Chile cut tariffs on Peruvian wine.", [s("Chile", "CHL"), s("Peruvian", "PER")], "085"],
    ["Chile launched cyber warfare against Peru.", [s("Chile", "CHL"), s("Peru", "PER")], "190"],
    ["Chile launched cyber-attacks on Peruvian banks.", [s("Chile", "CHL"), s("Peruvian", "PER")], "190"],
    ["Canada accepted 2,000 refugees from Syria.", [s("Canada", "CAN"), s("Syria", "SYR")], "075"],
    ["Japan lifted travel curbs on North Korea.", [s("Japan", "JPN"), s("North Korea", "PRK")], "081"],
    [
      "Ghanaian troops took part in peacekeeping operations in Mali.",
      [s("Ghanaian troops", "GHA"), s("Mali", "MLI")],
      "074",
    ],
    ["Peru freed a jailed Chilean blogger.", [s("Peru", "PER"), s("Chilean", "CHL")], "0841"],
    [
      "Sweden announced food assistance of 3 million euros to help villagers in Niger.",
      [s("Sweden", "SWE"), s("Niger", "NER")],
      "033",
    ],
  ] as const)("%s -> %s", (sentence, actors, expected) => {
    expect(code(sentence, actors).map((e) => e.cameo)).toContain(expected);
  });
});

describe("codeEvents: modality", () => {
  it.each([
    // negated
    [
      "Azerbaijan did not sever its ties with Israel.",
      [s("Azerbaijan", "AZE"), s("Israel", "ISR")],
      "negated",
      ["AZE>ISR:16"],
    ],
    ["Peru has never recognised Kosovo.", [s("Peru", "PER"), s("Kosovo", "XKX")], "negated", ["PER>XKX:05"]],
    // alleged: the accusation is asserted, its content is alleged
    [
      "Iran accused Azerbaijan of siding with Israel.",
      [s("Iran", "IRN"), s("Azerbaijan", "AZE"), s("Israel", "ISR")],
      "alleged",
      ["AZE>ISR:05"],
    ],
    [
      "Syrian troops allegedly shelled a Lebanese village.",
      [s("Syrian troops", "SYR"), s("Lebanese village", "LBN")],
      "alleged",
      ["SYR>LBN:19"],
    ],
    // a claim of an act, by its own actor or another, is not its report
    [
      "The Eritrean army claimed it had attacked Ethiopian positions near Badme.",
      [s("Eritrean army", "ERI"), s("Ethiopian positions", "ETH")],
      "alleged",
      ["ERI>ETH:19"],
    ],
    // hypothetical
    [
      "Greece could expel the Turkish ambassador.",
      [s("Greece", "GRC"), s("Turkish ambassador", "TUR")],
      "hypothetical",
      ["GRC>TUR:16"],
    ],
    [
      "If Kosovo declares independence, Serbia might attack Kosovo.",
      [s("Serbia", "SRB"), s("Kosovo", "XKX", 1)],
      "hypothetical",
      ["SRB>XKX:19"],
    ],
    [
      "Qatar called on Sudan to release the Chadian hostages.",
      [s("Qatar", "QAT"), s("Sudan", "SDN"), s("Chadian hostages", "TCD")],
      "hypothetical",
      ["SDN>TCD:08"],
    ],
    // a name spelt like a modal verb is not one
    [
      "Theresa May has visited Poland twice this year.",
      [p("Theresa May", "GBR"), s("Poland", "POL")],
      "asserted",
      ["GBR>POL:04"],
    ],
    // planned by someone else's account
    [
      "The Israeli president is expected to visit Baku in May.",
      [s("Israeli president", "ISR"), s("Baku", "AZE")],
      "planned",
      ["ISR>AZE:04"],
    ],
  ] as const)("%s: %s", (sentence, actors, modality, expected) => {
    const events = code(sentence, actors);
    expect(summary(events, modality)).toEqual(expected);
  });

  it("asserts the accusation but not what it accuses of", () => {
    const events = code("Iran accused Azerbaijan of allowing Israeli drone flights.", [
      s("Iran", "IRN"),
      s("Azerbaijan", "AZE"),
      s("Israeli", "ISR"),
    ]);
    expect(summary(events)).toEqual(["IRN>AZE:11"]);
  });

  it("codes 'would not' after a speech verb as a refusal, not as the act", () => {
    const events = code("Azerbaijan said it would not let Israel use its territory.", [
      s("Azerbaijan", "AZE"),
      s("Israel", "ISR"),
    ]);
    expect(events.filter((e) => e.modality === "asserted" && e.cameo.startsWith("08"))).toEqual([]);
  });
});

describe("codeEvents: actors", () => {
  it("reads the agent of a passive as the source", () => {
    const events = code("The Israeli minister was received by Azerbaijani President Ilham Aliyev.", [
      s("Israeli minister", "ISR"),
      p("Azerbaijani President Ilham Aliyev", "AZE"),
    ]);
    expect(summary(events)).toEqual(["AZE>ISR:04"]);
  });

  it.each<Row>([
    // A date before the verb is no noun it describes: the president lifted the curfew.
    [
      "The Peruvian president on Monday lifted by decree the curfew in Lima.",
      [s("Peruvian president", "PER"), s("Lima", "PER")],
      ["PER>PER:08"],
    ],
    // "by" and a measure is no agent.
    [
      "The Chilean government cut by 40 percent its aid to Bolivia.",
      [s("Chilean government", "CHL"), s("Bolivia", "BOL")],
      ["CHL>BOL:16"],
    ],
  ])("reads an active verb before 'by' as active: %s", (sentence, actors, expected) => {
    expect(summary(code(sentence, actors))).toEqual(expected);
  });

  it("reads a passive attack with its agent", () => {
    const events = code("A Turkish convoy was attacked by Syrian forces near Afrin.", [
      s("Turkish convoy", "TUR"),
      s("Syrian forces", "SYR"),
    ]);
    expect(summary(events)).toEqual(["SYR>TUR:19"]);
  });

  it("reads the subject before an apposition that ends in an acronym", () => {
    const events = code(
      "The Ecuadorian government, through the National Water Council (CNA), condemned Peru's dam project.",
      [s("Ecuadorian government", "ECU"), s("Peru", "PER")],
    );
    expect(summary(events)).toEqual(["ECU>PER:11"]);
  });

  it("reads a subject across the apostrophe of a plural possessive", () => {
    const events = code("Some 5,000 members of the Bolivian teachers' union stopped work on Monday.", [
      s("Bolivian", "BOL"),
    ]);
    expect(summary(events)).toEqual(["BOL>BOL:14"]);
  });

  it("reads a possessive pronoun's noun as the subject the pronoun stands for", () => {
    const events = code("Ethiopia said on Friday its troops had completed their withdrawal from Somalia.", [
      s("Ethiopia", "ETH"),
      s("Somalia", "SOM"),
    ]);
    expect(summary(events)).toEqual(["ETH>SOM:08"]);
    // Another verb's object is no subject of the verb after it: "their army" is not "the Chileans".
    const object = code(
      "Many Chileans credit foreign advisers with helping their army win the war in 1879 and retake Tacna in 1880.",
      [s("Chileans", "CHL"), s("Tacna", "PER")],
    );
    expect(summary(object)).toEqual([]);
  });

  it("gives one event per member of a compound actor", () => {
    const events = code("Hungarian and Romanian officials condemned Serbia's decision.", [
      s("Hungarian", "HUN"),
      s("Romanian officials", "ROU"),
      s("Serbia", "SRB"),
    ]);
    expect(summary(events)).toEqual(["HUN>SRB:11", "ROU>SRB:11"]);
  });

  it("gives both directions for a joint act", () => {
    const events = code("Kazakhstan and Uzbekistan jointly inaugurated a new railway bridge.", [
      s("Kazakhstan", "KAZ"),
      s("Uzbekistan", "UZB"),
    ]);
    expect(summary(events)).toEqual(["KAZ>UZB:05", "UZB>KAZ:05"]);
  });

  it("reads the parties of a noun event from 'between'", () => {
    const events = code("Clashes between Kyrgyz and Tajik border guards killed six people.", [
      s("Kyrgyz", "KGZ"),
      s("Tajik border guards", "TJK"),
    ]);
    expect(summary(events)).toEqual(expect.arrayContaining(["KGZ>TJK:19", "TJK>KGZ:19"]));
  });

  it("reads possessives and demonyms before an event noun", () => {
    const events = code("Israel's visit to Morocco drew protests.", [
      s("Israel", "ISR"),
      s("Morocco", "MAR"),
    ]);
    expect(summary(events)).toEqual(["ISR>MAR:04"]);
  });

  it("codes a state's act on itself, in a sentence of that state only, as domestic", () => {
    const events = code("Iran praised Iran's own restraint.", [s("Iran", "IRN"), s("Iran", "IRN", 1)]);
    expect(summary(events)).toEqual(["IRN>IRN:05"]);
  });

  it("codes a leader's act on his own state's policy or at a place of it as domestic", () => {
    const events = code("The Chilean president defended Chile's mining policy on Monday.", [
      p("Chilean president", "CHL"),
      s("Chile", "CHL", 1),
    ]);
    expect(summary(events)).toEqual(["CHL>CHL:05"]);
    const curfew = code("The Chilean president threatened to impose a curfew in Valparaiso.", [
      p("Chilean president", "CHL"),
      s("Valparaiso", "CHL"),
    ]);
    expect(summary(curfew)).toEqual(["CHL>CHL:13"]);
  });

  it("keeps a two-state sentence's own-state act out: its relation is elsewhere", () => {
    const events = code("The Chilean president defended Chile's mining policy in talks with Peru.", [
      p("Chilean president", "CHL"),
      s("Chile", "CHL", 1),
      s("Peru", "PER"),
    ]);
    expect(summary(events).filter((e) => e.endsWith(":05"))).toEqual([]);
  });

  it("takes the source, not an object in a prepositional phrase, as subject", () => {
    const events = code("The head of Iran's mission to the UN accused Israel of sabotage.", [
      s("Iran", "IRN"),
      igo("UN"),
      s("Israel", "ISR"),
    ]);
    expect(summary(events)).toEqual(["IRN>ISR:11"]);
  });

  it("reads a headline's present-tense verb that the tagger takes for a plural noun", () => {
    expect(summary(code("Ghana lifts sanctions on Togo", [s("Ghana", "GHA"), s("Togo", "TGO")]))).toEqual([
      "GHA>TGO:08",
    ]);
    expect(code("Ghana talks resumed in Lome.", [s("Ghana", "GHA"), s("Lome", "TGO")])).toEqual([]);
  });

  it("reads a name the tagger takes for a verb as the subject", () => {
    // The tagger reads "Cross" as a verb; inside an actor's name it is not.
    const events = code("The Red Cross has delivered medical supplies to Haiti.", [
      igo("Red Cross"),
      s("Haiti", "HTI"),
    ]);
    expect(summary(events)).toEqual(["IGO>HTI:07"]);
  });

  it("keeps the sentence's reference date", () => {
    const sentence = sentenceWith("Bahrain severed ties with Qatar.", [
      s("Bahrain", "BHR"),
      s("Qatar", "QAT"),
    ]);
    const dated = { ...sentence, dates: { mentions: [], reference: "2017-06" as never } };
    expect(codeEvents(dated, testLexicon()).map((e) => e.date)).toEqual(["2017-06"]);
  });
});

describe("codeEvents: conventions", () => {
  it("keeps a signing among its signatories, not with the venue or a body named after it", () => {
    const events = code(
      "Kenya, Uganda and Tanzania signed a customs protocol in Arusha on the sidelines of the summit of the East African Community.",
      [
        s("Kenya", "KEN"),
        s("Uganda", "UGA"),
        s("Tanzania", "TZA"),
        s("Arusha", "TZA"),
        igo("East African Community"),
      ],
    );
    expect(summary(events)).toEqual([
      "KEN>TZA:05",
      "KEN>UGA:05",
      "TZA>KEN:05",
      "TZA>UGA:05",
      "UGA>KEN:05",
      "UGA>TZA:05",
    ]);
  });

  it("codes opening fire at an embassy as small arms fire, not as opening it", () => {
    const events = code("Peruvian gunmen opened fire at the embassy of Chile in Lima.", [
      s("Peruvian gunmen", "PER"),
      s("Chile", "CHL"),
      s("Lima", "PER"),
    ]);
    expect(events.map((e) => e.cameo)).toEqual(["193"]);
  });

  it("codes fighting a disease as relief, not as war", () => {
    const events = code("Chile sent doctors to fight the cholera outbreak in Peru.", [
      s("Chile", "CHL"),
      s("Peru", "PER"),
    ]);
    expect(summary(events)).toEqual(["CHL>PER:07"]);
    const war = code("Chilean troops fought Peruvian rebels as cholera spread.", [
      s("Chilean troops", "CHL"),
      s("Peruvian rebels", "PER"),
    ]);
    expect(summary(war)).toContain("CHL>PER:19");
  });

  it("codes a rescue or medical operation as relief, a military one as fighting", () => {
    const parties = [s("Chile", "CHL"), s("Peru", "PER")];
    expect(summary(code("Chile launched a rescue operation in Peru.", parties))).toEqual(["CHL>PER:07"]);
    expect(summary(code("Chile launched a military operation in Peru.", parties))).toEqual(["CHL>PER:19"]);
  });

  it("keeps a list of actors closed by others it does not name", () => {
    const sources = code("Chile, Peru and other neighbours condemned Bolivia.", [
      s("Chile", "CHL"),
      s("Peru", "PER"),
      s("Bolivia", "BOL"),
    ]);
    expect(summary(sources)).toEqual(["CHL>BOL:11", "PER>BOL:11"]);
    const targets = code("Bolivia condemned Chile, Peru and others.", [
      s("Bolivia", "BOL"),
      s("Chile", "CHL"),
      s("Peru", "PER"),
    ]);
    expect(summary(targets)).toEqual(["BOL>CHL:11", "BOL>PER:11"]);
  });

  it("codes a signing with a third party named in the sentence", () => {
    const events = code("Oman signed a trade agreement with Jordan.", [s("Oman", "OMN"), s("Jordan", "JOR")]);
    expect(summary(events)).toEqual(["JOR>OMN:05", "OMN>JOR:05"]);
  });

  it("codes an order to leave given to an ambassador as reducing relations", () => {
    const events = code("Peru ordered the Mexican ambassador to leave the country.", [
      s("Peru", "PER"),
      s("Mexican ambassador", "MEX"),
    ]);
    expect(events.map((e) => e.cameo)).toContain("161");
  });

  it("finds what a protest is against across its purpose clause", () => {
    const events = code(
      "Thousands of Serbian students marched in Belgrade to denounce the Croatian government.",
      [s("Serbian students", "SRB"), s("Belgrade", "SRB"), s("Croatian government", "HRV")],
    );
    expect(summary(events)).toContain("SRB>HRV:14");
  });

  it("reads an infinitive after a place as the purpose of the main verb's subject, not the place's act", () => {
    const events = code("Thousands of Bolivians gathered for a rally in La Paz to protest the fuel prices.", [
      s("Bolivians", "BOL"),
      s("La Paz", "BOL"),
    ]);
    expect(summary(events)).toEqual(["BOL>BOL:14"]);
  });

  it("reads the people of a protest from the head of their noun phrase", () => {
    const events = code("Chilean dock workers blocked the main road to the port.", [s("Chilean", "CHL")]);
    expect(summary(events)).toEqual(["CHL>CHL:14"]);
  });

  it("codes a protest with no other party as domestic", () => {
    const events = code("Armenian protesters marched on Tuesday.", [s("Armenian protesters", "ARM")]);
    expect(summary(events)).toEqual(["ARM>ARM:14"]);
  });

  it("codes a state's troops taking a town of their own state as their act alone, not on their state", () => {
    const events = code("Georgian troops captured the town of Gori.", [
      s("Georgian troops", "GEO"),
      s("Gori", "GEO"),
    ]);
    expect(summary(events)).toEqual(["GEO>-:19"]);
  });

  it("codes aid to people no actor names as the giver's act alone", () => {
    const events = code("Norway donated tents and blankets to flood victims on Monday.", [
      s("Norway", "NOR"),
    ]);
    expect(summary(events)).toEqual(["NOR>-:07"]);
  });

  it("codes a promise of an act with no other party as the promiser's intent", () => {
    const centre = code("The Danish government has agreed to set up a reception centre for refugees.", [
      s("Danish government", "DNK"),
    ]);
    expect(summary(centre)).toEqual(["DNK>-:03"]);
    const withdrawal = code("Ghana is willing to withdraw its troops from the border zone.", [
      s("Ghana", "GHA"),
    ]);
    expect(withdrawal.map((e) => e.cameo)).toEqual(["0356"]);
  });

  it("does not code a commitment to no act, nor a promised meeting with no one, in a report of several states", () => {
    expect(codeAmong("Chile is committed to regional stability.", [s("Chile", "CHL")], ["PER"])).toEqual([]);
    expect(codeAmong("Kenya agreed to meet next week.", [s("Kenya", "KEN")], ["UGA"])).toEqual([]);
  });

  it("codes a verdict on a decision or a body no actor names as the source's act alone", () => {
    const rejection = code("The Bolivian senate rejected the mining bill on Tuesday.", [
      s("Bolivian senate", "BOL"),
    ]);
    expect(summary(rejection)).toEqual(["BOL>-:12"]);
  });

  it("lets a refusal to yield stand alone as yielding does, in a report of several states, and no other refusal", () => {
    const ecuador = [s("Ecuador", "ECU")];
    const among = (text: string): string[] => summary(codeAmong(text, ecuador, ["PER"]));
    expect(among("Ecuador will not lift the embargo.")).toEqual(["ECU>-:12"]);
    expect(among("Ecuador refused to release the hostages.")).toEqual(["ECU>-:12"]);
    expect(among("Ecuador refused to condemn the coup.")).toEqual([]);
  });

  it("does not let a verdict stand alone in the present, on nothing named, or across a relative clause", () => {
    const bolivia = [s("Bolivia", "BOL")];
    expect(codeAmong("Later that year Bolivia rejects the bill.", bolivia, ["PER"])).toEqual([]);
    expect(codeAmong("Bolivia rejected it.", bolivia, ["PER"])).toEqual([]);
    expect(
      codeAmong("The fee goes to Bolivia, said a lawyer who examined the contracts.", bolivia, ["PER"]),
    ).toEqual([]);
  });

  it("does not take a gerund after a preposition for an act done", () => {
    expect(code("Bolivia serves the purpose of fighting crime.", [s("Bolivia", "BOL")])).toEqual([]);
  });

  it("reads an inflected word after 'to' as a noun, not a verb", () => {
    const events = code("Greece and Cyprus take similar approaches to issues of security and trade.", [
      s("Greece", "GRC"),
      s("Cyprus", "CYP"),
    ]);
    expect(events).toEqual([]);
  });

  it("does not let an unknown attacker's act on no one stand alone", () => {
    const events = code("Unidentified gunmen seized a bus on Friday.", [
      { text: "Unidentified gunmen", country: "UNK", kind: "group" },
    ]);
    expect(events).toEqual([]);
  });

  it("reads an appeal whose addressee is followed by a date as asking, not doing", () => {
    const events = code("Iran called on Muslim states on Monday to cut their ties with Israel.", [
      s("Iran", "IRN"),
      { text: "Muslim states", country: "MUS", kind: "group" },
      s("Israel", "ISR"),
    ]);
    expect(summary(events)).toEqual(["IRN>MUS:02"]);
    expect(summary(events, "hypothetical")).toEqual(["MUS>ISR:16"]);
  });

  it("holds an act until a condition is met as hypothetical", () => {
    const events = code("The ban will stay until Egypt releases the Sudanese prisoners.", [
      s("Egypt", "EGY"),
      s("Sudanese prisoners", "SDN"),
    ]);
    expect(summary(events)).toEqual([]);
  });
});

describe("codeEvents: what coded each event", () => {
  it("names the rule and the pattern with its file and line", () => {
    const [event] = code("Oman signed a trade agreement with Jordan.", [
      s("Oman", "OMN"),
      s("Jordan", "JOR"),
    ]);
    expect(event?.rule).toMatch(/^verb pattern: sign .*\(cameo\/patterns-verbs\.txt:\d+\)$/);
  });

  it("codes from the field's dictionary where none of our patterns matches, and says so", () => {
    const [event] = code("Uganda deployed riot police along its frontier with Kenya.", [
      s("Uganda", "UGA"),
      s("Kenya", "KEN"),
    ]);
    expect(event).toMatchObject({ cameo: "153" });
    expect(event?.rule).toMatch(/\(cameo\/petrarch-verbs\.txt:\d+\)$/);
  });

  it("keeps our pattern where both ours and the dictionary's match", () => {
    const events = code("Chile removed restrictions on imports from Peru.", [
      s("Chile", "CHL"),
      s("Peru", "PER"),
    ]);
    expect(events.map((e) => e.rule)).toEqual([expect.stringMatching(/\(cameo\/patterns-verbs\.txt:\d+\)$/)]);
  });

  it("names the governor and its complement when they fold into one code", () => {
    const [event] = code("Chile promised to send food aid to Bolivia.", [
      s("Chile", "CHL"),
      s("Bolivia", "BOL"),
    ]);
    expect(event?.rule).toMatch(/^verb pattern: promise.* \+ send/);
  });
});

describe("codeEvents: standing stances", () => {
  it("reads a refusal or a threat restated as still held as one, where other acts would be habits", () => {
    const parties = [s("Kenya", "KEN"), s("Ugandan", "UGA")];
    expect(summary(code("Kenya still refuses to lift the ban on Ugandan ships.", parties))).toEqual([
      "KEN>UGA:12",
    ]);
    expect(summary(code("Kenya continues to threaten Ugandan traders.", parties))).toEqual(["KEN>UGA:13"]);
    expect(summary(code("Kenya still buys Ugandan coffee.", parties))).toEqual([]);
  });
});

describe("codeEvents: actors of no state", () => {
  // A report that names no state: its generic agents and new persons are actors of no state.
  const nurses = { text: "Nurses", country: null, agent: "HLH" } as const;
  const ids = (events: readonly EventDraft[]): string[] =>
    events.map((e) => `${e.source.actor.id}>${e.target?.actor.id ?? "-"}:${e.cameo.slice(0, 2)}`);

  it("codes their act on no one named as theirs alone, and a protest as against no one named", () => {
    expect(
      ids(code("Nurses said they will not end the strike until their pay is raised.", [nurses])),
    ).toEqual(["agent:health>-:12"]);
    expect(ids(code("Nurses went on a hunger strike.", [nurses]))).toEqual(["agent:health>-:14"]);
  });

  it("codes a person's act on no one named as theirs alone, only where no state is named", () => {
    const mayor = { text: "Mayor Tomas Ferro", country: null } as const;
    const text = "Mayor Tomas Ferro rejected the plan.";
    expect(ids(code(text, [mayor]))).toEqual(["person:mayor-tomas-ferro>-:12"]);
    const sentence = sentenceWith(text, [mayor]);
    const inReportOnChile = codeEvents(
      sentence,
      testLexicon(),
      createEventMemory([countryCodeOrThrow("CHL")]),
    );
    expect(ids(inReportOnChile)).toEqual([]);
  });

  it("reads an act after an adjective of guilt as done, where another gerund after a preposition is a kind of act", () => {
    expect(ids(code("Nurses were guilty of violating the truce.", [nurses]))).toEqual(["agent:health>-:19"]);
    expect(ids(code("Nurses spoke of the risk of violating the truce.", [nurses]))).toEqual([]);
  });

  it("pairs two of them of different kinds, not one kind with itself", () => {
    const police = { text: "police", country: null, agent: "COP" } as const;
    expect(ids(code("Nurses clashed with police outside the hospital.", [nurses, police]))).toEqual([
      "agent:health>agent:police:14",
    ]);
  });
});

describe("codeEvents: appeals", () => {
  it("reads pushing for an act as an appeal, one side's only even for a mutual act", () => {
    const parties = [s("Ghana", "GHA"), s("Togo", "TGO")];
    expect(summary(code("Ghana pushed for talks with Togo.", parties))).toEqual(["GHA>TGO:02"]);
    expect(summary(code("Ghana called for talks with Togo.", parties))).toEqual(["GHA>TGO:02"]);
    expect(summary(code("Ghana pushed hard for sanctions on Togo.", parties))).toEqual(["GHA>TGO:10"]);
  });
});

describe("codeEvents: not events", () => {
  it.each([
    ["Azerbaijan continues to purchase Israeli weapons.", [s("Azerbaijan", "AZE"), s("Israeli", "ISR")]],
    [
      "Relations between Turkey and Israel have been growing for years.",
      [s("Turkey", "TUR"), s("Israel", "ISR")],
    ],
    ["Azerbaijan supplies Israel with much of its oil.", [s("Azerbaijan", "AZE"), s("Israel", "ISR")]],
    [
      "The number of Israeli tourists visiting Azerbaijan doubled.",
      [s("Israeli", "ISR"), s("Azerbaijan", "AZE")],
    ],
    // A participle after a people phrase describes it, now that the people are an actor.
    [
      "The number of Ugandan tourists visiting Kenya rose.",
      [{ text: "Ugandan tourists", country: "UGA", via: "demonym" }, s("Kenya", "KEN")],
    ],
    [
      "Analysts say the partnership between Baku and Tehran is fragile.",
      [s("Baku", "AZE"), s("Tehran", "IRN")],
    ],
    [
      "The strategic cooperation of Georgia with Turkey has long been close.",
      [s("Georgia", "GEO"), s("Turkey", "TUR")],
    ],
    ["Protests were held in March.", []],
  ] as const)("%s", (sentence, actors) => {
    expect(summary(code(sentence, actors))).toEqual([]);
  });
});

describe("codeEvents: robustness", () => {
  const lexicon = testLexicon();
  const words = [
    "Iran",
    "Israel",
    "accused",
    "of",
    "the",
    "visit",
    "to",
    "met",
    "with",
    "and",
    "was",
    "by",
    "not",
    "would",
    "expelled",
    "diplomats",
    "agreed",
    "to",
    "sever",
    "ties",
    ",",
    "that",
    "called",
    "on",
    "attack",
    "threatened",
    "between",
    "its",
    "-",
    "(",
    ")",
    "said",
    "will",
    "refused",
    "protest",
    "in",
    "Baku",
    "jointly",
  ];
  const actorWords = ["Iran", "Israel", "Baku"];
  const countries: Record<string, string> = { Iran: "IRN", Israel: "ISR", Baku: "AZE" };

  it("never throws and only uses the sentence's mentions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }),
        fc.subarray(actorWords),
        (tokens, named) => {
          const text = `${tokens.join(" ")}.`;
          const actors = named.filter((w) => text.includes(w)).map((w) => s(w, countries[w] ?? "UNK"));
          const sentence = sentenceWith(text, actors);
          const events = codeEvents(sentence, lexicon);
          for (const event of events) {
            expect(sentence.mentions).toContain(event.source);
            if (event.target) expect(sentence.mentions).toContain(event.target);
            expect(event.cameo).toMatch(/^\d{2,4}$/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** A sentence with date mentions where their words are, each at the given date. */
function dated(text: string, actors: readonly ActorSpec[], dates: Record<string, string>): AnalysedSentence {
  const sentence = sentenceWith(text, actors);
  const mentions = Object.entries(dates).map(([words, date]) => {
    const at = sentence.sentence.text.indexOf(words);
    if (at < 0) throw new Error(`"${words}" is not in "${text}"`);
    const start = sentence.sentence.start + at;
    return { start, end: start + words.length, text: words, date: date as IsoDate, until: null };
  });
  return { ...sentence, dates: { mentions, reference: mentions[0]?.date ?? null } };
}

describe("codeEvents: patterns of state relations", () => {
  const rows: readonly Row[] = [
    [
      "Heavy fighting broke out between Indian and Chinese troops in the Galwan valley.",
      [s("Indian", "IND"), s("Chinese troops", "CHN")],
      ["CHN>IND:19", "IND>CHN:19"],
    ],
    [
      "Clashes erupted between Kyrgyz and Tajik border guards.",
      [s("Kyrgyz", "KGZ"), s("Tajik border guards", "TJK")],
      ["KGZ>TJK:19", "TJK>KGZ:19"],
    ],
    [
      "The Japanese prime minister sent condolences to Morocco after the earthquake.",
      [s("Japanese prime minister", "JPN"), s("Morocco", "MAR")],
      ["JPN>MAR:01"],
    ],
    [
      "Kenya evacuated most of its diplomats from Khartoum.",
      [s("Kenya", "KEN"), s("Khartoum", "SDN")],
      ["KEN>SDN:16"],
    ],
    [
      "Erdogan welcomed Putin with an honour guard in Ankara.",
      [p("Erdogan", "TUR"), p("Putin", "RUS"), s("Ankara", "TUR")],
      ["TUR>RUS:04"],
    ],
    [
      "The Polish foreign ministry summoned Belarus's ambassador to protest against the detentions.",
      [s("Polish foreign ministry", "POL"), s("Belarus's ambassador", "BLR")],
      ["POL>BLR:11"],
    ],
    [
      "Lithuania protested against the violation of its airspace by Russia.",
      [s("Lithuania", "LTU"), s("Russia", "RUS")],
      ["LTU>RUS:11"],
    ],
  ];
  it.each(rows)("%s", (sentence, actors, expected) => {
    expect(summary(code(sentence, actors))).toEqual(expected);
  });

  it("does not code a meeting of one party with no other", () => {
    const events = codeAmong(
      "Lula also met members of the Brazilian community.",
      [p("Lula", "BRA")],
      ["ARG"],
    );
    expect(summary(events)).toEqual([]);
  });

  it("codes a concession to no one named as made at home", () => {
    const events = code("Peru lifted the state of emergency in Lima.", [s("Peru", "PER"), s("Lima", "PER")]);
    expect(summary(events)).toEqual(["PER>PER:08"]);
  });
});

describe("codeEvents: event dates", () => {
  it("dates each act by the date nearest it in its clause", () => {
    const sentence = dated(
      "Ghana recalled its ambassador from Togo in May 2019 and halted trade with Togo in June 2020.",
      [s("Ghana", "GHA"), s("Togo", "TGO"), s("Togo", "TGO", 1)],
      { "May 2019": "2019-05", "June 2020": "2020-06" },
    );
    expect(codeEvents(sentence, testLexicon()).map((e) => `${e.cameo.slice(0, 2)}@${e.date}`)).toEqual([
      "16@2019-05",
      "16@2020-06",
    ]);
  });

  it("prefers a date in the act's own clause to a nearer one across a clause boundary", () => {
    const sentence = dated(
      "In March 2021 Chad expelled the envoy of Niger, and on April 2 Mali recalled its ambassador from Chad.",
      [s("Chad", "TCD"), s("Niger", "NER"), s("Mali", "MLI"), s("Chad", "TCD", 1)],
      { "March 2021": "2021-03", "April 2": "2021-04-02" },
    );
    const events = codeEvents(sentence, testLexicon());
    expect(events.map((e) => `${e.source.country}>${e.target?.country}@${e.date}`)).toEqual([
      "TCD>NER@2021-03",
      "MLI>TCD@2021-04-02",
    ]);
  });

  it("takes a date past a semicolon only when the act's side has none", () => {
    const sentence = dated(
      "In June 2011 Bolivian marines seized a boat of Peru, a trawler that was trying to reach the coast, and detained six Peruvian fishermen; one was freed in 2013.",
      [s("Bolivian marines", "BOL"), s("Peru", "PER"), s("Peruvian fishermen", "PER")],
      { "June 2011": "2011-06", "in 2013": "2013" },
    );
    const events = codeEvents(sentence, testLexicon()).filter((e) => e.cameo.startsWith("17"));
    expect(events.map((e) => `${e.source.country}>${e.target?.country}@${e.date}`)).toEqual([
      "BOL>PER@2011-06",
      "BOL>PER@2011-06",
    ]);
  });
});

describe("codeEvents: generic agents of one state", () => {
  /** A generic agent of a state ("police"), as recognition gives it in a report of one state. */
  const agent = (text: string, country: string): ActorSpec => ({ text, country, via: "agent" });

  it.each<Row>([
    [
      "Police arrested dozens of protesters on Monday.",
      [agent("Police", "ZMB"), agent("protesters", "ZMB")],
      ["ZMB>ZMB:17"],
    ],
    [
      "Soldiers opened fire on students near the university.",
      [agent("Soldiers", "BOL"), agent("students", "BOL")],
      ["BOL>BOL:19"],
    ],
    [
      "Rebels ambushed an army convoy and killed four soldiers.",
      [agent("Rebels", "MLI"), agent("soldiers", "MLI")],
      ["MLI>-:19", "MLI>MLI:19"],
    ],
  ])("%s", (sentence, actors, expected) => {
    expect(summary(codeAmong(sentence, actors, []))).toEqual(expected);
  });

  it("codes a government and a movement of its state acting together as cooperating at home", () => {
    // (In a report of other states too, so that no rule of one-state reports decides.)
    const events = codeAmong(
      "The Malian government and the rebels agreed to allow humanitarian access to the camps.",
      [s("Malian government", "MLI"), agent("rebels", "MLI")],
      ["SEN"],
    );
    expect(summary(events)).toEqual(["MLI>MLI:03"]);
  });

  it("reads the agent's kind: forces of order coerce at home, people protest against their state", () => {
    const marines: ActorSpec = { text: "Marines", country: "TGO", via: "agent", agent: "MIL" };
    expect(
      summary(codeAmong("Marines arrested dozens in Lomé.", [marines, s("Lomé", "TGO")], ["GHA"])),
    ).toEqual(["TGO>TGO:17"]);
    const nurses: ActorSpec = { text: "Nurses", country: "TGO", via: "agent", agent: "HLH" };
    expect(summary(codeAmong("Nurses marched in Lomé.", [nurses, s("Lomé", "TGO")], ["GHA"]))).toEqual([
      "TGO>TGO:14",
    ]);
  });

  it("codes no agent on itself", () => {
    const events = code("Police accused police of lying.", [agent("Police", "ZMB"), agent("police", "ZMB")]);
    expect(summary(events)).not.toContain("ZMB>ZMB:11");
  });
});

describe("codeEvents: the narrative's other party", () => {
  it("aims a reaction with no target at the actor of the act just told", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Serbia expelled two Croatian diplomats.", [s("Serbia", "SRB"), s("Croatian", "HRV")]),
          sentenceWith("Zagreb condemned the move.", [s("Zagreb", "HRV")]),
        ),
      ),
    ).toEqual(["HRV>SRB:11"]);
  });

  it("lets a reaction reach back only a few sentences: further on, it stands alone", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Serbia expelled two Croatian diplomats.", [s("Serbia", "SRB"), s("Croatian", "HRV")]),
          sentenceWith("Zagreb condemned the move.", [s("Zagreb", "HRV")]),
          5,
        ),
      ),
    ).toEqual(["HRV>-:11"]);
  });

  it("gives a fight with no named enemy the enemy of the war being told", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Ethiopian troops attacked Eritrean positions.", [
            s("Ethiopian troops", "ETH"),
            s("Eritrean", "ERI"),
          ]),
          sentenceWith("Ethiopian forces captured the town of Badme.", [s("Ethiopian forces", "ETH")]),
        ),
      ),
    ).toEqual(["ETH>ERI:19"]);
  });
});

describe("codeEvents: openings, adjuncts and shared objects", () => {
  it("gives a verb after ', and' the subject of the main clause, past a clause describing a noun", () => {
    const events = code(
      "Bolivian marines stopped a boat, a trawler leading a convoy that was trying to reach the coast, and detained six Chilean fishermen.",
      [s("Bolivian marines", "BOL"), s("Chilean fishermen", "CHL")],
    );
    expect(summary(events)).toContain("BOL>CHL:17");
  });

  it("reads a pattern's words across a named venue", () => {
    const events = code(
      "The Danish prime minister held talks at the Elysee Palace with the Polish president on Monday.",
      [s("Danish prime minister", "DNK"), s("Polish president", "POL")],
    );
    expect(summary(events)).toEqual(["DNK>POL:04", "POL>DNK:04"]);
  });

  it.each<Row>([
    // A purpose adjunct: the meeting is the travellers'.
    [
      "The Kenyan president cut short his holiday for talks with the Ethiopian prime minister.",
      [s("Kenyan president", "KEN"), s("Ethiopian prime minister", "ETH")],
      ["ETH>KEN:04", "KEN>ETH:04"],
    ],
    // ... whose verb's object is the other party; not a recall "for consultations" at home.
    [
      "The Kenyan president will join the Ugandan president for talks in Kampala.",
      [s("Kenyan president", "KEN"), s("Ugandan president", "UGA"), s("Kampala", "UGA")],
      ["KEN>UGA:04", "UGA>KEN:04"],
    ],
    [
      "Ghana recalled its ambassador to Togo for consultations.",
      [s("Ghana", "GHA"), s("Togo", "TGO")],
      ["GHA>TGO:16"],
    ],
    // The source's own state, owner of what is given, is not its recipient.
    [
      "The Kenyan president pledged his country's support to the Somali government.",
      [s("Kenyan president", "KEN"), s("his country", "KEN"), s("Somali government", "SOM")],
      ["KEN>SOM:03"],
    ],
    // A participle that modifies the second noun of a coordinated subject.
    [
      "The Malian army and allied militias have launched an offensive against positions in Niger.",
      [s("Malian army", "MLI"), s("Niger", "NER")],
      ["MLI>NER:19"],
    ],
    // "provides assistance": the aid noun's source is the subject of its light verb.
    [
      "Oxfam also provides humanitarian assistance to Yemenis in camps in Djibouti.",
      [igo("Oxfam"), s("Yemenis", "YEM"), s("Djibouti", "DJI")],
      ["IGO>YEM:07"],
    ],
  ])("finds the subject of %s", (sentence, actors, expected) => {
    expect(summary(code(sentence, actors))).toEqual(expected);
  });

  const rows: readonly Row[] = [
    // The embassy's state opens it; the city is where it stands.
    [
      "The envoy opened Peru's new embassy in Canberra last week.",
      [s("Peru", "PER"), s("Canberra", "AUS")],
      ["PER>AUS:05"],
    ],
    [
      "Chile reopened its embassy in Caracas in May.",
      [s("Chile", "CHL"), s("Caracas", "VEN")],
      ["CHL>VEN:05"],
    ],
    [
      "Bolivia opened a trade representative office in Lima.",
      [s("Bolivia", "BOL"), s("Lima", "PER")],
      ["BOL>PER:05"],
    ],
    [
      "Chile and Peru exchanged ambassadors in 2019.",
      [s("Chile", "CHL"), s("Peru", "PER")],
      ["CHL>PER:05", "PER>CHL:05"],
    ],
    // A call named in an adjunct of the clause is its subject's.
    [
      "The Danish minister announced the plan after a telephone call with Norway's foreign minister.",
      [s("Danish minister", "DNK"), s("Norway's foreign minister", "NOR")],
      ["DNK>NOR:04", "NOR>DNK:04"],
    ],
    [
      "The Danish minister told Sweden's foreign minister by phone that talks would resume.",
      [s("Danish minister", "DNK"), s("Sweden's foreign minister", "SWE")],
      ["DNK>SWE:04"],
    ],
    // A meeting's place is not a party.
    [
      "Chilean and Peruvian officials met in Bolivia on Monday.",
      [s("Chilean", "CHL"), s("Peruvian officials", "PER"), s("Bolivia", "BOL")],
      ["CHL>PER:04", "PER>CHL:04"],
    ],
    // A verb coordinated with another shares its object.
    [
      "Peru recalled its ambassador from Chile and demanded an explanation.",
      [s("Peru", "PER"), s("Chile", "CHL")],
      ["PER>CHL:10", "PER>CHL:16"],
    ],
    ["Peru told the Chilean consul to leave.", [s("Peru", "PER"), s("Chilean", "CHL")], ["PER>CHL:16"]],
    ["Chile restricted exports of copper to Peru.", [s("Chile", "CHL"), s("Peru", "PER")], ["CHL>PER:16"]],
    // A threat is aimed at the party of its condition.
    [
      "Ghana threatened to close the border unless Togo withdrew its troops.",
      [s("Ghana", "GHA"), s("Togo", "TGO")],
      ["GHA>TGO:13"],
    ],
    // What a speaker says his own state and another should do is an intent, not a demand.
    [
      "The Malian president said Mali and Niger should cooperate on security.",
      [s("Malian president", "MLI"), s("Mali", "MLI", 1), s("Niger", "NER")],
      ["MLI>NER:03"],
    ],
    // What a speaker says his own state alone must do is a demand at home.
    [
      "The Malian opposition leader said the Malian government must ensure security.",
      [s("Malian opposition leader", "MLI"), s("Malian government", "MLI")],
      ["MLI>MLI:10"],
    ],
    // Criticism in words.
    [
      "The Kenyan minister called Somalia a destabilising force.",
      [s("Kenyan minister", "KEN"), s("Somalia", "SOM")],
      ["KEN>SOM:11"],
    ],
    ["Peru regretted the Chilean decision.", [s("Peru", "PER"), s("Chilean", "CHL")], ["PER>CHL:11"]],
    [
      "A Ghanaian spokesman said it was unacceptable for Togo to close the border.",
      [s("Ghanaian spokesman", "GHA"), s("Togo", "TGO")],
      ["GHA>TGO:11"],
    ],
    // Two states named side by side are two parties.
    [
      "Turkey offered Syria Qatar's help.",
      [s("Turkey", "TUR"), s("Syria", "SYR"), s("Qatar", "QAT")],
      ["TUR>SYR:03"],
    ],
    [
      "Qatar bought a 5% stake in Oman's national airline.",
      [s("Qatar", "QAT"), s("Oman", "OMN")],
      ["QAT>OMN:06"],
    ],
    [
      "Oman awarded exploration licences to Qatar's state energy company.",
      [s("Oman", "OMN"), s("Qatar", "QAT")],
      ["OMN>QAT:06"],
    ],
    [
      "Ghana valued its relations with Togo, the minister said.",
      [s("Ghana", "GHA"), s("Togo", "TGO")],
      ["GHA>TGO:05"],
    ],
    [
      "Egypt announced a normalisation deal with Qatar.",
      [s("Egypt", "EGY"), s("Qatar", "QAT")],
      ["EGY>QAT:05", "QAT>EGY:05"],
    ],
    [
      "The diplomat became Chile's first ambassador to Peru.",
      [s("Chile", "CHL"), s("Peru", "PER")],
      ["CHL>PER:05"],
    ],
    // A purpose clause acts on the main verb's object.
    [
      "The African Union sent twelve experts to Sudan on Monday to investigate the killings.",
      [igo("African Union"), s("Sudan", "SDN")],
      // (the sending of experts, and their investigation)
      ["IGO>SDN:09", "IGO>SDN:09"],
    ],
    // The object of a phrasal verb is its event noun.
    [
      "Russia sped up the withdrawal of its troops from Moldova.",
      [s("Russia", "RUS"), s("Moldova", "MDA")],
      ["RUS>MDA:08"],
    ],
    [
      "Greece is pushing hard for Turkey to withdraw its ships.",
      [s("Greece", "GRC"), s("Turkey", "TUR")],
      ["GRC>TUR:10"],
    ],
    // A participle after a determiner stays in the subject's noun phrase.
    [
      "The Malian and Nigerien leaders of the divided border region agreed to share intelligence.",
      [s("Malian", "MLI"), s("Nigerien", "NER")],
      ["MLI>NER:03", "NER>MLI:03"],
    ],
    // People with no state named are the people of the place they act in; its city is still the place.
    [
      "Students marched in the Peruvian city of Cusco and demanded that Chile apologise.",
      [s("Peruvian", "PER"), s("Cusco", "PER"), s("Chile", "CHL")],
      ["PER>CHL:10", "PER>CHL:14"],
    ],
    // The agent of a participle stays inside the subject's phrase.
    [
      "A Chilean delegation led by the foreign minister arrived in Lima.",
      [s("Chilean", "CHL"), s("Lima", "PER")],
      ["CHL>PER:04"],
    ],
    // An act that needs no other party needs none when promised.
    ["The Malian president agreed to resign.", [s("Malian president", "MLI")], ["MLI>-:03"]],
    // "of" joins the parts of a compound; "joint" makes the act mutual.
    [
      "Special forces of Kenya and of Uganda began a joint exercise.",
      [s("Kenya", "KEN"), s("Uganda", "UGA")],
      ["KEN>UGA:06", "UGA>KEN:06"],
    ],
  ];
  it.each(rows)("%s", (sentence, actors, expected) => {
    expect(summary(code(sentence, actors))).toEqual(expected);
  });

  it("does not take the mediator of a truce for a party to it", () => {
    const events = code("The Chadian rebels accepted a truce brokered by Qatar.", [
      s("Chadian rebels", "TCD"),
      s("Qatar", "QAT"),
    ]);
    expect(summary(events).filter((e) => e.includes("QAT"))).toEqual([]);
  });

  it("does not code the participle that describes a noun as the subject's act", () => {
    const events = code("Ukraine accepted a ceasefire mediated by Turkish diplomats.", [
      s("Ukraine", "UKR"),
      s("Turkish diplomats", "TUR"),
    ]);
    expect(events.map((e) => e.cameo.slice(0, 2))).not.toContain("04");
  });

  it("reads a gerund after a determiner as a noun", () => {
    const events = code("Kenyan officials welcomed the reopening of the Ugandan embassy.", [
      s("Kenyan officials", "KEN"),
      s("Ugandan embassy", "UGA"),
    ]);
    expect(events.map((e) => e.cameo)).not.toContain("054");
  });

  it("codes an arrest of someone named in another sentence as the police's act, not the state's on itself", () => {
    expect(summary(code("Chilean police arrested him on Monday.", [s("Chilean police", "CHL")]))).toEqual([
      "CHL>-:17",
    ]);
  });

  it("keeps a denial after a suggestion as asserted", () => {
    const events = code(
      "Kenyan officials suggested that Uganda armed the rebels, and Uganda denied any role in the raid on Kenya.",
      [s("Kenyan officials", "KEN"), s("Uganda", "UGA"), s("Uganda", "UGA", 1), s("Kenya", "KEN", 1)],
    );
    expect(summary(events)).toContain("UGA>KEN:01");
  });
});

describe("codeEvents: the narrative's other party, continued", () => {
  it("aims a rejected motive at the act just told", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Peru accused Bolivia of the bombing.", [s("Peru", "PER"), s("Bolivia", "BOL")]),
          sentenceWith("Bolivian officials rejected any political motive.", [s("Bolivian officials", "BOL")]),
        ),
      ),
    ).toEqual(["BOL>PER:01"]);
  });

  it("aims a reaction at the main act of the sentence before", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Peru expelled a Bolivian diplomat, and Bolivia recalled its ambassador from Peru.", [
            s("Peru", "PER"),
            s("Bolivian", "BOL"),
            s("Bolivia", "BOL"),
            s("Peru", "PER", 1),
          ]),
          sentenceWith("Chile condemned the step.", [s("Chile", "CHL")]),
        ),
      ),
    ).toEqual(["CHL>PER:11"]);
  });

  it("gives a fight over a town of the fighters' own state the enemy of the war", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Ethiopian troops attacked Eritrean positions.", [
            s("Ethiopian troops", "ETH"),
            s("Eritrean", "ERI"),
          ]),
          sentenceWith("Ethiopian forces captured the town of Zalambessa.", [
            s("Ethiopian forces", "ETH"),
            s("Zalambessa", "ETH"),
          ]),
        ),
      ),
    ).toEqual(["ETH>ERI:19"]);
  });

  it("answers a strike with a counter-attack on the striker", () => {
    expect(
      summary(
        codeAfter(
          sentenceWith("Pakistan launched air strikes on India.", [s("Pakistan", "PAK"), s("India", "IND")]),
          sentenceWith("India answered with missiles.", [s("India", "IND")]),
        ),
      ),
    ).toEqual(["IND>PAK:19"]);
  });
});
