import { type ReactNode, useState } from "react";
import { AccountsWindow } from "./features/accounts/AccountsWindow";
import { StatusError } from "./features/connection/StatusError";
import { useConnectionStatus } from "./features/connection/useConnectionStatus";
import { ConnectBankEmptyState } from "./features/onboarding/ConnectBankEmptyState";
import type { OnboardingStart } from "./features/onboarding/flowState";
import { OnboardingDialog } from "./features/onboarding/OnboardingDialog";
import { SettingsDialog } from "./features/settings/SettingsDialog";
import { useApplyTheme } from "./features/settings/useApplyTheme";
import { fallbackPreferences, usePreferences } from "./features/settings/usePreferences";
import { Localized } from "./i18n/Localized";
import { formattingLocale, resolveLanguage } from "./i18n/language";
import { toCommandError } from "./ipc";

/** The app in the user's language and theme. Nothing is said until the preferences are read;
 * preferences that cannot be read leave both to the system. */
export function App() {
  const preferences = usePreferences();
  const current = preferences.data ?? fallbackPreferences();
  useApplyTheme(current.theme);

  if (preferences.isPending) {
    return <Starting />;
  }
  const language = resolveLanguage(current.language, current.systemLocale);
  return (
    <Localized language={language} locale={formattingLocale(language, current.systemLocale)}>
      <Bankbook />
    </Localized>
  );
}

/** A blank page while starting: nothing to read yet, and busy for assistive technology. */
function Starting() {
  return <main className="starting" aria-busy="true" />;
}

function Bankbook() {
  const status = useConnectionStatus();
  const [requested, setRequested] = useState<OnboardingStart | null>(null);
  const [accountPromptDismissed, setAccountPromptDismissed] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = () => setSettingsOpen(true);

  // Connected without a single account chosen (a first run interrupted, a restart right after the
  // bank's answer): the dialog asks for the accounts, until the user puts it aside.
  const needsAccounts = status.data?.bank != null && status.data.selectedAccounts.length === 0;
  const dialogStart = requested ?? (needsAccounts && !accountPromptDismissed ? "accounts" : null);

  let content: ReactNode;
  if (status.isPending) {
    content = <Starting />;
  } else if (status.isError) {
    content = (
      <StatusError failure={toCommandError(status.error)} onRetry={() => void status.refetch()} />
    );
  } else if (status.data.bank === null) {
    content = (
      <ConnectBankEmptyState onConnect={() => setRequested("bank")} onOpenSettings={openSettings} />
    );
  } else {
    content = (
      <AccountsWindow
        bank={status.data.bank}
        consentExpiresAt={status.data.consentExpiresAt}
        accounts={status.data.selectedAccounts}
        onChangeAccounts={() => setRequested("accounts")}
        onReconnect={() => setRequested("bank")}
        onOpenSettings={openSettings}
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
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}
