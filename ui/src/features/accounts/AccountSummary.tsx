import { groupedIban } from "../../format/iban";
import type { AccountChoice } from "../../ipc";
import { accountProduct } from "./format";
import { useAccountTitle } from "./useAccountTitle";

/** An account's name, product, grouped IBAN and currency: the same wherever it is listed. */
export function AccountSummary({ account }: { account: AccountChoice }) {
  const title = useAccountTitle();
  const product = accountProduct(account);
  return (
    <>
      <span className="account-text">
        <span className="account-title">
          {title(account)}
          {product && (
            <>
              {" "}
              <span className="account-product">{product}</span>
            </>
          )}
        </span>
        <span className="iban">{groupedIban(account.iban)}</span>
      </span>
      <span className="currency">{account.currency}</span>
    </>
  );
}
