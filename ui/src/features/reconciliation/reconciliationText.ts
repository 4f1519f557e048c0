import type { IntlShape } from "react-intl";
import { formatCalendarDay } from "../../format/calendarDay";
import type { AccountReconciliation, HistoryBreak } from "../../ipc";
import { formatMoney } from "../money/formatMoney";

/** The one line that says whether the stored history adds up, when it does (or is unknown). */
export function consistencyText(intl: IntlShape, found: AccountReconciliation): string {
  if (!found.checked) {
    return intl.formatMessage({ id: "transactions.reconciliation.unchecked" });
  }
  if (found.since === null) {
    return intl.formatMessage({ id: "transactions.reconciliation.empty" });
  }
  const date = formatCalendarDay(found.since, intl.locale);
  return intl.formatMessage(
    {
      id: found.complete
        ? "transactions.reconciliation.complete"
        : "transactions.reconciliation.partial",
    },
    { date },
  );
}

/** Where a break is ("on 4 March", "between 3 and 9 March") and what the store lacks. */
export function breakText(
  intl: IntlShape,
  found: HistoryBreak,
  currency: string,
): { headline: string; detail: string } {
  const day = (text: string) => formatCalendarDay(text, intl.locale);
  const oneDay = found.from === found.to;
  const headline = oneDay
    ? intl.formatMessage({ id: "transactions.reconciliation.breakOn" }, { date: day(found.to) })
    : intl.formatMessage(
        { id: "transactions.reconciliation.breakBetween" },
        { from: day(found.from), to: day(found.to) },
      );
  const amount = formatMoney(found.missing, currency, { locale: intl.locale, sign: "always" });
  const detail = intl.formatMessage(
    {
      id: oneDay ? "transactions.reconciliation.missingOn" : "transactions.reconciliation.missing",
    },
    { amount },
  );
  return { headline, detail };
}
