// Which language Bankbook speaks, and which locale formats its figures and dates.

import type { LanguageChoice } from "../ipc";

/** The languages Bankbook has catalogs for. */
export const LANGUAGES = ["en", "sk"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language before a choice or a system locale is known, and for a locale we lack. */
export const FALLBACK_LANGUAGE: Language = "en";

/** Each language's own region, for formatting when the system's locale is of another language. */
const HOME_LOCALE: Record<Language, string> = { en: "en-GB", sk: "sk-SK" };

function isLanguage(tag: string): tag is Language {
  return (LANGUAGES as readonly string[]).includes(tag);
}

/** The language of a BCP 47 tag ("sk-SK" -> "sk"), if Bankbook speaks it. */
function languageOf(locale: string | null): Language | null {
  const language = locale?.split("-")[0]?.toLowerCase() ?? "";
  return isLanguage(language) ? language : null;
}

/** The user's choice, or the system's language when they left it to the system. */
export function resolveLanguage(choice: LanguageChoice, systemLocale: string | null): Language {
  if (choice !== "system") {
    return choice;
  }
  return languageOf(systemLocale) ?? FALLBACK_LANGUAGE;
}

/** The locale that formats money and dates: the system's own when it is of the same language
 * ("en-US" keeps its month-first dates), else the language's home ("sk-SK"). */
export function formattingLocale(language: Language, systemLocale: string | null): string {
  if (systemLocale !== null && languageOf(systemLocale) === language) {
    try {
      return Intl.getCanonicalLocales(systemLocale)[0] ?? HOME_LOCALE[language];
    } catch {
      return HOME_LOCALE[language];
    }
  }
  return HOME_LOCALE[language];
}
