import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import { consentedAccounts, selectAccounts, toCommandError } from "../../ipc";
import { CONNECTION_STATUS_KEY, useConnectionStatus } from "../connection/useConnectionStatus";
import { AccountPicker } from "./AccountPicker";
import { initialSelection } from "./accountSelection";
import { FailureActionButton } from "./FailureActionButton";
import { FailureNotice } from "./FailureNotice";

/** Step (c): pick the bank's consented accounts Bankbook shows. */
export function AccountStep({
  bankId,
  consent,
  onDone,
  onRestart,
  onCancel,
}: {
  bankId: string;
  /** Which consent of this dialog's the list belongs to: a new one fetches it anew. */
  consent: number;
  onDone: () => void;
  onRestart: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const accounts = useQuery({
    queryKey: ["consented-accounts", bankId, consent],
    queryFn: () => consentedAccounts(bankId),
    gcTime: 0,
  });
  const shownToday =
    useConnectionStatus().data?.connections.find((connection) => connection.bank.id === bankId)
      ?.selectedAccounts ?? [];
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (ibans: string[]) => selectAccounts(bankId, ibans),
    onSuccess: (status) => {
      queryClient.setQueryData(CONNECTION_STATUS_KEY, status);
      void queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
      onDone();
    },
  });

  const cancel = (
    <button type="button" className="button" onClick={onCancel}>
      {t("common.cancel")}
    </button>
  );

  if (accounts.isPending) {
    return (
      <>
        <p className="loading" role="status">
          <Spinner /> {t("onboarding.accountStep.loading")}
        </p>
        <footer className="dialog-actions">{cancel}</footer>
      </>
    );
  }

  if (accounts.isError) {
    const failure = toCommandError(accounts.error);
    return (
      <>
        <FailureNotice failure={failure} />
        <footer className="dialog-actions">
          {cancel}
          <FailureActionButton
            failure={failure}
            on={{ retry: () => void accounts.refetch(), restart: onRestart }}
          />
        </footer>
      </>
    );
  }

  if (accounts.data.length === 0) {
    return (
      <>
        <div role="alert" className="notice notice-neutral">
          <p className="notice-headline">{t("onboarding.accountStep.noneShared.headline")}</p>
          <p>{t("onboarding.accountStep.noneShared.text")}</p>
        </div>
        <footer className="dialog-actions">
          {cancel}
          <button type="button" className="button primary" onClick={onRestart}>
            {t(FAILURE_ACTION_MESSAGE.restart)}
          </button>
        </footer>
      </>
    );
  }

  const selection = picked ?? initialSelection(accounts.data, shownToday);
  const chosen = accounts.data.filter((account) => selection.has(account.iban));
  return (
    <>
      <p className="step-lead">
        {t("onboarding.accountStep.lead", { count: accounts.data.length })}
      </p>
      <AccountPicker accounts={accounts.data} selection={selection} onChange={setPicked} />
      {save.isError && <FailureNotice failure={toCommandError(save.error)} />}
      <footer className="dialog-actions">
        {cancel}
        <button
          type="button"
          className="button primary"
          disabled={chosen.length === 0 || save.isPending}
          onClick={() => save.mutate(chosen.map((account) => account.iban))}
        >
          {t("onboarding.accountStep.show")}
        </button>
      </footer>
    </>
  );
}
