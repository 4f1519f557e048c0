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
  const first = found.breaks[0];
  if (!first) {
    return (
      <p className="reconciliation reconciliation-ok" data-testid="reconciliation">
        {consistencyText(intl, found)}
      </p>
    );
  }
  const text = breakText(intl, first, found.currency);
  const triedAgain = fetchAgain.isSuccess && fetchAgain.variables?.to === first.to;
  return (
    <section
      className="notice notice-warning reconciliation"
      aria-label={t("transactions.reconciliation.label")}
      data-testid="reconciliation"
    >
      <p className="notice-headline">{text.headline}</p>
      <p>{triedAgain ? t("transactions.reconciliation.stillMissing") : text.detail}</p>
      <p>
        <button
          type="button"
          className="button small"
          disabled={fetchAgain.isPending}
          onClick={() => fetchAgain.mutate(first)}
        >
          {fetchAgain.isPending
            ? t("transactions.reconciliation.fetching")
            : t("transactions.reconciliation.fetchAgain")}
        </button>
      </p>
      {fetchAgain.error && !fetchAgain.isPending && (
        <SyncFailureNotice failure={toCommandError(fetchAgain.error)} task="fetchPeriodAgain" />
      )}
    </section>
  );
}
