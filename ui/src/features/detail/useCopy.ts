import { useCallback, useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/** Copies text to the clipboard and says how it went, for a status line to announce. The
 * webview's own clipboard (navigator.clipboard) needs no Tauri permission; without it (not a
 * secure context) writeText is not even there, which counts as a failure too. */
export function useCopy(): { state: CopyState; copy: (text: string) => void } {
  const [state, setState] = useState<CopyState>("idle");
  const copy = useCallback((text: string) => {
    // Cleared first, so a second copy is announced again.
    setState("idle");
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setState("copied"),
        () => setState("failed"),
      );
  }, []);
  return { state, copy };
}
