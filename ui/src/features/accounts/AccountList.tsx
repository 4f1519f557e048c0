import type { AccountChoice } from "../../ipc";
import { AccountSummary } from "./AccountSummary";
import { accountTitle } from "./format";

/** The accounts the main window shows, one row each. */
export function AccountList({ accounts }: { accounts: AccountChoice[] }) {
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.map((account) => (
        <AccountRow key={account.iban} account={account} />
      ))}
    </ul>
  );
}

function AccountRow({ account }: { account: AccountChoice }) {
  return (
    <li className="account-row">
      <span className="account-monogram" aria-hidden="true">
        {accountTitle(account).charAt(0).toUpperCase()}
      </span>
      <AccountSummary account={account} />
    </li>
  );
}
