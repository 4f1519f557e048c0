import { Logo } from "../../components/Logo";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";

const PROMISES: { title: MessageId; text: MessageId }[] = [
  { title: "onboarding.emptyState.readOnly.title", text: "onboarding.emptyState.readOnly.text" },
  { title: "onboarding.emptyState.bankPage.title", text: "onboarding.emptyState.bankPage.text" },
  { title: "onboarding.emptyState.keychain.title", text: "onboarding.emptyState.keychain.text" },
];

/** What a new user sees: one clear way forward, why it is safe, and, before anything is
 * connected, the Banks screen (to add their own bank) and the settings (the language first of
 * all). */
export function ConnectBankEmptyState({
  onConnect,
  onAddBank,
  onOpenSettings,
  onRestore,
}: {
  onConnect: () => void;
  onAddBank: () => void;
  onOpenSettings: () => void;
  /** Brings back a backup made elsewhere, on a fresh install. */
  onRestore: () => void;
}) {
  const t = useT();
  return (
    <main className="empty-state">
      <Logo size={72} />
      <h1>{t("onboarding.emptyState.title")}</h1>
      <p className="lead">{t("onboarding.emptyState.lead")}</p>
      <button type="button" className="button primary large" onClick={onConnect}>
        {t("onboarding.emptyState.connect")}
      </button>
      <ul className="promises">
        {PROMISES.map((promise) => (
          <li key={promise.title}>
            <strong>{t(promise.title)}</strong>
            <span>{t(promise.text)}</span>
          </li>
        ))}
      </ul>
      <span className="empty-state-actions">
        <button type="button" className="button quiet" onClick={onAddBank}>
          {t("onboarding.addBank")}
        </button>
        <button type="button" className="button quiet" onClick={onRestore}>
          {t("data.restore.open")}
        </button>
        <button type="button" className="button quiet" onClick={onOpenSettings}>
          {t("settings.open")}
        </button>
      </span>
    </main>
  );
}
