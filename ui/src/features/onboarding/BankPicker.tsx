import { useId } from "react";
import { useT } from "../../i18n/useT";
import type { BankChoice } from "../../ipc";
import { useBankName } from "../connection/bankName";

/** The banks as radio buttons; the Demo Bank says what it is for. */
export function BankPicker({
  banks,
  selected,
  onChange,
}: {
  banks: BankChoice[];
  selected: string | null;
  onChange: (bankId: string) => void;
}) {
  const t = useT();
  const bankName = useBankName();
  const groupName = useId();
  return (
    <fieldset className="choice-group">
      <legend>{t("onboarding.bankStep.legend")}</legend>
      {banks.map((bank) => (
        <label key={bank.id} className="choice bank-option">
          <input
            type="radio"
            name={groupName}
            value={bank.id}
            checked={bank.id === selected}
            onChange={() => onChange(bank.id)}
          />
          <span className="bank-name">{bankName(bank)}</span>
          {bank.isDemo && <span className="badge">{t("onboarding.bankStep.demoBadge")}</span>}
        </label>
      ))}
    </fieldset>
  );
}
