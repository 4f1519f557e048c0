import { useIntl } from "react-intl";
import { daysLeft } from "./accessUntil";

/** Asks to renew a bank's consent in the days before it ends: Renew runs a fresh consent at the
 * bank, and everything stored (the history, the accounts shown) stays. */
export function RenewalNotice({
  bankName,
  consentExpiresAt,
  now,
  onRenew,
}: {
  bankName: string;
  consentExpiresAt: string | null;
  now: number;
  onRenew: () => void;
}) {
  const intl = useIntl();
  const days = daysLeft(consentExpiresAt, now);
  if (days === null) {
    return null;
  }
  return (
    <div className="notice notice-warning sidebar-notice renewal-notice">
      <p>{intl.formatMessage({ id: "connection.renewal.text" }, { bank: bankName, days })}</p>
      <p>
        <button
          type="button"
          className="button small primary"
          aria-label={intl.formatMessage(
            { id: "connection.renewal.renewBank" },
            { bank: bankName },
          )}
          onClick={onRenew}
        >
          {intl.formatMessage({ id: "connection.renewal.renew" })}
        </button>
      </p>
    </div>
  );
}
