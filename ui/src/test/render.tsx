import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { IntlProvider } from "react-intl";
import { CATALOGS } from "../i18n/catalogs";
import { formattingLocale, type Language } from "../i18n/language";

/** A catalog gap fails the test instead of falling back to the message id. */
function failOnIntlError(error: Error): never {
  throw error;
}

/** The app's providers around `children`: the given language (English by default) and a query
 * cache that does not retry, as the app's own. */
export function TestProviders({
  client,
  language = "en",
  children,
}: {
  client: QueryClient;
  language?: Language;
  children: ReactNode;
}) {
  return (
    <IntlProvider
      locale={formattingLocale(language, null)}
      messages={CATALOGS[language]}
      defaultLocale="en"
      onError={failOnIntlError}
    >
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </IntlProvider>
  );
}

/** Renders with a fresh query cache, in English unless told; `rerender` keeps the cache. */
export function renderWithQueries(ui: ReactElement, { language }: { language?: Language } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders client={client} {...(language ? { language } : {})}>
      {children}
    </TestProviders>
  );
  return { ...render(ui, { wrapper }), client };
}
