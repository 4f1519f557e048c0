import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ReactNode, useState } from "react";
import { AUTOFOCUS, Modal } from "./Modal";

/** A page with a button that opens a dialog of `content`, as the app's windows have. */
function Page({ content, onClose }: { content: ReactNode; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <Modal
        open={open}
        labelledBy="title"
        onClose={() => {
          onClose?.();
          setOpen(false);
        }}
      >
        <h2 id="title">Title</h2>
        {content}
        <button type="button" onClick={() => setOpen(false)}>
          Done
        </button>
      </Modal>
    </>
  );
}

/** A dialog whose window goes away while it is open. */
function LeavingWindow() {
  const [shown, setShown] = useState(true);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {shown && (
        <Modal open={open} labelledBy="t" onClose={() => setOpen(false)}>
          <h2 id="t">Title</h2>
          <button type="button" onClick={() => setShown(false)}>
            Leave
          </button>
        </Modal>
      )}
    </>
  );
}

/** A window whose opening button goes away while its dialog is open. */
function OpenerLeavesWindow() {
  const [open, setOpen] = useState(false);
  return (
    <>
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      <Modal open={open} labelledBy="t" onClose={() => setOpen(false)}>
        <h2 id="t">Title</h2>
        <button type="button" onClick={() => setOpen(false)}>
          Done
        </button>
      </Modal>
    </>
  );
}

const dialog = () => screen.getByRole<HTMLDialogElement>("dialog", { name: "Title" });
const focused = () => document.activeElement;

async function openFromButton() {
  const opener = screen.getByRole("button", { name: "Open" });
  await userEvent.click(opener);
  return opener;
}

describe("Modal", () => {
  it("moves the focus to the first control on opening, and back to the opener on closing", async () => {
    render(<Page content={<input aria-label="Name" />} />);
    const opener = await openFromButton();
    expect(dialog().open).toBe(true);
    expect(focused()).toBe(screen.getByRole("textbox", { name: "Name" }));

    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(focused()).toBe(opener);
  });

  it("focuses the element marked to take it", async () => {
    render(
      <Page
        content={
          <>
            <button type="button">Remove</button>
            <button type="button" {...AUTOFOCUS}>
              Cancel
            </button>
          </>
        }
      />,
    );
    await openFromButton();
    expect(focused()).toBe(screen.getByRole("button", { name: "Cancel" }));
  });

  it("starts a long dialog at its panel when that comes first, and at the dialog without controls", async () => {
    const { unmount } = render(
      <Page
        content={
          <section tabIndex={-1} aria-label="Step">
            <button type="button">Next</button>
          </section>
        }
      />,
    );
    await openFromButton();
    expect(focused()).toBe(screen.getByRole("region", { name: "Step" }));
    unmount();

    render(
      <Modal open labelledBy="bare" onClose={vi.fn()}>
        <p id="bare">Nothing to press</p>
      </Modal>,
    );
    expect(focused()).toBe(screen.getByRole("dialog"));
  });

  it("skips disabled controls", async () => {
    render(
      <Page
        content={
          <button type="button" disabled>
            Busy
          </button>
        }
      />,
    );
    await openFromButton();
    expect(focused()).toBe(screen.getByRole("button", { name: "Done" }));
  });

  it("closes on Escape (the browser's cancel, then close) and gives the focus back", async () => {
    const onClose = vi.fn();
    render(<Page content={<input aria-label="Name" />} onClose={onClose} />);
    const opener = await openFromButton();
    // What a browser does on Escape: `cancel`, and unless it is prevented, close().
    act(() => {
      const cancel = new Event("cancel", { cancelable: true });
      if (dialog().dispatchEvent(cancel)) {
        dialog().close();
      }
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(focused()).toBe(opener);
  });

  it("keeps Tab and Shift+Tab inside", async () => {
    render(<Page content={<input aria-label="Name" />} />);
    await openFromButton();
    const name = screen.getByRole("textbox", { name: "Name" });
    const done = screen.getByRole("button", { name: "Done" });
    await userEvent.tab();
    expect(focused()).toBe(done);
    await userEvent.tab();
    expect(focused()).toBe(name);
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(done);
  });

  it("gives the focus back when unmounted while open", async () => {
    render(<LeavingWindow />);
    const opener = await openFromButton();
    await userEvent.click(screen.getByRole("button", { name: "Leave" }));
    expect(focused()).toBe(opener);
  });

  it("does not give the focus to an opener that left the page", async () => {
    render(<OpenerLeavesWindow />);
    const opener = await openFromButton();
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(opener.isConnected).toBe(false);
    expect(focused()).not.toBe(opener);
  });
});
