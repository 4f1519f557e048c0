import { createIntl, type IntlShape } from "react-intl";
import { CATALOGS } from "../i18n/catalogs";
import type { Language } from "../i18n/language";

/** The locale each test language formats with, as the test renders use. */
export const TEST_LOCALE: Record<Language, string> = { en: "en-GB", sk: "sk-SK" };

/** What `useIntl()` gives a component, for testing plain functions; a missing message throws. */
export function testIntl(language: Language = "en"): IntlShape {
  return createIntl({
    locale: TEST_LOCALE[language],
    messages: CATALOGS[language],
    defaultLocale: "en",
    onError: (error) => {
      throw error;
    },
  });
}
