import { createIntl, type IntlShape } from "react-intl";
import { CATALOGS } from "../i18n/catalogs";
import { formattingLocale, type Language } from "../i18n/language";

/** What `useIntl()` gives a component, for testing plain functions; a missing message throws. */
export function testIntl(language: Language = "en"): IntlShape {
  return createIntl({
    // The app's own choice on a system that names no locale.
    locale: formattingLocale(language, null),
    messages: CATALOGS[language],
    defaultLocale: "en",
    onError: (error) => {
      throw error;
    },
  });
}
