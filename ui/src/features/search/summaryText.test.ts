import type { QueryNote, SearchSummary } from "../../ipc";
import { testIntl } from "../../test/intl";
import { coverageText, noteText, summaryParts } from "./summaryText";

const en = testIntl("en");
const sk = testIntl("sk");

function summary(fields: Partial<SearchSummary>): SearchSummary {
  return {
    count: 0,
    totals: [],
    coverage: { storedSince: null, complete: false },
    notes: [],
    ...fields,
  };
}

describe("summaryParts", () => {
  it("counts, then sums in and out per currency, exactly as the decimal text says", () => {
    const parts = summaryParts(
      en,
      summary({
        count: 128,
        totals: [
          {
            currency: "EUR",
            incoming: "1234.50",
            outgoing: "-987.65",
            incomingCount: 2,
            outgoingCount: 126,
          },
          {
            currency: "CZK",
            incoming: "90071992547409.93",
            outgoing: "0",
            incomingCount: 1,
            outgoingCount: 0,
          },
        ],
      }),
    );
    expect(parts).toEqual([
      "128 transactions",
      "In +€1,234.50",
      "Out −€987.65",
      // More than a float holds exactly: every digit kept.
      "In +CZK\u00a090,071,992,547,409.93",
    ]);
  });

  it("speaks Slovak, with its plurals", () => {
    const one = (count: number) => summaryParts(sk, summary({ count }))[0];
    expect([one(1), one(3), one(5), one(1234)]).toEqual([
      "1 transakcia",
      "3 transakcie",
      "5 transakcií",
      "1\u00a0234 transakcií",
    ]);
    const [, incoming, outgoing] = summaryParts(
      sk,
      summary({
        count: 2,
        totals: [
          {
            currency: "EUR",
            incoming: "1234.5",
            outgoing: "-987.65",
            incomingCount: 1,
            outgoingCount: 1,
          },
        ],
      }),
    );
    expect(incoming).toBe("Príjmy +1\u00a0234,50\u00a0€");
    expect(outgoing).toBe("Výdavky −987,65\u00a0€");
  });

  it("counts one transaction in the singular and shows nothing for no currency", () => {
    expect(summaryParts(en, summary({ count: 1 }))).toEqual(["1 transaction"]);
  });
});

describe("noteText", () => {
  const notes: QueryNote[] = [
    { kind: "notAnAmount", text: "1,2,3" },
    { kind: "tooLong", text: "1000" },
    { kind: "tooManyWords", text: "32" },
    { kind: "ignoredWords", text: "*** --" },
    { kind: "badDateRange", text: "2026-05-01..2026-04-01" },
  ];

  it("words every note in English", () => {
    expect(notes.map((note) => noteText(en, note))).toEqual([
      "“1,2,3” is not an amount, so amounts were not filtered",
      "The search text is long: only its first 1,000 characters were searched",
      "Only the first 32 words were searched",
      "“*** --” has no letters or digits, so it was left out",
      "The dates do not make a range, so dates were not filtered",
    ]);
  });

  it("and in Slovak", () => {
    expect(notes.map((note) => noteText(sk, note))).toEqual([
      "„1,2,3“ nie je suma, preto sa podľa sumy nefiltrovalo",
      "Hľadaný text je dlhý: prehľadalo sa len jeho prvých 1\u00a0000 znakov",
      "Hľadalo sa len prvých 32 slov",
      "„*** --“ neobsahuje písmená ani číslice, preto sa vynechalo",
      "Dátumy netvoria rozsah, preto sa podľa dátumu nefiltrovalo",
    ]);
  });

  it("words a second amount left out, and leaves out a kind it does not know", () => {
    const extra: QueryNote = { kind: "extraAmount", text: "12,50" };
    expect(noteText(en, extra)).toBe("Only the last amount typed was used: “12,50” was left out");
    expect(noteText(sk, extra)).toBe("Použila sa len posledná zadaná suma: „12,50“ sa vynechalo");
    expect(noteText(en, { kind: "somethingNew", text: "x" } as unknown as QueryNote)).toBeNull();
  });

  it("keeps a limit that is not a number as it came", () => {
    expect(noteText(en, { kind: "tooManyWords", text: "many" })).toBe(
      "Only the first many words were searched",
    );
  });
});

describe("coverageText", () => {
  it("says since when the history is stored, in the locale's words", () => {
    const coverage = { storedSince: "2026-03-03", complete: false };
    expect(coverageText(en, coverage)).toBe("Searched history stored since 3 March 2026");
    expect(coverageText(sk, coverage)).toBe("Prehľadaná história uložená od 3. marca 2026");
  });

  it("says when it was all of it, or when nothing is stored yet", () => {
    expect(coverageText(en, { storedSince: "2020-01-01", complete: true })).toBe(
      "Searched the whole history",
    );
    expect(coverageText(sk, { storedSince: null, complete: true })).toBe(
      "Prehľadaná celá história",
    );
    expect(coverageText(en, { storedSince: null, complete: false })).toBe(
      "No history is stored yet to search",
    );
  });

  it("shows a date it cannot read as it came", () => {
    expect(coverageText(en, { storedSince: "2026-02-31", complete: false })).toBe(
      "Searched history stored since 2026-02-31",
    );
  });
});
