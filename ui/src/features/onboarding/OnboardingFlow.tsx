import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useId, useReducer, useRef } from "react";
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

/** The steps of connecting one bank, mounted while the dialog is open. */
export function OnboardingFlow({
  start,
  onAddBank,
  onClose,
}: {
  start: OnboardingStart;
  onAddBank: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [flow, dispatch] = useReducer(flowReducer, start, initialFlow);
  const queryClient = useQueryClient();
  const { step, bankId } = flow;

  useConsentFinished((outcome) => {
    dispatch({ type: "consentFinished", outcome });
    if (outcome.ok) {
      void queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
    }
  });
  const panel = useFocusOnStepChange(step.kind);
  useCancelWhenClosedWhileWaiting(step.kind === "waiting" ? bankId : null, panel);
  const titleId = useId();

  const begin = (chosen: string) => {
    dispatch({ type: "consentStarted", bankId: chosen });
    startConsent(chosen).catch((reason: unknown) => dispatch({ type: "startFailed", reason }));
  };
  useStartOnOpening(start, begin);
  const cancel = (waitingFor: string) => {
    dispatch({ type: "cancelled" });
    giveUp(waitingFor);
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
          <BankStep
            initialBankId={bankId}
            onContinue={begin}
            onAddBank={onAddBank}
            onCancel={onClose}
          />
        )}
        {step.kind === "waiting" && bankId !== null && (
          <WaitingStep bankId={bankId} onCancel={() => cancel(bankId)} />
        )}
        {step.kind === "accounts" && bankId !== null && (
          <AccountStep
            bankId={bankId}
            consent={flow.consents}
            onDone={onClose}
            onRestart={restart}
            onCancel={onClose}
          />
        )}
        {step.kind === "failed" && (
          <FailureStep
            failure={step.failure}
            onRetry={() => (bankId === null ? restart() : begin(bankId))}
            onRestart={restart}
            onClose={onClose}
          />
        )}
      </section>
    </>
  );
}

/** Forgets the bank's pending consent, so a late answer connects nothing. */
function giveUp(bankId: string) {
  cancelConsent(bankId).catch((error: unknown) => console.warn("consent not cancelled", error));
}

/** Opened to reconnect a bank: its consent starts at once, once, however often React runs the
 * effects of a first render (StrictMode rehearses them). */
function useStartOnOpening(start: OnboardingStart, begin: (bankId: string) => void) {
  const started = useRef(false);
  const startNow = useEffectEvent(() => {
    if (start.step === "consent" && !started.current) {
      started.current = true;
      begin(start.bank.id);
    }
  });
  useEffect(() => startNow(), []);
}

/** Closing the dialog (Escape included) while the bank's answer is awaited gives that bank's
 * consent up, so a late answer is refused rather than connecting behind the user's back. Only
 * when the dialog's content really left the page: StrictMode's rehearsal of an unmount leaves it
 * in place, and must not cancel a consent just started. */
function useCancelWhenClosedWhileWaiting(
  waitingFor: string | null,
  panel: { current: HTMLElement | null },
) {
  const waitingNow = useRef(waitingFor);
  useEffect(() => {
    waitingNow.current = waitingFor;
  }, [waitingFor]);
  useEffect(() => {
    const element = panel.current;
    return () => {
      if (waitingNow.current !== null && !element?.isConnected) {
        giveUp(waitingNow.current);
      }
    };
  }, [panel]);
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
