import { useId } from "react";
import type { BankChoice } from "../../ipc";

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
  const groupName = useId();
  return (
    <fieldset className="bank-list">
      <legend>Bank</legend>
      {banks.map((bank) => (
        <label key={bank.id} className="bank-option">
          <input
            type="radio"
            name={groupName}
            value={bank.id}
            checked={bank.id === selected}
            onChange={() => onChange(bank.id)}
          />
          <span className="bank-name">{bank.name}</span>
          {bank.isDemo && <span className="badge">Try Bankbook with sample accounts</span>}
        </label>
      ))}
    </fieldset>
  );
}
