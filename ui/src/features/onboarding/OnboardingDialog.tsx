import { useId } from "react";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n/useT";
import { useBankName } from "../connection/bankName";
import type { OnboardingStart } from "./flowState";
import { OnboardingFlow } from "./OnboardingFlow";

const CONNECT: OnboardingStart = { step: "bank" };

/** The modal that connects one bank, from the bank choice (or straight at a connected bank's
 * account choice, or at its consent when reconnecting) to the accounts the main window shows.
 * `onAddBank` opens the Banks screen, for a bank not listed yet. */
export function OnboardingDialog({
  open,
  start = CONNECT,
  onAddBank,
  onClose,
}: {
  open: boolean;
  start?: OnboardingStart;
  onAddBank: () => void;
  onClose: () => void;
}) {
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="onboarding">
      <h2 id={titleId}>
        <DialogTitle start={start} />
      </h2>
      <OnboardingFlow start={start} onAddBank={onAddBank} onClose={onClose} />
    </Modal>
  );
}

/** What the dialog was opened for: a bank chosen inside it does not rename it. */
function DialogTitle({ start }: { start: OnboardingStart }) {
  const t = useT();
  const bankName = useBankName();
  switch (start.step) {
    case "bank":
      return t("onboarding.title.connect");
    case "accounts":
      return t("onboarding.title.accounts", { bank: bankName(start.bank) });
    case "consent":
      return t("onboarding.title.reconnect", { bank: bankName(start.bank) });
  }
}
