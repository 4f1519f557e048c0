import type { AccountChoice } from "../../ipc";
import { AccountSummary } from "../accounts/AccountSummary";

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
  return (
    <label className="account-option">
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <AccountSummary account={account} />
    </label>
  );
}
