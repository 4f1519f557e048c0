import { type ReactNode, useState } from "react";
import { AccountsWindow } from "./features/accounts/AccountsWindow";
import { StatusError } from "./features/connection/StatusError";
import { useConnectionStatus } from "./features/connection/useConnectionStatus";
import { ConnectBankEmptyState } from "./features/onboarding/ConnectBankEmptyState";
import type { OnboardingStart } from "./features/onboarding/flowState";
import { OnboardingDialog } from "./features/onboarding/OnboardingDialog";
import { toCommandError } from "./ipc";

export function App() {
  const status = useConnectionStatus();
  const [requested, setRequested] = useState<OnboardingStart | null>(null);
  const [accountPromptDismissed, setAccountPromptDismissed] = useState(false);

  // Connected without a single account chosen (a first run interrupted, a restart right after the
  // bank's answer): the dialog asks for the accounts, until the user puts it aside.
  const needsAccounts = status.data?.bank != null && status.data.selectedAccounts.length === 0;
  const dialogStart = requested ?? (needsAccounts && !accountPromptDismissed ? "accounts" : null);

  let content: ReactNode;
  if (status.isPending) {
    content = <main className="starting" aria-busy="true" />;
  } else if (status.isError) {
    content = (
      <StatusError failure={toCommandError(status.error)} onRetry={() => void status.refetch()} />
    );
  } else if (status.data.bank === null) {
    content = <ConnectBankEmptyState onConnect={() => setRequested("bank")} />;
  } else {
    content = (
      <AccountsWindow
        bank={status.data.bank}
        consentExpiresAt={status.data.consentExpiresAt}
        accounts={status.data.selectedAccounts}
        onChangeAccounts={() => setRequested("accounts")}
        onReconnect={() => setRequested("bank")}
      />
    );
  }

  return (
    <>
      {content}
      <OnboardingDialog
        open={dialogStart !== null}
        startAt={dialogStart ?? "bank"}
        onClose={() => {
          setRequested(null);
          setAccountPromptDismissed(true);
        }}
      />
    </>
  );
}
