import { useT } from "../../i18n/useT";
import type { BankProfileView } from "../../ipc";
import { BankRow } from "./BankRow";

/** The saved banks, or a word on adding one; the built-in Demo Bank is not among them. */
export function BankList({
  banks,
  onEdit,
  onRemoved,
}: {
  banks: BankProfileView[];
  onEdit: (bankId: string) => void;
  onRemoved: (bank: BankProfileView) => void;
}) {
  const t = useT();
  if (banks.length === 0) {
    return (
      <div className="banks-empty">
        <p className="banks-empty-title">{t("banks.list.empty")}</p>
        <p className="banks-empty-hint">{t("banks.list.emptyHint")}</p>
      </div>
    );
  }
  return (
    <ul className="banks-list" aria-label={t("banks.list.label")}>
      {banks.map((bank) => (
        <BankRow key={bank.id} bank={bank} onEdit={() => onEdit(bank.id)} onRemoved={onRemoved} />
      ))}
    </ul>
  );
}
