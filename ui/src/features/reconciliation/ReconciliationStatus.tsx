import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import { toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { breakText, consistencyText } from "./reconciliationText";
import { useReconciliation } from "./useReconciliation";

/** Under the account's name: whether its stored history adds up to the balances the bank
 * reported, or where it breaks, with the way to fetch those days again. What fetching again
 * found is announced; when it mends the history, the focus (on the button, now gone) moves to
 * the sentence that says so. */
export function ReconciliationStatus({ iban }: { iban: string }) {
  const t = useT();
  const intl = useIntl();
  const { check, fetchAgain } = useReconciliation(iban);
  const found = check.data;
  const consistent = useRef<HTMLParagraphElement>(null);
  const mended = fetchAgain.isSuccess && found?.breaks.length === 0;
  useEffect(() => {
    if (mended) {
      consistent.current?.focus();
    }
  }, [mended]);
  const announced = fetchAgain.isSuccess ? (
    <p role="status" className="visually-hidden">
      {t(
        mended
          ? "transactions.reconciliation.mendedAnnounced"
          : "transactions.reconciliation.stillMissingAnnounced",
      )}
    </p>
  ) : (
    <p role="status" className="visually-hidden" />
  );
  if (check.error) {
    return (
      <SyncFailureNotice
        className="reconciliation"
        failure={toCommandError(check.error)}
        task="checkHistory"
      />
    );
  }
  if (!found) {
    return null;
  }
  if (found.breaks.length === 0) {
    return (
      <>
        {announced}
        <p
          ref={consistent}
          tabIndex={-1}
          className="reconciliation reconciliation-ok"
          data-testid="reconciliation"
        >
          {consistencyText(intl, found)}
        </p>
      </>
    );
  }
  const tried = fetchAgain.isSuccess ? fetchAgain.variables : undefined;
  return (
    <>
      {announced}
      <section
        className="notice notice-warning reconciliation"
        aria-label={t("transactions.reconciliation.label")}
        data-testid="reconciliation"
      >
        {found.breaks.map((broken) => {
          const text = breakText(intl, broken, found.currency);
          const triedAgain = tried?.from === broken.from && tried.to === broken.to;
          return (
            <div key={`${broken.from}/${broken.to}`} className="reconciliation-break">
              <p className="notice-headline">{text.headline}</p>
              <p>{triedAgain ? t("transactions.reconciliation.stillMissing") : text.detail}</p>
              <p>
                <button
                  type="button"
                  className="button small"
                  disabled={fetchAgain.isPending}
                  onClick={() => fetchAgain.mutate(broken)}
                >
                  {fetchAgain.isPending && fetchAgain.variables === broken
                    ? t("transactions.reconciliation.fetching")
                    : t("transactions.reconciliation.fetchAgain")}
                </button>
              </p>
            </div>
          );
        })}
        {fetchAgain.error && !fetchAgain.isPending && (
          <SyncFailureNotice failure={toCommandError(fetchAgain.error)} task="fetchPeriodAgain" />
        )}
      </section>
    </>
  );
}
