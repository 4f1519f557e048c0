import { useState } from "react";
import type { AccountChoice, BankChoice } from "../../ipc";
import { DisconnectDialog } from "../connection/DisconnectDialog";
import { AccountList } from "./AccountList";
import { AppHeader } from "./AppHeader";

/** The main window of a connected bank: the accounts the user chose to see. */
export function AccountsWindow({
  bank,
  consentExpiresAt,
  accounts,
  onChangeAccounts,
}: {
  bank: BankChoice;
  consentExpiresAt: string | null;
  accounts: AccountChoice[];
  onChangeAccounts: () => void;
}) {
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  return (
    <div className="app-shell">
      <AppHeader
        bankName={bank.name}
        consentExpiresAt={consentExpiresAt}
        onChangeAccounts={onChangeAccounts}
        onDisconnect={() => setConfirmingDisconnect(true)}
      />
      <main className="accounts-page">
        <h1>Accounts</h1>
        {accounts.length > 0 ? (
          <AccountList accounts={accounts} />
        ) : (
          <p className="accounts-empty">
            No accounts are shown. Choose which ones Bankbook shows with Change accounts.
          </p>
        )}
      </main>
      <DisconnectDialog
        open={confirmingDisconnect}
        bankName={bank.name}
        onClose={() => setConfirmingDisconnect(false)}
      />
    </div>
  );
}
