import { useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import type { BankChoice } from "../../ipc";
import { useBankList } from "../connection/useBankList";
import { useConnectionStatus } from "../connection/useConnectionStatus";
import { BankPicker } from "./BankPicker";

/** Step (a): choose a bank not connected yet (or the one this dialog is about), then continue at
 * its page in the browser; or add a bank that is not listed. */
export function BankStep({
  initialBankId,
  onContinue,
  onAddBank,
  onCancel,
}: {
  initialBankId: string | null;
  onContinue: (bankId: string) => void;
  onAddBank: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const banks = useBankList();
  const connected = useConnectionStatus().data?.connections ?? [];
  const [chosen, setChosen] = useState(initialBankId);
  const listed = banks.data?.banks;
  const offered = listed?.filter(
    (bank) =>
      bank.id === initialBankId || !connected.some((connection) => connection.bank.id === bank.id),
  );
  const selected = offered ? selectedBank(offered, listed ?? [], chosen) : null;

  return (
    <>
      {banks.isPending && (
        <p className="loading" role="status">
          <Spinner /> {t("onboarding.bankStep.loading")}
        </p>
      )}
      {banks.isError && <ActionFailure error={banks.error} task="listBanks" />}
      {/* A broken banks.toml: its line is named, and the Demo Bank is still offered. */}
      {banks.data?.problem && <ActionFailure error={banks.data.problem} task="listBanks" />}
      {offered &&
        (offered.length > 0 ? (
          <BankPicker banks={offered} selected={selected} onChange={setChosen} />
        ) : (
          <p className="step-lead">{t("onboarding.bankStep.allConnected")}</p>
        ))}
      <p className="add-bank">
        {t("onboarding.bankStep.notListed")}{" "}
        <button type="button" className="button small" onClick={onAddBank}>
          {t("onboarding.addBank")}
        </button>
      </p>
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

/** The user's choice while it is still offered; else the only bank offered, unless that is the
 * Demo Bank while a real bank is configured (the user came for their own bank). */
function selectedBank(
  offered: BankChoice[],
  all: BankChoice[],
  chosen: string | null,
): string | null {
  if (chosen !== null && offered.some((bank) => bank.id === chosen)) {
    return chosen;
  }
  const [only] = offered;
  if (offered.length !== 1 || !only) {
    return null;
  }
  return only.isDemo && all.some((bank) => !bank.isDemo) ? null : only.id;
}
