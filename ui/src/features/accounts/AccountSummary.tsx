import type { AccountChoice } from "../../ipc";
import { accountProduct, accountTitle, formatIban } from "./format";

/** An account's name, product, grouped IBAN and currency: the same wherever it is listed. */
export function AccountSummary({ account }: { account: AccountChoice }) {
  const product = accountProduct(account);
  return (
    <>
      <span className="account-text">
        <span className="account-title">
          {accountTitle(account)}
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
    </>
  );
}
