// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows take the focus in this grid (one tab stop, roving tabindex on the rows), so its cells are not focusable by design.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { gridMove, targetRow, useGridKeyboard } from "./useGridKeyboard";

const key = (
  name: string,
  modifiers: Partial<Record<"alt" | "ctrl" | "meta" | "shift", boolean>> = {},
) =>
  gridMove({
    key: name,
    altKey: modifiers.alt ?? false,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: modifiers.meta ?? false,
    shiftKey: modifiers.shift ?? false,
  });

describe("gridMove", () => {
  it("moves on the arrows, the Page keys, Home and End", () => {
    expect(
      ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"].map((name) => key(name)),
    ).toEqual(["up", "down", "pageUp", "pageDown", "first", "last"]);
  });

  it("takes Ctrl+Home and Ctrl+End as Home and End, and leaves the rest alone", () => {
    expect(key("Home", { ctrl: true })).toBe("first");
    expect(key("End", { ctrl: true })).toBe("last");
    expect(key("ArrowDown", { ctrl: true })).toBeNull();
    expect(key("ArrowDown", { shift: true })).toBeNull();
    expect(key("End", { alt: true })).toBeNull();
    expect(key("Home", { meta: true })).toBeNull();
    expect(key("ArrowLeft")).toBeNull();
    expect(key("Tab")).toBeNull();
    expect(key("Enter")).toBeNull();
  });
});

describe("targetRow", () => {
  it("moves one row, a page, or to either end, never past them", () => {
    expect(targetRow("down", 3, 10, 4)).toBe(4);
    expect(targetRow("up", 3, 10, 4)).toBe(2);
    expect(targetRow("pageDown", 3, 10, 4)).toBe(7);
    expect(targetRow("pageUp", 7, 10, 4)).toBe(3);
    expect(targetRow("first", 7, 10, 4)).toBe(0);
    expect(targetRow("last", 2, 10, 4)).toBe(9);
    expect(targetRow("up", 0, 10, 4)).toBe(0);
    expect(targetRow("down", 9, 10, 4)).toBe(9);
    expect(targetRow("pageDown", 8, 10, 4)).toBe(9);
    expect(targetRow("pageUp", 1, 10, 4)).toBe(0);
  });

  it("moves at least one row a page, however small the screen", () => {
    expect(targetRow("pageDown", 3, 10, 0)).toBe(4);
    expect(targetRow("pageUp", 3, 10, 0.5)).toBe(2);
  });
});

/** Five rows, the second with a button, as a grid built on the hook would have them. */
function Grid({ onActivate }: { onActivate: (index: number) => void }) {
  const [focused, setFocused] = useState(0);
  const onKeyDown = useGridKeyboard({
    rowCount: 5,
    tabStopRow: focused,
    pageRows: () => 2,
    moveTo: (index) => {
      setFocused(index);
      document.querySelector<HTMLElement>(`[aria-rowindex="${index + 1}"]`)?.focus();
    },
    activate: onActivate,
  });
  return (
    <div role="grid" aria-label="Rows" tabIndex={-1} onKeyDown={onKeyDown}>
      {[0, 1, 2, 3, 4].map((index) => (
        <div key={index} role="row" aria-rowindex={index + 1} tabIndex={index === focused ? 0 : -1}>
          <div role="gridcell">
            {`Row ${index + 1}`}
            {index === 1 && (
              <button type="button" onClick={() => onActivate(-1)}>
                Act
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

describe("useGridKeyboard", () => {
  const focusedRow = () => document.activeElement?.getAttribute("aria-rowindex");

  it("moves the focus between rows", async () => {
    render(<Grid onActivate={vi.fn()} />);
    await userEvent.tab();
    expect(focusedRow()).toBe("1");
    await userEvent.keyboard("{ArrowDown}");
    expect(focusedRow()).toBe("2");
    await userEvent.keyboard("{PageDown}");
    expect(focusedRow()).toBe("4");
    await userEvent.keyboard("{End}");
    expect(focusedRow()).toBe("5");
    await userEvent.keyboard("{ArrowDown}");
    expect(focusedRow()).toBe("5");
    await userEvent.keyboard("{PageUp}");
    expect(focusedRow()).toBe("3");
    await userEvent.keyboard("{Home}");
    expect(focusedRow()).toBe("1");
    await userEvent.keyboard("{ArrowUp}");
    expect(focusedRow()).toBe("1");
  });

  it("activates the focused row on Enter and Space", async () => {
    const onActivate = vi.fn();
    render(<Grid onActivate={onActivate} />);
    await userEvent.tab();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(onActivate).toHaveBeenLastCalledWith(2);
    await userEvent.keyboard(" ");
    expect(onActivate).toHaveBeenCalledTimes(2);
    await userEvent.keyboard("{Shift>}{Enter}{/Shift}");
    expect(onActivate).toHaveBeenCalledTimes(2);
  });

  it("leaves Enter to a control inside a row, whose arrows still move between rows", async () => {
    const onActivate = vi.fn();
    render(<Grid onActivate={onActivate} />);
    screen.getByRole("button", { name: "Act" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(onActivate.mock.calls).toEqual([[-1]]);
    await userEvent.keyboard("{ArrowDown}");
    expect(focusedRow()).toBe("3");
  });

  it("moves from the tab stop when the grid itself has the focus", async () => {
    render(<Grid onActivate={vi.fn()} />);
    screen.getByRole("grid").focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(focusedRow()).toBe("2");
  });
});
