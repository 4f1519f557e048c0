import type { AccountChoice } from "../../ipc";
import { accountProduct, accountTitle, formatIban } from "../accounts/format";

/** One consented account with its checkbox; the whole row is the checkbox's label. */
export function AccountOption({
  account,
  checked,
  onToggle,
}: {
  account: AccountChoice;
  checked: boolean;
  onToggle: () => void;
}) {
  const product = accountProduct(account);
  return (
    <label className="account-option">
      <input type="checkbox" checked={checked} onChange={onToggle} />
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
    </label>
  );
}
