import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import { recogniseActors, type RecogniseOptions } from "../extract/actors/recognise.ts";
import { createWinkEngine } from "../nlp/wink-engine.ts";
import { loadGazetteer } from "./actors.ts";
import { DATA_DIR } from "./load.ts";

// Actor recognition over the project's own gazetteer (data/actors and
// world-countries) and the real NLP engine: the tables say, for sentences of
// the kind news articles are made of, which mentions come out.

const gazetteer = loadGazetteer(DATA_DIR);
const nlp = createWinkEngine();

type Expected = readonly [text: string, actor: string, country: string | null];

function mentions(text: string, options?: RecogniseOptions): Expected[] {
  const sentences = nlp.analyse(text);
  return recogniseActors(sentences, gazetteer, options)
    .flat()
    .map((m) => [m.text, m.actor.id, m.country] as const);
}

function table(cases: readonly (readonly [string, readonly Expected[]])[]): void {
  it.each(cases)("%s", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
}

describe("states by name, demonym and capital", () => {
  table([
    // The Phoenix dictionary files these two among its persons; they stay states.
    [
      "South Sudan and Bosnia and Herzegovina voted.",
      [
        ["South Sudan", "SSD", "SSD"],
        ["Bosnia and Herzegovina", "BIH", "BIH"],
      ],
    ],
    [
      "Philippine troops and Argentinian diplomats left.",
      [
        ["Philippine troops", "PHL", "PHL"],
        ["Argentinian diplomats", "ARG", "ARG"],
      ],
    ],
    [
      "Tehran expelled four Azerbaijani diplomats in retaliation.",
      [
        ["Tehran", "IRN", "IRN"],
        ["Azerbaijani diplomats", "AZE", "AZE"],
      ],
    ],
    [
      "Ankara and Baku signed a gas deal with Yerevan.",
      [
        ["Ankara", "TUR", "TUR"],
        ["Baku", "AZE", "AZE"],
        ["Yerevan", "ARM", "ARM"],
      ],
    ],
    [
      "The U.S. and the UK condemned the strike, and America warned Iran.",
      [
        ["U.S.", "USA", "USA"],
        ["UK", "GBR", "GBR"],
        ["America", "USA", "USA"],
        ["Iran", "IRN", "IRN"],
      ],
    ],
    [
      "Türkiye, Turkiye, Trkiye and Turkey are one state; the Turks agree.",
      [
        ["Türkiye", "TUR", "TUR"],
        ["Turkiye", "TUR", "TUR"],
        ["Trkiye", "TUR", "TUR"],
        ["Turkey", "TUR", "TUR"],
        ["Turks", "TUR", "TUR"],
      ],
    ],
    [
      "The historic decision of the Azeri side surprised Iranians and Israelis.",
      [
        ["Azeri side", "AZE", "AZE"],
        ["Iranians", "IRN", "IRN"],
        ["Israelis", "ISR", "ISR"],
      ],
    ],
    [
      "Israeli troops entered Gaza as Iran's foreign policy hardened.",
      [
        ["Israeli troops", "ISR", "ISR"],
        ["Gaza", "PSE", "PSE"],
        ["Iran", "IRN", "IRN"],
      ],
    ],
    [
      "The Kremlin, the White House and Downing Street traded statements with Tel Aviv.",
      [
        ["Kremlin", "RUS", "RUS"],
        ["White House", "USA", "USA"],
        ["Downing Street", "GBR", "GBR"],
        ["Tel Aviv", "ISR", "ISR"],
      ],
    ],
    [
      "The Soviet Union collapsed; the USSR left Kosovo and Kiev behind.",
      [
        ["Soviet Union", "RUS", "RUS"],
        ["USSR", "RUS", "RUS"],
        ["Kosovo", "XKX", "XKX"],
        ["Kiev", "UKR", "UKR"],
      ],
    ],
    [
      "Washington recognised Jerusalem as Israel’s capital.",
      [
        ["Washington", "USA", "USA"],
        ["Jerusalem", "ISR", "ISR"],
        ["Israel", "ISR", "ISR"],
      ],
    ],
    [
      "The threat posed by the Islamic Republic of Iran continues to grow.",
      [["Islamic Republic of Iran", "IRN", "IRN"]],
    ],
    [
      "Chad and Jordan voted in favour.",
      [
        ["Chad", "TCD", "TCD"],
        ["Jordan", "JOR", "JOR"],
      ],
    ],
  ]);
});

describe("intergovernmental bodies and groups", () => {
  table([
    [
      "The UN Security Council and the OSCE Minsk Group met while NATO and the EU issued statements.",
      [
        ["UN Security Council", "igo:un-security-council", "IGO"],
        ["OSCE Minsk Group", "igo:osce-minsk-group", "IGO"],
        ["NATO", "igo:nato", "IGO"],
        ["EU", "igo:european-union", "IGO"],
      ],
    ],
    [
      "The International Atomic Energy Agency (IAEA) and the Red Cross sent teams.",
      [
        ["International Atomic Energy Agency", "igo:international-atomic-energy-agency", "IGO"],
        ["IAEA", "igo:international-atomic-energy-agency", "IGO"],
        ["Red Cross", "igo:international-committee-of-the-red-cross", "IGO"],
      ],
    ],
    [
      "Two members of the Organization of Islamic Cooperation (OIC) abstained in the UN General Assembly.",
      [
        ["Organization of Islamic Cooperation", "igo:organization-of-islamic-cooperation", "IGO"],
        ["OIC", "igo:organization-of-islamic-cooperation", "IGO"],
        ["UN General Assembly", "igo:un-general-assembly", "IGO"],
      ],
    ],
    [
      "He called on all Muslim nations and the Islamic world to act.",
      [
        ["Muslim nations", "group:muslim-states", "MUS"],
        ["Islamic world", "group:muslim-states", "MUS"],
      ],
    ],
    [
      "Unidentified gunmen attacked the embassy; unknown assailants fled.",
      [
        ["Unidentified gunmen", "group:unidentified-actors", "UNK"],
        ["unknown assailants", "group:unidentified-actors", "UNK"],
      ],
    ],
  ]);
});

describe("organisations and institutions", () => {
  table([
    [
      "SOCAR signed a contract as the IRGC and the Revolutionary Guards watched.",
      [
        ["SOCAR", "organization:socar", "AZE"],
        ["IRGC", "organization:islamic-revolutionary-guard-corps", "IRN"],
        ["Revolutionary Guards", "organization:islamic-revolutionary-guard-corps", "IRN"],
      ],
    ],
    [
      "Hezbollah and Hamas fired rockets; the Taliban and the Knesset condemned it.",
      [
        ["Hezbollah", "organization:hezbollah", "LBN"],
        ["Hamas", "organization:hamas", "PSE"],
        ["Taliban", "organization:taliban", "AFG"],
        ["Knesset", "organization:knesset", "ISR"],
      ],
    ],
    [
      "In November 2022, Azerbaijan’s parliament approved a bill to open an embassy in Tel Aviv.",
      [
        ["Azerbaijan’s parliament", "AZE", "AZE"],
        ["Tel Aviv", "ISR", "ISR"],
      ],
    ],
    [
      "Iran's foreign ministry summoned the envoy after the Israeli army and the Milli Majlis spoke.",
      [
        ["Iran's foreign ministry", "IRN", "IRN"],
        ["Israeli army", "ISR", "ISR"],
        ["Milli Majlis", "organization:milli-majlis", "AZE"],
      ],
    ],
    ["The Erdogan administration changed course.", [["Erdogan administration", "TUR", "TUR"]]],
    // Several known Bushes and Clintons, but every one of them who led a government led the US.
    ["The Bush administration changed course.", [["Bush administration", "USA", "USA"]]],
    ["Clinton Administration officials left.", [["Clinton Administration", "USA", "USA"]]],
    // The only known Kim is a Kazakh official, no leader: the surname names no government.
    ["The Kim government changed course.", [["government", "agent:government", null]]],
    [
      "USAID flew tents in while the National Security Agency and the Lok Sabha watched.",
      [
        ["USAID", "organization:united-states-agency-for-international-development", "USA"],
        ["National Security Agency", "organization:us-intelligence-community", "USA"],
        ["Lok Sabha", "organization:lok-sabha", "IND"],
      ],
    ],
    [
      "Islamic Relief and Action Against Hunger ran the clinics; the Supreme Court said nothing.",
      [
        ["Islamic Relief", "igo:islamic-relief", "IGO"],
        ["Action Against Hunger", "igo:action-against-hunger", "IGO"],
      ],
    ],
  ]);
});

describe("known persons with their titles", () => {
  table([
    // (The court is a generic agent of the one state the sentence names.)
    [
      "Gorbachev resigned, and the court freed Petros Karzai Ordonez.",
      [
        ["Gorbachev", "person:general-secretary-gorbachev", "RUS"],
        ["court", "RUS", "RUS"],
      ],
    ],
    [
      "Sa'ar was received by Azerbaijani President Ilham Aliyev and Foreign Minister Jeyhun Bayramov.",
      [
        ["Sa'ar", "person:gideon-sa-ar", "ISR"],
        ["Azerbaijani President Ilham Aliyev", "person:ilham-aliyev", "AZE"],
        ["Foreign Minister Jeyhun Bayramov", "person:jeyhun-bayramov", "AZE"],
      ],
    ],
    [
      "The visit of Israel’s President Isaac Herzog to Turkey came in March 2022.",
      [
        ["Israel’s President Isaac Herzog", "person:isaac-herzog", "ISR"],
        ["Turkey", "TUR", "TUR"],
      ],
    ],
    [
      "Iran's foreign minister Hossein Amir-Abdollahian met with his Turkish counterpart Hakan Fidan in Ankara.",
      [
        ["Iran's foreign minister Hossein Amir-Abdollahian", "person:hossein-amir-abdollahian", "IRN"],
        ["Turkish counterpart Hakan Fidan", "person:hakan-fidan", "TUR"],
        ["Ankara", "TUR", "TUR"],
      ],
    ],
    [
      "Former Israeli Defense Minister Benny Gantz was in Azerbaijan to meet President Ilham Aliyev",
      [
        ["Israeli Defense Minister Benny Gantz", "person:benny-gantz", "ISR"],
        ["Azerbaijan", "AZE", "AZE"],
        ["President Ilham Aliyev", "person:ilham-aliyev", "AZE"],
      ],
    ],
    [
      "On November 1, Iran's Supreme Leader Ayatollah Ali Khamenei issued a call.",
      [["Iran's Supreme Leader Ayatollah Ali Khamenei", "person:ali-khamenei", "IRN"]],
    ],
    [
      "President Erdogan phoned President Aliyev and Ayatollah Khamenei.",
      [
        ["President Erdogan", "person:recep-tayyip-erdogan", "TUR"],
        ["President Aliyev", "person:ilham-aliyev", "AZE"],
        ["Ayatollah Khamenei", "person:ali-khamenei", "IRN"],
      ],
    ],
    [
      "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Antony Blinken spoke.",
      [
        ["Russian Foreign Minister Sergei Lavrov", "person:sergey-lavrov", "RUS"],
        ["U.S. Secretary of State Antony Blinken", "person:antony-blinken", "USA"],
      ],
    ],
    // A state after a titled surname is the person's: not another state's Abdullah.
    [
      "King Abdullah of Jordan received the Saudi envoy.",
      [
        ["King Abdullah of Jordan", "person:abdullah-jor", "JOR"],
        ["Saudi envoy", "SAU", "SAU"],
      ],
    ],
    // An intergovernmental body's official acts for it, not for the state of his dictionary entry.
    [
      "African Union mediator Thabo Mbeki met Sudanese leaders in Khartoum.",
      [
        ["African Union mediator Thabo Mbeki", "person:thabo-mbeki", "IGO"],
        ["Sudanese leaders", "SDN", "SDN"],
        ["Khartoum", "SDN", "SDN"],
      ],
    ],
    [
      "UN Secretary-General Antonio Guterres urged restraint.",
      [["UN Secretary-General Antonio Guterres", "person:antonio-guterres", "IGO"]],
    ],
    [
      "Jeyhun Bayramov, the foreign minister of Azerbaijan, said Baku was ready.",
      [
        ["Jeyhun Bayramov", "person:jeyhun-bayramov", "AZE"],
        ["Baku", "AZE", "AZE"],
      ],
    ],
    [
      "President Aliyev's aide Hikmet Hajiyev has said that the corridor lost its appeal.",
      [
        ["President Aliyev", "person:ilham-aliyev", "AZE"],
        ["aide Hikmet Hajiyev", "person:hikmet-hajiyev", "AZE"],
      ],
    ],
    [
      "Turkey, whose leader Recep Tayyip Erdogan has denounced Israel's actions, stayed silent.",
      [
        ["Turkey", "TUR", "TUR"],
        ["leader Recep Tayyip Erdogan", "person:recep-tayyip-erdogan", "TUR"],
        ["Israel", "ISR", "ISR"],
      ],
    ],
    [
      "Putin and Netanyahu spoke by phone while Turkey's Erdogan waited.",
      [
        ["Putin", "person:vladimir-putin", "RUS"],
        ["Netanyahu", "person:benjamin-netanyahu", "ISR"],
        ["Turkey's Erdogan", "person:recep-tayyip-erdogan", "TUR"],
      ],
    ],
  ]);
});

describe("persons known only from their title or apposition", () => {
  table([
    [
      "Azerbaijani MP Vugar Bayramov criticised the plan.",
      [["Azerbaijani MP Vugar Bayramov", "person:vugar-bayramov", "AZE"]],
    ],
    [
      "Dan Harel, an Israeli politician of Soviet descent, backed the talks.",
      [["Dan Harel", "person:dan-harel", "ISR"]],
    ],
    [
      "The minister met his Turkish counterpart Ahmet Korkmaz in Baku.",
      [
        ["Turkish counterpart Ahmet Korkmaz", "person:ahmet-korkmaz", "TUR"],
        ["Baku", "AZE", "AZE"],
      ],
    ],
    [
      "Kazakh Energy Minister Nurlan Tulegenov and Iranian President Ebrahim Raisi met.",
      [
        ["Kazakh Energy Minister Nurlan Tulegenov", "person:nurlan-tulegenov", "KAZ"],
        ["Iranian President Ebrahim Raisi", "person:ebrahim-raisi", "IRN"],
      ],
    ],
    [
      "Iranian President Ebrahim Raisi and Foreign Minister Reza Karimi arrived.",
      [
        ["Iranian President Ebrahim Raisi", "person:ebrahim-raisi", "IRN"],
        ["Foreign Minister Reza Karimi", "person:reza-karimi", "IRN"],
      ],
    ],
    // In a report that names no state, a person new to us is of no state named…
    ["President Okello Amanyire spoke.", [["President Okello Amanyire", "person:okello-amanyire", null]]],
    // …and where it names states, one the sentence does not tell is dropped: their state would be a guess.
    [
      "Peru and Chile met. Talks went on. President Okello Amanyire spoke.",
      [
        ["Peru", "PER", "PER"],
        ["Chile", "CHL", "CHL"],
      ],
    ],
    // A hyphenated given name is one name.
    [
      "Prime Minister Park Min-jun dissolved the South Korean parliament.",
      [
        ["Prime Minister Park Min-jun", "person:park-min-jun", "KOR"],
        ["South Korean parliament", "KOR", "KOR"],
      ],
    ],
    // A title without a state takes the one state its sentence names other than through persons.
    [
      "President Lukas Varga dissolved the Slovak parliament.",
      [
        ["President Lukas Varga", "person:lukas-varga", "SVK"],
        ["Slovak parliament", "SVK", "SVK"],
      ],
    ],
    ["Prime Minister Anna Berg met Ilham Aliyev.", [["Ilham Aliyev", "person:ilham-aliyev", "AZE"]]],
    [
      "Prime Minister Anna Berg flew from Oslo to Nairobi.",
      [
        ["Oslo", "NOR", "NOR"],
        ["Nairobi", "KEN", "KEN"],
      ],
    ],
    ["Bayramov met his counterpart Omar Haddad in Baku.", [["Baku", "AZE", "AZE"]]],
    // Cities and provinces from GeoNames (places.json), never beside another name.
    [
      "Police in Karachi arrested two men.",
      [
        ["Police", "PAK", "PAK"],
        ["Karachi", "PAK", "PAK"],
      ],
    ],
    ["The West Bengal government banned the march.", [["West Bengal government", "IND", "IND"]]],
    ["Charlotte Hale wrote from Denver.", [["Denver", "USA", "USA"]]],
    // A sentence naming no state continues the state the sentence before opens with.
    [
      "The Georgian Economy Ministry announced the tariffs. On Monday, Economy Minister Levan Kapanadze defended them.",
      [
        ["Georgian Economy Ministry", "GEO", "GEO"],
        ["Minister Levan Kapanadze", "person:levan-kapanadze", "GEO"],
      ],
    ],
    // A plural title before coordinated names: each name is a person.
    [
      "Presidents Ilham Aliyev and Vladimir Putin spoke by phone.",
      [
        ["Presidents Ilham Aliyev", "person:ilham-aliyev", "AZE"],
        ["Vladimir Putin", "person:vladimir-putin", "RUS"],
      ],
    ],
    [
      "Foreign Ministers Jeyhun Bayramov and Hakan Fidan met in Ankara.",
      [
        ["Foreign Ministers Jeyhun Bayramov", "person:jeyhun-bayramov", "AZE"],
        ["Hakan Fidan", "person:hakan-fidan", "TUR"],
        ["Ankara", "TUR", "TUR"],
      ],
    ],
    // The holder named in an apposition after a title without a name.
    [
      "Israel's ambassador in Baku, Yossi Levin, was summoned. Levin left.",
      [
        ["Israel's ambassador in Baku, Yossi Levin", "person:yossi-levin", "ISR"],
        ["Levin", "person:yossi-levin", "ISR"],
      ],
    ],
    // A known surname followed by more of a name was a first name.
    [
      "The Iranian envoy Abbas Karimi arrived.",
      [["Iranian envoy Abbas Karimi", "person:abbas-karimi", "IRN"]],
    ],
    // A one-word title inside a name ("King") is part of it.
    [
      "British Defence Secretary Tom King visited.",
      [["British Defence Secretary Tom King", "person:tom-king", "GBR"]],
    ],
  ]);
});

describe("coreference within a document", () => {
  table([
    [
      "Azerbaijani MP Vugar Bayramov spoke first. Bayramov then left.",
      [
        ["Azerbaijani MP Vugar Bayramov", "person:vugar-bayramov", "AZE"],
        ["Bayramov", "person:vugar-bayramov", "AZE"],
      ],
    ],
    [
      "Israeli Foreign Minister Gideon Sa'ar arrived. Sa'ar wrote on X. Cohen stayed home.",
      [
        ["Israeli Foreign Minister Gideon Sa'ar", "person:gideon-sa-ar", "ISR"],
        ["Sa'ar", "person:gideon-sa-ar", "ISR"],
      ],
    ],
    ["Mojtaba Khamenei was seen in Qom.", [["Qom", "IRN", "IRN"]]],
    [
      "Azerbaijan and Israel signed deals. The two countries agreed to cooperate.",
      [
        ["Azerbaijan", "AZE", "AZE"],
        ["Israel", "ISR", "ISR"],
        ["The two countries", "AZE", "AZE"],
        ["The two countries", "ISR", "ISR"],
      ],
    ],
    [
      "Relations between Baku and Tehran are tense and both sides trade blame.",
      [
        ["Baku", "AZE", "AZE"],
        ["Tehran", "IRN", "IRN"],
        ["both sides", "AZE", "AZE"],
        ["both sides", "IRN", "IRN"],
      ],
    ],
    [
      "Chile and Peru signed a naval accord. The two navies will patrol together.",
      [
        ["Chile", "CHL", "CHL"],
        ["Peru", "PER", "PER"],
        ["The two navies", "CHL", "CHL"],
        ["The two navies", "PER", "PER"],
      ],
    ],
    [
      "The oil comes from Azerbaijan and Kazakhstan. The two have supplied Israel, but of the two, Azerbaijan matters more.",
      [
        ["Azerbaijan", "AZE", "AZE"],
        ["Kazakhstan", "KAZ", "KAZ"],
        ["The two", "AZE", "AZE"],
        ["The two", "KAZ", "KAZ"],
        ["Israel", "ISR", "ISR"],
        ["Azerbaijan", "AZE", "AZE"],
      ],
    ],
    [
      "There is no pressure to take a harder line against the Jewish state or the Islamic Republic.",
      [
        ["Jewish state", "ISR", "ISR"],
        ["Islamic Republic", "IRN", "IRN"],
      ],
    ],
    [
      "Azerbaijan held elections. Turnout in the country was high.",
      [
        ["Azerbaijan", "AZE", "AZE"],
        ["the country", "AZE", "AZE"],
      ],
    ],
    [
      "Iran and Iraq disagree. The government spoke.",
      [
        ["Iran", "IRN", "IRN"],
        ["Iraq", "IRQ", "IRQ"],
      ],
    ],
    [
      "This was not echoed by Hakan Fidan, who repeated his country's criticisms.",
      [
        ["Hakan Fidan", "person:hakan-fidan", "TUR"],
        ["his country", "TUR", "TUR"],
      ],
    ],
  ]);
});

describe("institutions named again without their state", () => {
  table([
    [
      "Armenia's Foreign Ministry protested. The ministry later summoned the envoy.",
      [
        ["Armenia's Foreign Ministry", "ARM", "ARM"],
        ["The ministry", "ARM", "ARM"],
      ],
    ],
    [
      "The Israeli Defence Ministry signed the deal. Iran objected, and the defence ministry's spokesman replied.",
      [
        ["Israeli Defence Ministry", "ISR", "ISR"],
        ["Iran", "IRN", "IRN"],
        ["the defence ministry's spokesman", "ISR", "ISR"],
      ],
    ],
    [
      "Iranian Foreign Ministry spokesman Reza Amini spoke. The ministry also warned Baku.",
      [
        ["Iranian Foreign Ministry spokesman Reza Amini", "person:reza-amini", "IRN"],
        ["The ministry", "IRN", "IRN"],
        ["Baku", "AZE", "AZE"],
      ],
    ],
    [
      "Georgia's embassy in Ankara reopened. The embassy had been shut for a year.",
      [
        ["Georgia's embassy", "GEO", "GEO"],
        ["Ankara", "TUR", "TUR"],
        ["The embassy", "GEO", "GEO"],
      ],
    ],
    // A foreign ministry is not a defence ministry; one named of its state names that state.
    [
      "Turkey's Defence Ministry spoke of Greece. The foreign ministry did not.",
      [
        ["Turkey's Defence Ministry", "TUR", "TUR"],
        ["Greece", "GRC", "GRC"],
      ],
    ],
    ["The ministry said nothing.", []],
  ]);
});

describe("'it' for the state that opens the clause before", () => {
  table([
    [
      "Armenia, for its part, stayed calm. Yet, it also warned Baku.",
      [
        ["Armenia", "ARM", "ARM"],
        ["it", "ARM", "ARM"],
        ["Baku", "AZE", "AZE"],
      ],
    ],
    [
      "Although Turkey disliked the deal, it signed it.",
      [
        ["Turkey", "TUR", "TUR"],
        ["it", "TUR", "TUR"],
      ],
    ],
    // Not "it is", not a thing that opens the sentence, not a people.
    ["Georgia held talks. It is unclear what followed.", [["Georgia", "GEO", "GEO"]]],
    ["The pipeline reached Turkey. It carries gas.", [["Turkey", "TUR", "TUR"]]],
    ["Azerbaijanis voted. It changed nothing.", [["Azerbaijanis", "AZE", "AZE"]]],
  ]);
});

describe("unidentified attackers", () => {
  table([
    [
      "A gunman armed with an assault rifle opened fire on the consulate.",
      [["A gunman armed with an assault rifle", "group:unidentified-actors", "UNK"]],
    ],
    [
      "Unidentified gunmen wearing masks attacked Israeli soldiers.",
      [
        ["Unidentified gunmen wearing masks", "group:unidentified-actors", "UNK"],
        ["Israeli soldiers", "ISR", "ISR"],
      ],
    ],
    // The modifier is not taken over a name: "carrying Iranian passports" names Iran.
    [
      "A gunman carrying Iranian papers shot a guard.",
      [
        ["A gunman", "group:unidentified-actors", "UNK"],
        ["Iranian", "IRN", "IRN"],
      ],
    ],
    // Bare plurals are unidentified too, unless a name before them says whose they are.
    [
      "Gunmen stormed a hotel in Lima.",
      [
        ["Gunmen", "group:unidentified-actors", "UNK"],
        ["Lima", "PER", "PER"],
      ],
    ],
    ["Hamas gunmen stormed a hotel.", [["Hamas", "organization:hamas", "PSE"]]],
  ]);
});

describe("short forms of organisations named before", () => {
  table([
    ["The Guards paraded in London.", [["London", "GBR", "GBR"]]],
    [
      "The Revolutionary Guards held drills. Later the Guards withdrew.",
      [
        ["Revolutionary Guards", "organization:islamic-revolutionary-guard-corps", "IRN"],
        ["Guards", "organization:islamic-revolutionary-guard-corps", "IRN"],
      ],
    ],
  ]);
});

describe("cities and homonyms", () => {
  table([
    [
      "Missiles struck Haifa and Ganja, and protests spread to Tabriz.",
      [
        ["Haifa", "ISR", "ISR"],
        ["Ganja", "AZE", "AZE"],
        ["Tabriz", "IRN", "IRN"],
      ],
    ],
    ["The Haifa University team won.", []],
    [
      "Georgia and Armenia signed a transit deal in Tbilisi.",
      [
        ["Georgia", "GEO", "GEO"],
        ["Armenia", "ARM", "ARM"],
        ["Tbilisi", "GEO", "GEO"],
      ],
    ],
    [
      "A plant opened in Savannah, Georgia. Georgia's governor welcomed it, and Georgia gained 900 jobs.",
      [
        ["Georgia", "USA", "USA"],
        ["Georgia's governor", "USA", "USA"],
        ["Georgia", "USA", "USA"],
      ],
    ],
    ["The state of Georgia sued the firm.", [["Georgia", "USA", "USA"]]],
    [
      "A plant opened in Macon, Georgia. Later, Tbilisi, Georgia hosted the talks.",
      [
        ["Georgia", "USA", "USA"],
        ["Tbilisi", "GEO", "GEO"],
        ["Georgia", "GEO", "GEO"],
      ],
    ],
  ]);
});

describe("peoples and minorities", () => {
  table([
    // A people named after a demonym belongs to the first state.
    [
      "Bosnian Croats and Iraqi Kurds met.",
      [
        ["Bosnian Croats", "BIH", "BIH"],
        ["Iraqi Kurds", "IRQ", "IRQ"],
      ],
    ],
    ["Croatian Serb police arrived.", [["Croatian Serb police", "HRV", "HRV"]]],
    // Two states side by side before a non-actor noun stay two.
    [
      "Turkish Israeli trade grew.",
      [
        ["Turkish", "TUR", "TUR"],
        ["Israeli", "ISR", "ISR"],
      ],
    ],
    // "ethnic" people are of the state they live in, when the sentence names it as a place.
    [
      "Thousands of ethnic Uzbeks marched in southern Kyrgyzstan.",
      [
        ["Uzbeks", "KGZ", "KGZ"],
        ["Kyrgyzstan", "KGZ", "KGZ"],
      ],
    ],
    [
      "Georgia is home to many ethnic Armenians.",
      [
        ["Georgia", "GEO", "GEO"],
        ["Armenians", "ARM", "ARM"],
      ],
    ],
  ]);
});

describe("state institutions with modifiers", () => {
  table([
    ["Lebanon's caretaker government resigned.", [["Lebanon's caretaker government", "LBN", "LBN"]]],
    ["Hungary's Fidesz government objected.", [["Hungary's Fidesz government", "HUN", "HUN"]]],
    ["Israel's Netanyahu government fell.", [["Israel's Netanyahu government", "ISR", "ISR"]]],
    [
      "A Spanish judge summoned former president Carlos Reyes.",
      [
        ["Spanish judge", "ESP", "ESP"],
        ["president Carlos Reyes", "person:carlos-reyes", "ESP"],
      ],
    ],
  ]);
});

describe("generic agents (police, rebels, teachers) and their state", () => {
  table([
    // With a demonym or a possessive, an agent is an actor phrase of that state.
    [
      "Zambian teachers and Chad's rebels met.",
      [
        ["Zambian teachers", "ZMB", "ZMB"],
        ["Chad's rebels", "TCD", "TCD"],
      ],
    ],
    // Placed in a state's city or in the state, it is that state's, whatever else the document names.
    [
      "Riot police in Cairo and soldiers from Chad were seen near Libya.",
      [
        ["Riot police", "EGY", "EGY"],
        ["Cairo", "EGY", "EGY"],
        ["soldiers", "TCD", "TCD"],
        ["Chad", "TCD", "TCD"],
        ["Libya", "LBY", "LBY"],
      ],
    ],
    // Bare, it takes the one state its document names, in any sentence.
    [
      "Rebels shelled a market on Sunday. Malian officials said villagers fled.",
      [
        ["Rebels", "MLI", "MLI"],
        ["Malian officials", "MLI", "MLI"],
        ["villagers", "MLI", "MLI"],
      ],
    ],
    // In a document of two states a bare agent names no one: whose police they are is a guess.
    [
      "Police detained students after Peru and Chile closed the border.",
      [
        ["Peru", "PER", "PER"],
        ["Chile", "CHL", "CHL"],
      ],
    ],
    // In a document of none it is an actor of its own, of no state.
    [
      "Teachers went on strike on Monday and nurses joined them.",
      [
        ["Teachers", "agent:education", null],
        ["nurses", "agent:health", null],
      ],
    ],
    // A noun modifying another, a word of a name, or an agent of the body named after it is no agent.
    [
      "A police station and a student union in Kenya were shut by workers of the UN and the High Commission for Refugees.",
      [
        ["Kenya", "KEN", "KEN"],
        ["UN", "igo:united-nations", "IGO"],
      ],
    ],
  ]);
});

describe("generic agents carry their kind", () => {
  it("with a demonym, placed, or bare", () => {
    const found = recogniseActors(
      nlp.analyse("Zambian teachers said rebels in Lusaka shelled a school. Students fled."),
      gazetteer,
    )
      .flat()
      .map((m) => [m.text, m.via, m.agent]);
    expect(found).toEqual([
      ["Zambian teachers", "demonym", "EDU"],
      ["rebels", "agent", "REB"],
      ["Lusaka", "capital", undefined],
      ["Students", "agent", "EDU"],
    ]);
  });
});

describe("names that are a stance or an origin, not an actor", () => {
  table([
    ["Thousands joined a pro-Palestinian march and an anti-Iran rally.", []],
    // (No state is named: the army is an agent of no state.)
    ["The army flies Israeli-made drones from a Saudi-owned base.", [["army", "agent:military", null]]],
    ["Iranian-born Israeli lawmakers objected.", [["Israeli lawmakers", "ISR", "ISR"]]],
  ]);
});

describe("traps that are not actors", () => {
  table([
    ["Michael Jordan visited Chicago.", [["Chicago", "USA", "USA"]]],
    ["Chad Smith and Jordan Peterson shared a stage.", []],
    ["The Washington Post and the Jerusalem Post reported it.", []],
    ["In Guba District lies Red Village, the only all-Jewish settlement.", []],
    ["The deal was signed in May and revised in March.", []],
    ["Let us see what happens to us.", []],
    ["The Heydar Aliyev Center hosted a concert.", []],
    ["Latin America and the Persian Gulf are far apart.", []],
    ["Eldar Mamedov is a Brussels-based foreign policy expert.", []],
    ["We ate turkey on china plates.", []],
    ["Israeli general elections were held.", [["Israeli", "ISR", "ISR"]]],
    ["The two members of the club met.", []],
  ]);
});

describe("mentions carry how they were recognised", () => {
  it("marks names, demonyms, capitals, persons, titles and coreference", () => {
    const sentences = nlp.analyse(
      "Azerbaijani MP Vugar Bayramov met Israeli envoys in Baku. Azerbaijan and Israel agreed; the two countries signed.",
    );
    const vias = recogniseActors(sentences, gazetteer)
      .flat()
      .map((m) => `${m.text}:${m.via}`);
    expect(vias).toEqual([
      "Azerbaijani MP Vugar Bayramov:title",
      "Israeli envoys:demonym",
      "Baku:capital",
      "Azerbaijan:name",
      "Israel:name",
      "the two countries:coreference",
      "the two countries:coreference",
    ]);
  });
});

describe("offices and their holders", () => {
  it("names the holder of a title without a name when the publication date is given", () => {
    const text = "Iran's president said the talks failed.";
    expect(mentions(text)).toEqual([["Iran's president", "IRN", "IRN"]]);
    expect(mentions(text, { published: isoDateOrThrow("2023-05") })).toEqual([
      ["Iran's president", "person:ebrahim-raisi", "IRN"],
    ]);
    expect(mentions(text, { published: isoDateOrThrow("2025-02-01") })).toEqual([
      ["Iran's president", "person:masoud-pezeshkian", "IRN"],
    ]);
  });

  it("picks the Aliyev in office for 'President Aliyev'", () => {
    expect(mentions("President Aliyev spoke.", { published: isoDateOrThrow("1999") })).toEqual([
      ["President Aliyev", "person:heydar-aliyev", "AZE"],
    ]);
    expect(mentions("President Aliyev spoke.")).toEqual([["President Aliyev", "person:ilham-aliyev", "AZE"]]);
  });

  it("answers holderOf at the precision of the date asked", () => {
    const holder = (role: string, country: string, date: string): string | null =>
      gazetteer.holderOf(role, country, isoDateOrThrow(date))?.id ?? null;
    expect(holder("president", "IRN", "2023")).toBe("person:ebrahim-raisi");
    expect(holder("president", "IRN", "2024-06")).toBe("person:mohammad-mokhber");
    expect(holder("president", "IRN", "2024-08-15")).toBe("person:masoud-pezeshkian");
    expect(holder("foreign-minister", "AZE", "2015")).toBe("person:elmar-mammadyarov");
    expect(holder("foreign-minister", "AZE", "2022")).toBe("person:jeyhun-bayramov");
    expect(holder("defence-minister", "ISR", "2023-06")).toBe("person:yoav-gallant");
    expect(holder("president", "AZE", "1990")).toBeNull();
  });
});

describe("robustness", () => {
  const pieces = [
    "Iran",
    "Iran's",
    "the two countries",
    "President",
    "Aliyev",
    "Azerbaijani",
    "MP",
    "U.S.",
    "US",
    "Sa'ar",
    ",",
    ".",
    " and ",
    "’s",
    "-",
    "–",
    "the",
    "Foreign Minister",
    "of",
    "Washington",
    "Post",
    "ğ",
    "Ə",
    "\u00a0",
    "\n",
    "  ",
  ];
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: "grapheme", maxLength: 4 }),
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(" "));

  it("never throws and keeps every span inside its sentence, matching the text", () => {
    fc.assert(
      fc.property(text, (input) => {
        const sentences = nlp.analyse(input);
        const found = recogniseActors(sentences, gazetteer);
        expect(found).toHaveLength(sentences.length);
        found.forEach((list, i) => {
          const sentence = sentences[i];
          if (!sentence) throw new Error("a list per sentence");
          for (const m of list) {
            expect(m.start).toBeGreaterThanOrEqual(sentence.start);
            expect(m.end).toBeLessThanOrEqual(sentence.end);
            expect(m.start).toBeLessThan(m.end);
            expect(input.slice(m.start, m.end)).toBe(m.text);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
