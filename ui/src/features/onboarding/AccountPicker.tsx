import { IndeterminateCheckbox } from "../../components/IndeterminateCheckbox";
import { useT } from "../../i18n/useT";
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
  const t = useT();
  const ticked = coverage(accounts, selection);
  const count = accounts.filter((account) => selection.has(account.iban)).length;
  return (
    <fieldset className="account-choices">
      <legend className="visually-hidden">{t("onboarding.accountPicker.legend")}</legend>
      <div className="select-all-row">
        <IndeterminateCheckbox
          className="select-all"
          checked={ticked === "all"}
          indeterminate={ticked === "some"}
          onChange={(all) => onChange(new Set(all ? accounts.map((account) => account.iban) : []))}
        >
          {t("onboarding.accountPicker.selectAll")}
        </IndeterminateCheckbox>
        <span className="selection-count">
          {t("onboarding.accountPicker.count", { count, total: accounts.length })}
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
