import { type RefObject, useEffect } from "react";

/** Ctrl+F (⌘F on a Mac) or "/" puts the focus in the search field, as in a browser or a mail
 * app. "/" is a character to whoever is typing: in another field it stays there. Neither key
 * reaches past a modal dialog, which owns the keyboard while it is open. */
export function useSearchShortcuts(field: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isSearchShortcut(event) || modalOpen()) {
        return;
      }
      if (event.key === "/" && isTyping(event.target)) {
        return;
      }
      const input = field.current;
      if (!input) {
        return;
      }
      // The webview's own find bar (Ctrl+F) and the "/" itself would both get in the way.
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [field]);
}

export function isSearchShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): boolean {
  if (event.altKey) {
    return false;
  }
  if (event.key === "/") {
    return !event.ctrlKey && !event.metaKey;
  }
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "f";
}

/** Inputs that take no text: a "/" on them is no character typed. */
const NOT_TYPED_INTO = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "range",
  "color",
]);

/** The key goes to a field the person is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target instanceof HTMLInputElement) {
    return !NOT_TYPED_INTO.has(target.type);
  }
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

function modalOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}
