import { Logo } from "../../components/Logo";
import { formatAccessUntil } from "../connection/accessUntil";

/** The main window's bar: the app, the connected bank, and what can be done with it. */
export function AppHeader({
  bankName,
  consentExpiresAt,
  onChangeAccounts,
  onDisconnect,
}: {
  bankName: string;
  consentExpiresAt: string | null;
  onChangeAccounts: () => void;
  onDisconnect: () => void;
}) {
  const accessUntil = formatAccessUntil(consentExpiresAt);
  return (
    <header className="app-header">
      <span className="app-brand">
        <Logo size={28} />
        <span className="app-name">Bankbook</span>
      </span>
      <span className="app-connection">
        <span className="connection-dot" aria-hidden="true" />
        <span className="visually-hidden">Connected to </span>
        <span className="connection-bank">{bankName}</span>
        {accessUntil && <span className="connection-until">{accessUntil}</span>}
      </span>
      <span className="app-actions">
        <button type="button" className="button" onClick={onChangeAccounts}>
          Change accounts
        </button>
        <button type="button" className="button quiet" onClick={onDisconnect}>
          Disconnect
        </button>
      </span>
    </header>
  );
}
