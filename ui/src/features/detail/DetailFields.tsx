import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { formatCalendarDay } from "../../format/calendarDay";
import { compactIban, groupedIban } from "../../format/iban";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";
import type { TransactionDetail } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { AccountName } from "./AccountName";

/** What stands for a field the bank did not send. */
const DASH = "\u2014";

type Copy = { text: string; label: MessageId };

/** Every field of the entry, always in the same order; one the bank did not send shows a dash
 * (read as "Not sent by the bank"), so the reader sees it is missing rather than forgotten. */
export function DetailFields({
  detail,
  onCopy,
}: {
  detail: TransactionDetail;
  onCopy: (text: string) => void;
}) {
  const t = useT();
  const { locale } = useIntl();
  const entry = detail.transaction;
  const day = (date: string | null) => date && formatCalendarDay(date, locale);
  const symbol = (value: string | null, label: MessageId): Copy | null =>
    value ? { text: value, label } : null;
  return (
    <>
      <dl className="detail-fields">
        <Field
          label={t("detail.field.amount")}
          copy={{ text: entry.amount, label: "detail.copy.amount" }}
          onCopy={onCopy}
        >
          {/* The currency once: its symbol, or for one Intl cannot format, its code. */}
          <span className="detail-amount">
            {formatMoney(entry.amount, entry.currency, { locale, sign: "always" })}
          </span>
        </Field>
        <Field label={t("detail.field.status")}>
          {t(entry.status === "pending" ? "detail.status.pending" : "detail.status.booked")}
        </Field>
        <Field label={t("detail.field.bookingDate")}>{day(entry.bookingDate)}</Field>
        <Field label={t("detail.field.valueDate")}>{day(entry.valueDate)}</Field>
        <Field label={t("detail.field.counterparty")}>{entry.counterpartyName}</Field>
        <Field
          label={t("detail.field.counterpartyIban")}
          copy={
            entry.counterpartyIban
              ? { text: compactIban(entry.counterpartyIban), label: "detail.copy.iban" }
              : null
          }
          onCopy={onCopy}
        >
          {entry.counterpartyIban && (
            <span className="detail-mono">{groupedIban(entry.counterpartyIban)}</span>
          )}
        </Field>
        <Field label={t("detail.field.description")}>{entry.description}</Field>
        <Field label={t("detail.field.bankNote")}>{entry.bankNote}</Field>
        <Field
          label={t("detail.field.variableSymbol")}
          copy={symbol(entry.variableSymbol, "detail.copy.variableSymbol")}
          onCopy={onCopy}
        >
          {entry.variableSymbol}
        </Field>
        <Field
          label={t("detail.field.specificSymbol")}
          copy={symbol(entry.specificSymbol, "detail.copy.specificSymbol")}
          onCopy={onCopy}
        >
          {entry.specificSymbol}
        </Field>
        <Field
          label={t("detail.field.constantSymbol")}
          copy={symbol(entry.constantSymbol, "detail.copy.constantSymbol")}
          onCopy={onCopy}
        >
          {entry.constantSymbol}
        </Field>
        <Field label={t("detail.field.endToEnd")}>
          {detail.endToEndReference && (
            <span className="detail-mono">{detail.endToEndReference}</span>
          )}
        </Field>
        <Field label={t("detail.field.bankTransactionCode")}>
          {detail.bankTransactionCode && (
            <span className="detail-mono">{detail.bankTransactionCode}</span>
          )}
        </Field>
        <Field label={t("detail.field.entryReference")}>
          <span className="detail-mono">{entry.id}</span>
        </Field>
        <Field label={t("detail.field.account")}>
          <AccountName iban={detail.iban} />
        </Field>
      </dl>
      {detail.raw !== null ? (
        <details className="detail-raw">
          <summary>{t("detail.raw.summary")}</summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must take the focus, so the keyboard can scroll it. */}
          <pre className="detail-raw-json" tabIndex={0}>
            {detail.raw}
          </pre>
        </details>
      ) : (
        <p className="detail-note">{t("detail.raw.missing")}</p>
      )}
    </>
  );
}

/** One term and its value; an empty value is the dash. */
function Field({
  label,
  copy = null,
  onCopy,
  children,
}: {
  label: string;
  copy?: Copy | null;
  onCopy?: (text: string) => void;
  children: ReactNode;
}) {
  const t = useT();
  const empty =
    children === null || children === undefined || children === "" || children === false;
  return (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd>
        {empty ? (
          <>
            <span aria-hidden="true">{DASH}</span>
            <span className="visually-hidden">{t("detail.missing")}</span>
          </>
        ) : (
          <span className="detail-value">{children}</span>
        )}
        {!empty && copy && onCopy && (
          <button
            type="button"
            className="button small detail-copy"
            aria-label={t(copy.label)}
            onClick={() => onCopy(copy.text)}
          >
            {t("detail.copy")}
          </button>
        )}
      </dd>
    </div>
  );
}
