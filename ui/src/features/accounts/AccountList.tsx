import type { AccountChoice } from "../../ipc";
import { accountProduct, accountTitle, formatIban } from "./format";

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
  const title = accountTitle(account);
  const product = accountProduct(account);
  return (
    <li className="account-row">
      <span className="account-monogram" aria-hidden="true">
        {title.charAt(0).toUpperCase()}
      </span>
      <span className="account-text">
        <span className="account-title">
          {title}
          {product && (
            <>
              {" "}
              <span className="account-product">{product}</span>
            </>
          )}
        </span>
        <span className="iban">{formatIban(account.iban)}</span>
      </span>
      <span className="currency">{account.currency}</span>
    </li>
  );
}
