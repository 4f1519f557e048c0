import { useEffect, useId, useRef, useState } from "react";
import { AUTOFOCUS, Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import type { BankProfileView, BankSettings } from "../../ipc";
import { BankEditor } from "./BankEditor";
import { BankFailure } from "./BankFailure";
import { BankList } from "./BankList";
import { useBankSettings } from "./useBankSettings";

/** What the dialog shows: the list, or the form of a new (`bankId` null) or saved bank. */
type View = { kind: "list" } | { kind: "form"; bankId: string | null };

/** The built-in Demo Bank needs no settings; its id is the one its redirect URI ends with. Were
 * it among the profiles, it is not offered for editing. */
const DEMO_BANK_ID = "demo";

/** The Banks screen: the banks Bankbook can connect to, added, edited, checked and removed.
 * `startWith: "add"` opens straight at the form of a new bank (the onboarding's "Add your
 * bank"). */
export function BanksDialog({
  open,
  onClose,
  startWith = "list",
}: {
  open: boolean;
  onClose: () => void;
  startWith?: "list" | "add";
}) {
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="banks-dialog">
      <BanksScreen titleId={titleId} startWith={startWith} onClose={onClose} />
    </Modal>
  );
}

function BanksScreen({
  titleId,
  startWith,
  onClose,
}: {
  titleId: string;
  startWith: "list" | "add";
  onClose: () => void;
}) {
  const t = useT();
  const settings = useBankSettings();
  const [chosenView, setView] = useState<View>(
    startWith === "add" ? { kind: "form", bankId: null } : { kind: "list" },
  );
  /** Each opening of the form starts from the saved settings. */
  const [formSession, setFormSession] = useState(0);
  const [removed, setRemoved] = useState<string | null>(null);
  const banks = editableBanks(settings.data);
  const editing =
    chosenView.kind === "form" && chosenView.bankId !== null
      ? (banks.find((bank) => bank.id === chosenView.bankId) ?? null)
      : null;
  // A bank that is no longer there (removed meanwhile) has no form to show: the list is shown.
  const view: View =
    chosenView.kind === "form" && chosenView.bankId !== null && settings.data && !editing
      ? { kind: "list" }
      : chosenView;
  const heading = useFocusOnViewChange(view.kind);
  const openForm = (bankId: string | null) => {
    setRemoved(null);
    setFormSession((session) => session + 1);
    setView({ kind: "form", bankId });
  };
  const bankRemoved = (bank: BankProfileView) => {
    setRemoved(bank.name);
    heading.current?.focus();
  };

  return (
    <>
      {/* The title says where the person is, and takes the focus when the view changes: read
          first, then Tab goes on to the view's controls. */}
      <h2 ref={heading} id={titleId} tabIndex={-1} className="banks-title" {...AUTOFOCUS}>
        {view.kind === "list"
          ? t("banks.title")
          : editing
            ? t("banks.edit.title", { bank: editing.name })
            : t("banks.add")}
      </h2>
      {settings.isPending && (
        <p className="loading" role="status">
          <Spinner /> {t("banks.loading")}
        </p>
      )}
      {settings.isError && (
        <div className="banks-load-failure">
          <BankFailure error={settings.error} task="loadBanks" />
          <footer className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t("common.close")}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => void settings.refetch()}
            >
              {t(FAILURE_ACTION_MESSAGE.retry)}
            </button>
          </footer>
        </div>
      )}
      {settings.data && view.kind === "form" && (
        <BankEditor
          key={formSession}
          profile={editing}
          presets={settings.data.presets}
          onSaved={(saved) => setView({ kind: "form", bankId: saved.id })}
          onBack={() => setView({ kind: "list" })}
        />
      )}
      {settings.data && view.kind === "list" && (
        <>
          <BankList banks={banks} onEdit={openForm} onRemoved={bankRemoved} />
          <p className="banks-note">{t("banks.list.demoNote")}</p>
          <p role="status" className="visually-hidden">
            {removed && t("banks.remove.done", { bank: removed })}
          </p>
          <footer className="dialog-actions">
            <button type="button" className="button" onClick={() => openForm(null)}>
              {t("banks.add")}
            </button>
            <span className="dialog-actions-gap" />
            <button type="button" className="button primary" onClick={onClose}>
              {t("common.close")}
            </button>
          </footer>
        </>
      )}
    </>
  );
}

/** The profiles the person can edit: every one but the built-in Demo Bank. */
function editableBanks(settings: BankSettings | undefined): BankProfileView[] {
  return (settings?.banks ?? []).filter((bank) => bank.id !== DEMO_BANK_ID);
}

/** Moves the focus to the title when the list gives way to the form or back. */
function useFocusOnViewChange(kind: View["kind"]) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(kind);
  useEffect(() => {
    if (shown.current !== kind) {
      shown.current = kind;
      heading.current?.focus();
    }
  }, [kind]);
  return heading;
}
