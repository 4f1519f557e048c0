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

/** A radio group as Settings has, `checked` chosen; choosing another checks it. */
function Radios({ checked }: { checked: string }) {
  const [chosen, setChosen] = useState(checked);
  return (
    <fieldset>
      <legend>Theme</legend>
      {["System", "Light", "Dark"].map((theme) => (
        <label key={theme}>
          <input
            type="radio"
            name="theme"
            checked={chosen === theme}
            onChange={() => setChosen(theme)}
          />
          {theme}
        </label>
      ))}
    </fieldset>
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

  it("starts at a panel marked to take the focus, past one that is not, and at the dialog without controls", async () => {
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
    // A panel out of the Tab order is no stop of it.
    expect(focused()).toBe(screen.getByRole("button", { name: "Next" }));
    unmount();

    const marked = render(
      <Page
        content={
          <section tabIndex={-1} aria-label="Step" {...AUTOFOCUS}>
            <button type="button">Next</button>
          </section>
        }
      />,
    );
    await openFromButton();
    expect(focused()).toBe(screen.getByRole("region", { name: "Step" }));
    marked.unmount();

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

  it("wraps Shift+Tab from a panel out of the Tab order to the last control", async () => {
    render(
      <Page
        content={
          <section tabIndex={-1} aria-label="Step" {...AUTOFOCUS}>
            <button type="button">Next</button>
          </section>
        }
      />,
    );
    await openFromButton();
    const panel = screen.getByRole("region", { name: "Step" });
    expect(focused()).toBe(panel);
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(screen.getByRole("button", { name: "Done" }));
    // Tab from the panel goes on into it, as the browser's own Tab does.
    panel.focus();
    await userEvent.tab();
    expect(focused()).toBe(screen.getByRole("button", { name: "Next" }));
  });

  it("starts at a radio group's checked radio, and wraps from it as the group's one stop", async () => {
    render(<Page content={<Radios checked="Dark" />} />);
    await openFromButton();
    const dark = screen.getByRole("radio", { name: "Dark" });
    const done = screen.getByRole("button", { name: "Done" });
    expect(focused()).toBe(dark);
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(done);
    await userEvent.tab();
    expect(focused()).toBe(dark);
  });

  it("wraps from a radio chosen after the group's first", async () => {
    render(<Page content={<Radios checked="System" />} />);
    await openFromButton();
    expect(focused()).toBe(screen.getByRole("radio", { name: "System" }));
    // What the arrow keys do too (user-event's arrows need CSS.escape, which jsdom lacks).
    const light = screen.getByRole("radio", { name: "Light" });
    await userEvent.click(light);
    expect(focused()).toBe(light);
    expect(light).toHaveProperty("checked", true);
    await userEvent.tab({ shift: true });
    expect(focused()).toBe(screen.getByRole("button", { name: "Done" }));
  });

  it("wraps past controls that are not shown", async () => {
    render(
      <Modal open labelledBy="t" onClose={vi.fn()}>
        <h2 id="t">Title</h2>
        <button type="button">First</button>
        <button type="button">Last</button>
        <div style={{ display: "none" }}>
          <button type="button">Folded away</button>
        </div>
      </Modal>,
    );
    expect(focused()).toBe(screen.getByRole("button", { name: "First" }));
    await userEvent.tab();
    expect(focused()).toBe(screen.getByRole("button", { name: "Last" }));
    await userEvent.tab();
    expect(focused()).toBe(screen.getByRole("button", { name: "First" }));
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
