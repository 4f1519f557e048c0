import { formattingLocale, resolveLanguage } from "./language";

describe("resolveLanguage", () => {
  it("speaks the language the user chose, whatever the system's", () => {
    expect(resolveLanguage("sk", "en-US")).toBe("sk");
    expect(resolveLanguage("en", "sk-SK")).toBe("en");
  });

  it("speaks the system's language when left to the system", () => {
    expect(resolveLanguage("system", "sk-SK")).toBe("sk");
    expect(resolveLanguage("system", "SK")).toBe("sk");
    expect(resolveLanguage("system", "en-US")).toBe("en");
  });

  it("speaks English for a system language it has no catalog for, or none", () => {
    expect(resolveLanguage("system", "cs-CZ")).toBe("en");
    expect(resolveLanguage("system", null)).toBe("en");
    expect(resolveLanguage("system", "")).toBe("en");
  });
});

describe("formattingLocale", () => {
  it("formats as the system does when it speaks the same language", () => {
    expect(formattingLocale("en", "en-US")).toBe("en-US");
    expect(formattingLocale("sk", "sk-SK")).toBe("sk-SK");
  });

  it("formats as the language's home does otherwise", () => {
    expect(formattingLocale("sk", "en-US")).toBe("sk-SK");
    expect(formattingLocale("en", "sk-SK")).toBe("en-GB");
    expect(formattingLocale("en", null)).toBe("en-GB");
  });
});
