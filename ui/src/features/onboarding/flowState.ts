import { type BankChoice, CommandError, type ConsentOutcome, toCommandError } from "../../ipc";

/** Where the dialog opens. It is about one bank at a time: the bank choice (connecting another
 * bank), or a connected bank's account choice, or a bank's consent started at once
 * (reconnecting it). */
export type OnboardingStart =
  | { step: "bank" }
  | { step: "accounts"; bank: BankChoice }
  | { step: "consent"; bank: BankChoice };

export type Step =
  | { kind: "bank" }
  | { kind: "waiting" }
  | { kind: "accounts" }
  | { kind: "failed"; failure: CommandError };

export type Flow = {
  step: Step;
  /** The dialog's bank: the one last chosen, so "Try again" and "Cancel" come back to it, and
   * the only one whose consent's answer the dialog takes. */
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
  switch (start.step) {
    case "bank":
      return { step: { kind: "bank" }, bankId: null, consents: 0 };
    case "accounts":
      return { step: { kind: "accounts" }, bankId: start.bank.id, consents: 0 };
    case "consent":
      return { step: { kind: "waiting" }, bankId: start.bank.id, consents: 0 };
  }
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
      // Another bank's answer is not this dialog's to show.
      if (event.outcome.bankId !== flow.bankId) {
        return flow;
      }
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
