import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import { type BankChoice, listBanks } from "../../ipc";
import { BankPicker } from "./BankPicker";

/** Step (a): choose the bank, then continue at its page in the browser. */
export function BankStep({
  initialBankId,
  onContinue,
  onCancel,
}: {
  initialBankId: string | null;
  onContinue: (bankId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const banks = useQuery({ queryKey: ["banks"], queryFn: listBanks });
  const [chosen, setChosen] = useState(initialBankId);
  const selected = banks.data ? selectedBank(banks.data, chosen) : null;

  return (
    <>
      {banks.isPending && (
        <p className="loading" role="status">
          <Spinner /> {t("onboarding.bankStep.loading")}
        </p>
      )}
      {banks.isError && <ActionFailure error={banks.error} task="listBanks" />}
      {banks.data && <BankPicker banks={banks.data} selected={selected} onChange={setChosen} />}
      <p className="step-note">{t("onboarding.bankStep.note")}</p>
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={selected === null}
          onClick={() => selected !== null && onContinue(selected)}
        >
          {t("onboarding.bankStep.continue")}
        </button>
      </footer>
    </>
  );
}

/** The user's choice while it is still listed; else the Demo Bank, only when no real bank is
 * configured. */
function selectedBank(banks: BankChoice[], chosen: string | null): string | null {
  if (chosen !== null && banks.some((bank) => bank.id === chosen)) {
    return chosen;
  }
  const real = banks.filter((bank) => !bank.isDemo);
  return real.length === 0 ? (banks[0]?.id ?? null) : null;
}
