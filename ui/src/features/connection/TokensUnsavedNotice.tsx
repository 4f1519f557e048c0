import { useT } from "../../i18n/useT";

/** The keychain refused a bank's renewed sign-in: Bankbook goes on with it in memory, and says
 * what happens when it closes unless the keychain takes it. */
export function TokensUnsavedNotice({ bankName }: { bankName: string }) {
  const t = useT();
  return (
    <p role="status" className="notice notice-warning">
      {t("connection.tokensUnsaved", { bank: bankName })}
    </p>
  );
}
