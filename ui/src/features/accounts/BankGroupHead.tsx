import { useIntl } from "react-intl";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import { formatAccessState } from "../connection/accessUntil";

/** A bank's group's heading: its name, how long Bankbook may read it, and what can be done with
 * its connection. Each button names the bank to assistive technology, which hears the same
 * labels in every group. */
export function BankGroupHead({
  titleId,
  bankName,
  consentExpiresAt,
  consentEnded,
  now,
  automaticRefresh,
  refreshing,
  onReconnect,
  onChooseAccounts,
  onDisconnect,
}: {
  titleId: string;
  bankName: string;
  consentExpiresAt: string | null;
  consentEnded: boolean;
  now: number;
  /** What the automatic refreshes will do ("2 of 4 … left today; next around 14:30"). */
  automaticRefresh: string | null;
  refreshing: boolean;
  onReconnect: () => void;
  onChooseAccounts: () => void;
  onDisconnect: () => void;
}) {
  const t = useT();
  const state = formatAccessState(useIntl(), consentExpiresAt, consentEnded, now);
  const bank = { bank: bankName };
  return (
    <div className="bank-group-head">
      <h3 id={titleId} className="bank-group-name">
        {bankName}
        {refreshing && <Spinner />}
      </h3>
      {state && (
        <p className={consentEnded ? "connection-until ended" : "connection-until"}>{state}</p>
      )}
      {automaticRefresh && <p className="automatic-refresh">{automaticRefresh}</p>}
      <div className="bank-group-actions">
        {consentEnded && (
          <button
            type="button"
            className="button small primary"
            aria-label={t("accounts.group.reconnectBank", bank)}
            onClick={onReconnect}
          >
            {t(FAILURE_ACTION_MESSAGE.reconnect)}
          </button>
        )}
        <button
          type="button"
          className="button small quiet"
          aria-label={t("accounts.group.chooseAccountsAt", bank)}
          onClick={onChooseAccounts}
        >
          {t("accounts.group.chooseAccounts")}
        </button>
        <button
          type="button"
          className="button small quiet"
          aria-label={t("accounts.group.disconnectBank", bank)}
          onClick={onDisconnect}
        >
          {t("accounts.group.disconnect")}
        </button>
      </div>
    </div>
  );
}
