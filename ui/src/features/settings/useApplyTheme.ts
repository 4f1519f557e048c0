import { useEffect } from "react";
import type { ThemeChoice } from "../../ipc";

/** Puts the chosen theme on the page as `data-theme`, which the stylesheet follows; "system"
 * removes it, and the system's own colours apply. */
export function useApplyTheme(theme: ThemeChoice) {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "system") {
      delete root.dataset.theme;
    } else {
      root.dataset.theme = theme;
    }
  }, [theme]);
}
