import { Logo } from "../../components/Logo";
import { useT } from "../../i18n/useT";

/** The main window's bar: the app, then what concerns every bank: connecting another, the banks
 * Bankbook knows, and the settings. Each bank's own actions are in its group in the sidebar. */
export function AppHeader({
  onConnectAnother,
  onOpenBanks,
  onOpenSettings,
}: {
  onConnectAnother: () => void;
  onOpenBanks: () => void;
  onOpenSettings: () => void;
}) {
  const t = useT();
  return (
    <header className="app-header">
      <span className="app-brand">
        <Logo size={28} />
        <span className="app-name">{t("common.appName")}</span>
      </span>
      <span className="app-actions">
        <button type="button" className="button" onClick={onConnectAnother}>
          {t("accounts.header.connectAnother")}
        </button>
        <button type="button" className="button quiet" onClick={onOpenBanks}>
          {t("accounts.header.banks")}
        </button>
        <button type="button" className="button quiet" onClick={onOpenSettings}>
          {t("settings.open")}
        </button>
      </span>
    </header>
  );
}
