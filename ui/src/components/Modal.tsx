import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef } from "react";

/** What can take the focus inside a dialog, in document order (the HTML "focusable area"s a
 * dialog's content has). Disabled and hidden ones are filtered out after. */
const FOCUSABLE = [
  "a[href]",
  "button",
  "input",
  "select",
  "textarea",
  "summary",
  "[tabindex]",
  "[contenteditable]:not([contenteditable='false'])",
].join(",");

/** Marks the element a dialog's opening focuses, as `autofocus` would (React does not render
 * `autoFocus` as the attribute, and focuses before the dialog is shown). */
export const AUTOFOCUS = { "data-autofocus": true } as const;

/** A native modal <dialog>: the page behind it inert, Escape closes it. Its content mounts only
 * while open, so each opening starts fresh and leaves nothing running when closed.
 *
 * Focus (WAI-ARIA APG dialog pattern), done here rather than left to the engine: on opening,
 * the element marked AUTOFOCUS (or `autofocus`), else the first focusable element (a step panel
 * with tabIndex -1 counts, so a long dialog starts at its heading), else the dialog itself. Tab
 * and Shift+Tab wrap around inside it. On closing, however it closes, the focus goes back to the
 * element that had it before, when that is still on the page. */
export function Modal({
  open,
  onClose,
  labelledBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  /** Where the focus was when the dialog opened: it goes back there. */
  const opener = useRef<HTMLElement | null>(null);

  // A layout effect: shown and focused in the commit that mounts the content, before any of the
  // content's own effects run.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    if (open && !element.open) {
      opener.current =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body
          ? document.activeElement
          : null;
      element.showModal();
      initialFocus(element)?.focus();
    } else if (!open) {
      if (element.open) {
        element.close();
      }
      restoreFocus(opener);
    }
  }, [open]);

  // Unmounted while open (the window behind it changed): the focus still goes back. Only when
  // the dialog really left the page (not StrictMode's rehearsal of an unmount).
  useEffect(() => {
    const element = dialog.current;
    return () => {
      if (!element?.isConnected) {
        restoreFocus(opener);
      }
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={labelledBy}
      // Escape fires `cancel`, then the dialog closes itself and fires `close`.
      onClose={onClose}
      onKeyDown={keepTabInside}
    >
      {open && children}
    </dialog>
  );
}

function focusables(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      !element.matches(":disabled") &&
      !element.closest("[hidden], [inert]") &&
      element.getAttribute("aria-hidden") !== "true",
  );
}

function initialFocus(dialog: HTMLDialogElement): HTMLElement {
  const marked = dialog.querySelector<HTMLElement>("[data-autofocus], [autofocus]");
  if (marked) {
    return marked;
  }
  const first = focusables(dialog)[0];
  if (first) {
    return first;
  }
  dialog.tabIndex = -1;
  return dialog;
}

/** Tab from the last element goes to the first, Shift+Tab from the first to the last: the focus
 * never leaves for the page behind (inert) or the window's edge. */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const tabbable = focusables(event.currentTarget).filter((element) => element.tabIndex >= 0);
  const first = tabbable[0];
  const last = tabbable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

function restoreFocus(opener: { current: HTMLElement | null }) {
  const element = opener.current;
  opener.current = null;
  if (element?.isConnected) {
    element.focus();
  }
}
