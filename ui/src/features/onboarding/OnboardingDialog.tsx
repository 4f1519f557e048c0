import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { type BankChoice, listBanks } from "../../ipc";

/** The modal that connects a bank. Opens on the bank choice. */
export function OnboardingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) {
      element.showModal();
    } else if (!open && element?.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="onboarding-title" onClose={onClose}>
      <h2 id="onboarding-title">Connect your bank</h2>
      <ol className="steps">
        <li>Choose your bank.</li>
        <li>Approve access on your bank's page, in your browser.</li>
        <li>Pick the accounts Bankbook should show.</li>
      </ol>
      <BankPicker />
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled
          aria-describedby="onboarding-unavailable"
        >
          Continue in your browser
        </button>
      </footer>
      <p id="onboarding-unavailable" className="hint">
        Connecting a bank arrives with the next version of Bankbook.
      </p>
    </dialog>
  );
}

function BankPicker() {
  const banks = useQuery({ queryKey: ["banks"], queryFn: listBanks });
  const [chosen, setChosen] = useState<string>();
  const groupName = useId();

  if (banks.isPending) {
    return <p className="hint">Loading banks…</p>;
  }
  if (banks.isError) {
    return (
      <p role="alert" className="error">
        The list of banks could not be loaded: {banks.error.message}
      </p>
    );
  }
  const selected = chosen ?? preselect(banks.data);
  return (
    <fieldset className="bank-list">
      <legend>Bank</legend>
      {banks.data.map((bank) => (
        <label key={bank.id} className="bank-option">
          <input
            type="radio"
            name={groupName}
            value={bank.id}
            checked={bank.id === selected}
            onChange={() => setChosen(bank.id)}
          />
          <span className="bank-name">{bank.name}</span>
          {bank.isDemo && <span className="badge">Try Bankbook with sample accounts</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** The Demo Bank is preselected only when no real bank is configured. */
function preselect(banks: BankChoice[]): string | undefined {
  const real = banks.filter((bank) => !bank.isDemo);
  return real.length === 0 ? banks[0]?.id : undefined;
}
