import { type ReactNode, useEffect, useRef } from "react";

/** A checkbox with a third, "some" state, which HTML only sets from script. */
export function IndeterminateCheckbox({
  checked,
  indeterminate,
  onChange,
  className,
  children,
}: {
  checked: boolean;
  indeterminate: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (input.current) {
      input.current.indeterminate = indeterminate;
    }
  }, [indeterminate]);

  return (
    <label className={className}>
      <input
        ref={input}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}
