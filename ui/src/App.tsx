import { type ReactNode, useState } from "react";
import { AccountsWindow } from "./features/accounts/AccountsWindow";
import { BanksDialog } from "./features/banks/BanksDialog";
import { StatusError } from "./features/connection/StatusError";
import { useConnectionStatus } from "./features/connection/useConnectionStatus";
import { LockedData } from "./features/data/LockedData";
import { RestoreDialog } from "./features/data/RestoreDialog";
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
  // The banks whose account prompt the user put aside: another bank's still comes.
  const [promptsDismissed, setPromptsDismissed] = useState<ReadonlySet<string>>(new Set());
  // The Banks screen: its list (from the header), or straight at a new bank's form ("Add your
  // bank"); null: closed.
  const [banksShown, setBanksShown] = useState<"list" | "add" | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const openBanks = () => setBanksShown("list");
  const addBank = () => setBanksShown("add");
  const openSettings = () => setSettingsOpen(true);
  const connectBank = () => setRequested({ step: "bank" });

  // Connected without a single account chosen (a first run interrupted, a restart right after the
  // bank's answer): the dialog asks for that bank's accounts, until the user puts it aside.
  const withoutAccounts = status.data?.connections.find(
    (connection) =>
      connection.selectedAccounts.length === 0 && !promptsDismissed.has(connection.bank.id),
  );
  const accountPrompt: OnboardingStart | null = withoutAccounts
    ? { step: "accounts", bank: withoutAccounts.bank }
    : null;
  const dialogStart = requested ?? accountPrompt;

  let content: ReactNode;
  if (status.isPending) {
    content = <Starting />;
  } else if (status.isError) {
    const failure = toCommandError(status.error);
    const retry = () => void status.refetch();
    content =
      failure.detail?.kind === "lockedData" ? (
        <LockedData reason={failure.detail.reason} onRetry={retry} />
      ) : (
        <StatusError failure={failure} onRetry={retry} />
      );
  } else if (status.data.connections.length === 0) {
    content = (
      <ConnectBankEmptyState
        onConnect={connectBank}
        onAddBank={addBank}
        onOpenSettings={openSettings}
        onRestore={() => setRestoreOpen(true)}
      />
    );
  } else {
    content = (
      <AccountsWindow
        connections={status.data.connections}
        onConnectAnother={connectBank}
        onOpenBanks={openBanks}
        onOpenSettings={openSettings}
        onChooseAccounts={(bank) => setRequested({ step: "accounts", bank })}
        onReconnect={(bank) => setRequested({ step: "consent", bank })}
      />
    );
  }

  return (
    <>
      {content}
      <OnboardingDialog
        open={dialogStart !== null}
        start={dialogStart ?? { step: "bank" }}
        onAddBank={addBank}
        onClose={() => {
          setRequested(null);
          if (accountPrompt !== null && requested === null) {
            setPromptsDismissed((dismissed) => new Set(dismissed).add(accountPrompt.bank.id));
          }
        }}
      />
      <BanksDialog
        open={banksShown !== null}
        startWith={banksShown ?? "list"}
        onClose={() => setBanksShown(null)}
      />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <RestoreDialog open={restoreOpen} onClose={() => setRestoreOpen(false)} />
    </>
  );
}
