import { type ReactNode, useEffect, useRef } from "react";

/** A native modal <dialog>: focus trapped, Escape closes it. Its content mounts only while
 * open, so each opening starts fresh and leaves nothing running when closed. */
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

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) {
      element.showModal();
    } else if (!open && element?.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={labelledBy}
      onClose={onClose}
    >
      {open && children}
    </dialog>
  );
}
