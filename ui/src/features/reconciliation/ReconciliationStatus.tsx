import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import { toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { breakText, consistencyText } from "./reconciliationText";
import { useReconciliation } from "./useReconciliation";

/** Under the account's name: whether its stored history adds up to the balances the bank
 * reported, or where it breaks, with the way to fetch those days again. */
export function ReconciliationStatus({ iban }: { iban: string }) {
  const t = useT();
  const intl = useIntl();
  const { check, fetchAgain } = useReconciliation(iban);
  const found = check.data;
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
      <p className="reconciliation reconciliation-ok" data-testid="reconciliation">
        {consistencyText(intl, found)}
      </p>
    );
  }
  const tried = fetchAgain.isSuccess ? fetchAgain.variables : undefined;
  return (
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
  );
}
