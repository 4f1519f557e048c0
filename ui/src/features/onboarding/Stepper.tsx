import type { MessageId } from "../../i18n/catalogs";
import { useT } from "../../i18n/useT";

const STEPS: MessageId[] = [
  "onboarding.stepper.bank",
  "onboarding.stepper.approve",
  "onboarding.stepper.accounts",
];

/** Where the user is among the three steps of connecting. */
export function Stepper({ current }: { current: 0 | 1 | 2 }) {
  const t = useT();
  return (
    <ol className="stepper" aria-label={t("onboarding.stepper.label")}>
      {STEPS.map((label, index) => {
        const state = index < current ? "done" : index === current ? "current" : "next";
        return (
          <li key={label} className={state} aria-current={state === "current" ? "step" : undefined}>
            <span className="stepper-mark" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="stepper-label">
              {t(label)}
              {state === "done" && (
                <span className="visually-hidden"> {t("onboarding.stepper.done")}</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
