import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import type { BankProfileView } from "../../ipc";
import { BankFailure } from "./BankFailure";
import { CheckResult } from "./CheckResult";
import { useCheckBank, useRemoveBank } from "./useBankSettings";

/** One saved bank: its name, address and state; Check, Edit and Remove. Remove asks first, in
 * place: what goes, and for a connected bank that the bank's own consent does not. */
export function BankRow({
  bank,
  onEdit,
  onRemoved,
}: {
  bank: BankProfileView;
  onEdit: () => void;
  onRemoved: (bank: BankProfileView) => void;
}) {
  const t = useT();
  const nameId = useId();
  const check = useCheckBank();
  const [confirming, setConfirming] = useState(false);
  const remove = useRef<HTMLButtonElement>(null);

  return (
    <li className="banks-row" aria-labelledby={nameId}>
      <div className="banks-row-head">
        <div className="banks-row-text">
          <h3 id={nameId} className="banks-row-name">
            {bank.name}
          </h3>
          <p className="banks-row-url banks-mono">{bank.baseUrl}</p>
          <ul className="banks-states">
            {bank.connected && (
              <li className="banks-state banks-state-connected">{t("banks.state.connected")}</li>
            )}
            <li className={bank.clientSecretSaved ? "banks-state" : "banks-state banks-state-todo"}>
              {t(bank.clientSecretSaved ? "banks.state.secretSaved" : "banks.state.noSecret")}
            </li>
            {bank.clientKeySaved && <li className="banks-state">{t("banks.state.mutualTls")}</li>}
          </ul>
        </div>
        <div className="banks-row-actions">
          <button
            type="button"
            className="button small"
            aria-label={t("banks.row.checkLabel", { bank: bank.name })}
            // Not disabled while checking: the focus stays on it, to check again.
            aria-disabled={check.isPending}
            onClick={() => !check.isPending && check.mutate(bank.id)}
          >
            {t("banks.row.check")}
          </button>
          <button
            type="button"
            className="button small"
            aria-label={t("banks.row.editLabel", { bank: bank.name })}
            onClick={onEdit}
          >
            {t("banks.row.edit")}
          </button>
          <button
            ref={remove}
            type="button"
            className="button small danger"
            aria-label={t("banks.row.removeLabel", { bank: bank.name })}
            aria-expanded={confirming}
            onClick={() => setConfirming(true)}
          >
            {t("banks.row.remove")}
          </button>
        </div>
      </div>
      <CheckResult bankName={bank.name} check={check} />
      {confirming && (
        <RemoveConfirmation
          bank={bank}
          onCancel={() => {
            setConfirming(false);
            remove.current?.focus();
          }}
          onRemoved={() => onRemoved(bank)}
        />
      )}
    </li>
  );
}

/** Asks before removing: Cancel has the focus, so Enter right after Remove removes nothing. */
function RemoveConfirmation({
  bank,
  onCancel,
  onRemoved,
}: {
  bank: BankProfileView;
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const removal = useRemoveBank(onRemoved);
  useEffect(() => cancel.current?.focus(), []);

  return (
    <fieldset className="banks-confirm" aria-describedby={textId}>
      <legend className="banks-confirm-question">
        {t("banks.remove.question", { bank: bank.name })}
      </legend>
      <p id={textId} className="banks-confirm-text">
        {t(bank.connected ? "banks.remove.connected" : "banks.remove.notConnected", {
          bank: bank.name,
        })}
      </p>
      {removal.isError && <BankFailure error={removal.error} task="removeBank" />}
      <div className="banks-confirm-actions">
        <button
          ref={cancel}
          type="button"
          className="button small"
          disabled={removal.isPending}
          onClick={onCancel}
        >
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button small danger"
          disabled={removal.isPending}
          onClick={() => removal.mutate(bank.id)}
        >
          {t("banks.remove.confirm")}
        </button>
      </div>
    </fieldset>
  );
}
