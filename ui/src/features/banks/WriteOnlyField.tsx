import { useEffect, useId, useRef } from "react";
import { FieldProblemText, TextField } from "./TextField";

/** A value Bankbook keeps in the keychain and never shows again (the client secret, the private
 * key): once saved, the field gives way to "saved" and a Replace button, which brings back an
 * empty field; nothing saved is ever put in it. The focus follows: into the empty field on
 * Replace, back to Replace when the saved value is kept after all. */
export function WriteOnlyField({
  label,
  saved,
  replacing,
  onReplace,
  onKeep,
  value,
  onChange,
  type,
  hint,
  problem,
  words,
}: {
  label: string;
  /** A value is saved in the keychain. */
  saved: boolean;
  replacing: boolean;
  onReplace: () => void;
  onKeep: () => void;
  value: string;
  onChange: (value: string) => void;
  type: "text" | "password";
  hint: string;
  problem: string | null;
  words: { saved: string; replace: string; replaceLabel: string; keep: string };
}) {
  const problemId = useId();
  const input = useRef<HTMLInputElement>(null);
  const replace = useRef<HTMLButtonElement>(null);
  const wasReplacing = useRef(replacing);
  useEffect(() => {
    if (wasReplacing.current !== replacing) {
      wasReplacing.current = replacing;
      (replacing ? input : replace).current?.focus();
    }
  }, [replacing]);

  if (saved && !replacing) {
    return (
      <fieldset className="banks-field banks-saved-field">
        <legend className="banks-label">{label}</legend>
        <div className="banks-saved">
          <span className="banks-saved-text">{words.saved}</span>
          <button
            ref={replace}
            type="button"
            className="button small"
            aria-label={words.replaceLabel}
            aria-describedby={problem ? problemId : undefined}
            onClick={onReplace}
          >
            {words.replace}
          </button>
        </div>
        {problem && <FieldProblemText id={problemId} text={problem} />}
      </fieldset>
    );
  }
  return (
    <div className="banks-write-only">
      <TextField
        label={label}
        value={value}
        onChange={onChange}
        type={type}
        hint={hint}
        problem={problem}
        inputRef={input}
        monospace={type === "text"}
      />
      {saved && (
        <button type="button" className="button quiet small banks-keep" onClick={onKeep}>
          {words.keep}
        </button>
      )}
    </div>
  );
}
