import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useReducer, useRef } from "react";
import { AUTOFOCUS } from "../../components/Modal";
import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";
import { cancelConsent, startConsent } from "../../ipc";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";
import { AccountStep } from "./AccountStep";
import { BankStep } from "./BankStep";
import { FailureStep } from "./FailureStep";
import { flowReducer, initialFlow, type OnboardingStart, type Step } from "./flowState";
import { Stepper } from "./Stepper";
import { useConsentFinished } from "./useConsentFinished";
import { WaitingStep } from "./WaitingStep";

const TITLES: Record<Step["kind"], MessageId> = {
  bank: "onboarding.step.bank",
  waiting: "onboarding.step.waiting",
  accounts: "onboarding.step.accounts",
  failed: "onboarding.step.failed",
};

const PROGRESS: Record<Step["kind"], 0 | 1 | 2> = { bank: 0, waiting: 1, failed: 1, accounts: 2 };

/** The steps of connecting a bank, mounted while the dialog is open. */
export function OnboardingFlow({
  startAt,
  onClose,
}: {
  startAt: OnboardingStart;
  onClose: () => void;
}) {
  const t = useT();
  const [flow, dispatch] = useReducer(flowReducer, startAt, initialFlow);
  const queryClient = useQueryClient();
  const { step } = flow;

  useConsentFinished((outcome) => {
    dispatch({ type: "consentFinished", outcome });
    if (outcome.ok) {
      void queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
    }
  });
  useCancelWhenClosedWhileWaiting(step.kind === "waiting");
  const panel = useFocusOnStepChange(step.kind);
  const titleId = useId();

  const start = (bankId: string) => {
    dispatch({ type: "consentStarted", bankId });
    startConsent(bankId).catch((reason: unknown) => dispatch({ type: "startFailed", reason }));
  };
  const cancel = () => {
    dispatch({ type: "cancelled" });
    cancelConsent().catch((error: unknown) => console.warn("consent not cancelled", error));
  };
  const restart = () => dispatch({ type: "restarted" });

  return (
    <>
      <Stepper current={PROGRESS[step.kind]} />
      {/* The dialog opens at the step, as each new step takes the focus: its heading is read
          first, and Tab goes on to the step's controls. */}
      <section
        ref={panel}
        tabIndex={-1}
        className="step-panel"
        aria-labelledby={titleId}
        {...AUTOFOCUS}
      >
        <h3 id={titleId}>{t(TITLES[step.kind])}</h3>
        {step.kind === "bank" && (
          <BankStep initialBankId={flow.bankId} onContinue={start} onCancel={onClose} />
        )}
        {step.kind === "waiting" && <WaitingStep onCancel={cancel} />}
        {step.kind === "accounts" && (
          <AccountStep
            consent={flow.consents}
            onDone={onClose}
            onRestart={restart}
            onCancel={onClose}
          />
        )}
        {step.kind === "failed" && (
          <FailureStep
            failure={step.failure}
            onRetry={() => (flow.bankId === null ? restart() : start(flow.bankId))}
            onRestart={restart}
            onClose={onClose}
          />
        )}
      </section>
    </>
  );
}

/** Closing the dialog (Escape included) while the bank's answer is awaited gives the consent up,
 * so a late answer is refused rather than connecting behind the user's back. */
function useCancelWhenClosedWhileWaiting(waiting: boolean) {
  const waitingNow = useRef(waiting);
  useEffect(() => {
    waitingNow.current = waiting;
  }, [waiting]);
  useEffect(
    () => () => {
      if (waitingNow.current) {
        cancelConsent().catch((error: unknown) => console.warn("consent not cancelled", error));
      }
    },
    [],
  );
}

/** Moves focus to the new step, so keyboard and screen-reader users follow the flow. */
function useFocusOnStepChange(kind: Step["kind"]) {
  const panel = useRef<HTMLElement>(null);
  const shown = useRef(kind);
  useEffect(() => {
    if (shown.current !== kind) {
      shown.current = kind;
      panel.current?.focus();
    }
  }, [kind]);
  return panel;
}
