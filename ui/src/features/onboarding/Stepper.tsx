const STEPS = ["Choose your bank", "Approve at your bank", "Pick accounts"];

/** Where the user is among the three steps of connecting. */
export function Stepper({ current }: { current: 0 | 1 | 2 }) {
  return (
    <ol className="stepper" aria-label="Steps">
      {STEPS.map((label, index) => {
        const state = index < current ? "done" : index === current ? "current" : "next";
        return (
          <li key={label} className={state} aria-current={state === "current" ? "step" : undefined}>
            <span className="stepper-mark" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="stepper-label">
              {label}
              {state === "done" && <span className="visually-hidden"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
