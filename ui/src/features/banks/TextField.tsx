import { type Ref, useId } from "react";

/** A labelled text field of the bank form, with its hint and the problem Rust found in it, both
 * read with the field (aria-describedby); a problem marks it invalid. */
export function TextField({
  label,
  value,
  onChange,
  hint = null,
  problem = null,
  type = "text",
  inputRef,
  monospace = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | null;
  problem?: string | null;
  type?: "text" | "url" | "password";
  inputRef?: Ref<HTMLInputElement>;
  /** Addresses, ids and paths: every character matters, so each one is easy to tell apart. */
  monospace?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [problem && problemId, hint && hintId].filter(Boolean).join(" ");
  return (
    <div className="banks-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        className={monospace ? "banks-input banks-mono" : "banks-input"}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // Nothing here is prose, and none of it is for the browser to remember or suggest.
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {problem && <FieldProblemText id={problemId} text={problem} />}
      {hint && (
        <p id={hintId} className="banks-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The problem with a field, next to it. */
export function FieldProblemText({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="banks-problem">
      {text}
    </p>
  );
}
