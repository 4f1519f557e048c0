import { type ReactNode, useEffect } from "react";
import { IntlProvider } from "react-intl";
import { CATALOGS } from "./catalogs";
import type { Language } from "./language";

/** Everything below speaks `language` and formats for `locale`; the page's `lang` follows, so
 * a screen reader picks the right voice. */
export function Localized({
  language,
  locale,
  children,
}: {
  language: Language;
  locale: string;
  children: ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <IntlProvider locale={locale} messages={CATALOGS[language]} defaultLocale="en">
      {children}
    </IntlProvider>
  );
}
