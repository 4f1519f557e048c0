import { LANGUAGES } from "../../i18n/language";
import { type BankField, type BankFormProblem, CommandError } from "../../ipc";
import { testIntl } from "../../test/intl";
import { fieldProblemOf, problemMessage } from "./fieldProblem";

const FIELDS: BankField[] = [
  "name",
  "baseUrl",
  "clientId",
  "clientSecret",
  "clientCertificate",
  "clientKeyFile",
];
const PROBLEMS: BankFormProblem[] = [
  "missing",
  "notHttps",
  "notAUrl",
  "readableByOthers",
  "notAKey",
  "notACertificate",
  "keyDoesNotMatch",
  "unreadable",
  "tooLong",
];

describe("problemMessage", () => {
  it.each(LANGUAGES)("words every problem of every field in %s", (language) => {
    const intl = testIntl(language);
    for (const field of FIELDS) {
      for (const problem of PROBLEMS) {
        const text = intl.formatMessage({ id: problemMessage({ field, problem }) });
        expect(text.length, `${field} ${problem}`).toBeGreaterThan(10);
      }
    }
  });

  it("says per field what is missing", () => {
    const intl = testIntl("en");
    const missing = FIELDS.map((field) =>
      intl.formatMessage({ id: problemMessage({ field, problem: "missing" }) }),
    );
    expect(new Set(missing).size).toBe(FIELDS.length);
  });
});

describe("fieldProblemOf", () => {
  it("finds the field of a refused form, and nothing in other failures", () => {
    const refused = new CommandError({
      code: "invalid_input",
      message: "m",
      detail: { kind: "bankForm", field: "clientKeyFile", problem: "readableByOthers" },
    });
    expect(fieldProblemOf(refused)).toEqual({
      field: "clientKeyFile",
      problem: "readableByOthers",
    });
    expect(fieldProblemOf(new CommandError({ code: "internal", message: "m" }))).toBeNull();
    expect(fieldProblemOf(new Error("boom"))).toBeNull();
  });

  it("reads the error as it comes over IPC", () => {
    expect(
      fieldProblemOf({
        code: "invalid_input",
        message: "m",
        retryAfterSeconds: null,
        detail: { kind: "bankForm", field: "baseUrl", problem: "notHttps" },
      }),
    ).toEqual({ field: "baseUrl", problem: "notHttps" });
  });
});
