import { useId } from "react";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n/useT";
import type { OnboardingStart } from "./flowState";
import { OnboardingFlow } from "./OnboardingFlow";

/** The modal that connects a bank, from the bank choice (or straight at the account choice) to
 * the accounts the main window shows. */
export function OnboardingDialog({
  open,
  startAt = "bank",
  onClose,
}: {
  open: boolean;
  startAt?: OnboardingStart;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="onboarding">
      <h2 id={titleId}>{t("onboarding.title")}</h2>
      <OnboardingFlow startAt={startAt} onClose={onClose} />
    </Modal>
  );
}
