import { IndeterminateCheckbox } from "../../components/IndeterminateCheckbox";
import type { AccountChoice } from "../../ipc";
import { AccountOption } from "./AccountOption";
import { coverage, toggled } from "./accountSelection";

/** The consented accounts with checkboxes, and "Select all" over them. */
export function AccountPicker({
  accounts,
  selection,
  onChange,
}: {
  accounts: AccountChoice[];
  selection: ReadonlySet<string>;
  onChange: (selection: ReadonlySet<string>) => void;
}) {
  const ticked = coverage(accounts, selection);
  const count = accounts.filter((account) => selection.has(account.iban)).length;
  return (
    <fieldset className="account-choices">
      <legend className="visually-hidden">Accounts</legend>
      <div className="select-all-row">
        <IndeterminateCheckbox
          className="select-all"
          checked={ticked === "all"}
          indeterminate={ticked === "some"}
          onChange={(all) => onChange(new Set(all ? accounts.map((account) => account.iban) : []))}
        >
          Select all
        </IndeterminateCheckbox>
        <span className="selection-count">
          {count} of {accounts.length} selected
        </span>
      </div>
      {accounts.map((account) => (
        <AccountOption
          key={account.iban}
          account={account}
          checked={selection.has(account.iban)}
          onToggle={() => onChange(toggled(selection, account.iban))}
        />
      ))}
    </fieldset>
  );
}
