import { groupedIban } from "../../format/iban";
import { useT } from "../../i18n/useT";
import { useConnectionStatus } from "../connection/useConnectionStatus";

/** The account an entry belongs to: its name (else its product, else "Account") as the user
 * picked it, and its IBAN in groups of four. */
export function AccountName({ iban }: { iban: string }) {
  const t = useT();
  const connections = useConnectionStatus().data?.connections ?? [];
  const account = connections
    .flatMap((connection) => connection.selectedAccounts)
    .find((candidate) => candidate.iban === iban);
  const title = account?.name?.trim() || account?.product?.trim() || t("detail.account.unnamed");
  return (
    <>
      {title} <span className="detail-mono detail-iban">{groupedIban(iban)}</span>
    </>
  );
}
