// The catalogs checked as a whole: what the type check cannot see. Every area has the same keys in
// English and Slovak, under its own prefix; every message is valid ICU with the same arguments in
// both languages, and plurals for every CLDR category of the language; every message is used
// somewhere in the code; and Slovak says each one in Slovak, not in English.

import {
  isPluralElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
  parse,
  TYPE,
} from "@formatjs/icu-messageformat-parser";
import { AREAS } from "./catalogs";
import type { Language } from "./language";

/** Messages that are the same in every language: names. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  "common.appName",
  // Each language's name in that language.
  "common.language.en",
  "common.language.sk",
]);

/** The code that may use a message: every source file but the tests and the catalogs. */
const SOURCES = import.meta.glob<string>(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}"], {
  query: "?raw",
  import: "default",
  eager: true,
});

type Catalog = Record<string, string>;
const areas = Object.entries(AREAS) as [string, Record<Language, Catalog>][];
const everyMessage = areas.flatMap(([area, { en, sk }]) =>
  Object.keys(en).map((id) => ({ area, id, en: en[id] ?? "", sk: sk[id] ?? "" })),
);

/** Each argument a message takes, by name, with its kind ("argument", "plural", "date"...). */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, string>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) {
      continue;
    }
    found.set(element.value, TYPE[element.type]);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) {
        argumentsOf(option.value, found);
      }
    } else if (isTagElement(element)) {
      argumentsOf(element.children, found);
    }
  }
  return found;
}

/** The plural categories each plural of a message offers (exact matches such as =0 left out). */
function pluralsOf(elements: MessageFormatElement[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (isPluralElement(element) || isSelectElement(element)) {
      if (isPluralElement(element)) {
        found.push(Object.keys(element.options).filter((key) => !key.startsWith("=")));
      }
      for (const option of Object.values(element.options)) {
        pluralsOf(option.value, found);
      }
    } else if (isTagElement(element)) {
      pluralsOf(element.children, found);
    }
  }
  return found;
}

describe.each(areas)("the %s catalogs", (area, { en, sk }) => {
  it("have the same keys in English and Slovak", () => {
    expect(Object.keys(sk).sort()).toEqual(Object.keys(en).sort());
  });

  it("prefix every key with the area", () => {
    const strays = [...Object.keys(en), ...Object.keys(sk)].filter(
      (id) => !id.startsWith(`${area}.`),
    );
    expect(strays).toEqual([]);
  });
});

describe.each(everyMessage)("$id", ({ id, en, sk }) => {
  it("is valid ICU in both languages, with the same arguments", () => {
    expect(Object.fromEntries(argumentsOf(parse(sk)))).toEqual(
      Object.fromEntries(argumentsOf(parse(en))),
    );
  });

  it("has every plural category of each language", () => {
    for (const [language, text] of [
      ["en", en],
      ["sk", sk],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const offered of pluralsOf(parse(text))) {
        expect({ language, missing: categories.filter((c) => !offered.includes(c)) }).toEqual({
          language,
          missing: [],
        });
      }
    }
  });

  it("is said in Slovak", () => {
    if (!SAME_IN_EVERY_LANGUAGE.has(id)) {
      expect(sk).not.toBe(en);
    }
  });

  it("is used by the code", () => {
    const quoted = [`"${id}"`, `'${id}'`, `\`${id}\``];
    const users = Object.entries(SOURCES).filter(([, source]) =>
      quoted.some((text) => source.includes(text)),
    );
    expect(users.length, `no source file uses "${id}"`).toBeGreaterThan(0);
  });
});

describe("Slovak plurals", () => {
  it("have the categories the check expects", () => {
    // one: 1; few: 2-4; many: fractions; other: 0, 5 and up.
    expect(new Intl.PluralRules("sk").resolvedOptions().pluralCategories.sort()).toEqual([
      "few",
      "many",
      "one",
      "other",
    ]);
  });
});
