import { CommandError, type ConsentOutcome, toCommandError } from "../../ipc";

/** Where the dialog opens: the bank choice, or (connected already) the account choice. */
export type OnboardingStart = "bank" | "accounts";

export type Step =
  | { kind: "bank" }
  | { kind: "waiting" }
  | { kind: "accounts" }
  | { kind: "failed"; failure: CommandError };

export type Flow = {
  step: Step;
  /** The bank last chosen, so "Try again" and "Cancel" come back to it. */
  bankId: string | null;
  /** Counts the consents granted while the dialog is open; each one lists the accounts anew. */
  consents: number;
};

export type FlowEvent =
  | { type: "consentStarted"; bankId: string }
  | { type: "startFailed"; reason: unknown }
  | { type: "cancelled" }
  | { type: "consentFinished"; outcome: ConsentOutcome }
  | { type: "restarted" };

export function initialFlow(start: OnboardingStart): Flow {
  return { step: { kind: start }, bankId: null, consents: 0 };
}

export function flowReducer(flow: Flow, event: FlowEvent): Flow {
  switch (event.type) {
    case "consentStarted":
      return { ...flow, step: { kind: "waiting" }, bankId: event.bankId };
    case "startFailed":
      // A failure that arrives after the user cancelled has nothing left to report.
      return flow.step.kind === "waiting"
        ? { ...flow, step: { kind: "failed", failure: toCommandError(event.reason) } }
        : flow;
    case "cancelled":
    case "restarted":
      return { ...flow, step: { kind: "bank" } };
    case "consentFinished":
      return event.outcome.ok
        ? { ...flow, step: { kind: "accounts" }, consents: flow.consents + 1 }
        : { ...flow, step: { kind: "failed", failure: outcomeFailure(event.outcome) } };
  }
}

function outcomeFailure(outcome: ConsentOutcome): CommandError {
  return outcome.error
    ? toCommandError(outcome.error)
    : new CommandError({ code: "unexpected", message: "The bank's answer gave no reason." });
}
