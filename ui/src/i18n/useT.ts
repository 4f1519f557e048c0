import { useCallback } from "react";
import { useIntl } from "react-intl";
import type { MessageId } from "./catalogs";

/** Values an ICU message takes: numbers for plurals, text, dates. */
export type MessageValues = Record<string, string | number | Date>;

/** `t("onboarding.title", { count: 2 })`: a message of the active language, as plain text. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
