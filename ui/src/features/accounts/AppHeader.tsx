import { useIntl } from "react-intl";
import { Logo } from "../../components/Logo";
import { useT } from "../../i18n/useT";
import { formatAccessUntil } from "../connection/accessUntil";

/** The main window's bar: the app, the connected bank, what can be done with it, and the
 * settings. */
export function AppHeader({
  bankName,
  consentExpiresAt,
  onChangeAccounts,
  onDisconnect,
  onOpenSettings,
}: {
  bankName: string;
  consentExpiresAt: string | null;
  onChangeAccounts: () => void;
  onDisconnect: () => void;
  onOpenSettings: () => void;
}) {
  const t = useT();
  const accessUntil = formatAccessUntil(useIntl(), consentExpiresAt);
  return (
    <header className="app-header">
      <span className="app-brand">
        <Logo size={28} />
        <span className="app-name">{t("common.appName")}</span>
      </span>
      <span className="app-connection">
        <span className="connection-dot" aria-hidden="true" />
        <span className="visually-hidden">{t("accounts.header.connectedTo")} </span>
        <span className="connection-bank">{bankName}</span>
        {accessUntil && <span className="connection-until">{accessUntil}</span>}
      </span>
      <span className="app-actions">
        <button type="button" className="button" onClick={onChangeAccounts}>
          {t("accounts.header.changeAccounts")}
        </button>
        <button type="button" className="button quiet" onClick={onDisconnect}>
          {t("accounts.header.disconnect")}
        </button>
        <button type="button" className="button quiet" onClick={onOpenSettings}>
          {t("settings.open")}
        </button>
      </span>
    </header>
  );
}
