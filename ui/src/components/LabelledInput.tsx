import { type InputHTMLAttributes, useId } from "react";

/** An input with its label before it; `hideLabel` keeps the label for assistive technology
 * only, where the row around the input already shows what it is. */
export function LabelledInput({
  label,
  hideLabel = false,
  ...input
}: { label: string; hideLabel?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input id={id} {...input} />
    </>
  );
}
