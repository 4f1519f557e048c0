import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef } from "react";

/** What can take the focus inside a dialog (the HTML "focusable area"s a dialog's content has).
 * Which of them are stops for Tab is decided after: see tabSequence. */
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
 * the element marked AUTOFOCUS (a long dialog marks its panel, so it starts at its heading), else
 * the first stop of the dialog's Tab order (of a radio group, its checked radio), else the dialog
 * itself. Tab and Shift+Tab wrap around inside it. On closing, however it closes, the focus goes
 * back to the element that had it before, when that is still on the page. */
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

/** The dialog's stops for Tab, in document order, as the browser walks them: elements that take
 * the focus, are not disabled, hidden or taken out of the order (tabIndex < 0), and of each
 * group of radio buttons only one, the checked radio (else the group's first). */
function tabSequence(dialog: HTMLDialogElement): HTMLElement[] {
  const candidates = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(":disabled") &&
      !element.closest("[hidden], [inert]") &&
      element.getAttribute("aria-hidden") !== "true" &&
      // No box: display: none on it or an ancestor, which the browser's Tab skips.
      element.getClientRects().length > 0,
  );
  return candidates.filter((element) => {
    const group = radioGroup(element, candidates);
    return group.length === 0 || element === (group.find((radio) => radio.checked) ?? group[0]);
  });
}

/** The radio buttons of `element`'s group among `candidates` (its name, in the same form), or
 * none when it is not a named radio button. */
function radioGroup(element: Element, candidates: HTMLElement[]): HTMLInputElement[] {
  if (!isRadio(element) || element.name === "") {
    return [];
  }
  return candidates.filter(
    (other): other is HTMLInputElement =>
      isRadio(other) && other.name === element.name && other.form === element.form,
  );
}

function isRadio(element: Element): element is HTMLInputElement {
  return element instanceof HTMLInputElement && element.type === "radio";
}

function initialFocus(dialog: HTMLDialogElement): HTMLElement {
  const marked = dialog.querySelector<HTMLElement>("[data-autofocus]");
  if (marked) {
    return marked;
  }
  const first = tabSequence(dialog)[0];
  if (first) {
    return first;
  }
  dialog.tabIndex = -1;
  return dialog;
}

/** Tab past the last stop goes to the first, Shift+Tab before the first to the last: the focus
 * never leaves for the page behind (inert) or the window's edge. Decided by where the focus is
 * in the document, not only on a stop: it may be on an element out of the order (a step panel
 * with tabIndex -1, the dialog itself), or on a radio button that stands for its group. */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const dialog = event.currentTarget;
  const sequence = tabSequence(dialog);
  const first = sequence[0];
  const last = sequence.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  // A radio button moves as its group: the browser leaves the group, never goes to a sibling.
  const at =
    active && isRadio(active)
      ? (sequence.find((stop) => radioGroup(stop, [active]).length > 0) ?? active)
      : active;
  const inside = at !== null && dialog.contains(at);
  if (event.shiftKey) {
    // No stop before it: on the first, or on what holds it (the dialog, a panel) or precedes it.
    if (
      !inside ||
      at === first ||
      !(at.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING)
    ) {
      event.preventDefault();
      last.focus();
    }
  } else if (
    // No stop after it: on the last, or past it (what holds a stop has that stop after it).
    !inside ||
    at === last ||
    !(at.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING)
  ) {
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
