import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithQueries } from "../../test/render";
import { TaskProgressBar } from "./TaskProgressBar";

describe("TaskProgressBar", () => {
  it("shows how far a task with a known total got, named by its label", () => {
    renderWithQueries(
      <TaskProgressBar
        progress={{ task: "export", done: 1200, total: 5000 }}
        label="1,200 of 5,000 rows"
        onCancel={vi.fn()}
      />,
    );
    const bar = screen.getByRole("progressbar", { name: "1,200 of 5,000 rows" });
    expect(bar).toHaveProperty("value", 1200);
    expect(bar).toHaveProperty("max", 5000);
    expect(bar.hasAttribute("value")).toBe(true);
    expect(screen.getByText("1,200 of 5,000 rows")).toBeTruthy();
  });

  it("is indeterminate while the total is unknown, or before the first report", () => {
    const { rerender } = renderWithQueries(
      <TaskProgressBar
        progress={{ task: "history", done: 3, total: null }}
        label="3 pages"
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByRole("progressbar", { name: "3 pages" }).hasAttribute("value")).toBe(false);

    rerender(<TaskProgressBar progress={null} label="Starting…" onCancel={vi.fn()} />);
    expect(screen.getByRole("progressbar", { name: "Starting…" }).hasAttribute("value")).toBe(
      false,
    );
  });

  it("never shows more done than the total", () => {
    renderWithQueries(
      <TaskProgressBar
        progress={{ task: "export", done: 12, total: 10 }}
        label="10 of 10"
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByRole("progressbar")).toHaveProperty("value", 10);
  });

  it("cancels from the keyboard, in the active language", async () => {
    const onCancel = vi.fn();
    renderWithQueries(<TaskProgressBar progress={null} label="…" onCancel={onCancel} />, {
      language: "sk",
    });
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Zrušiť" }));
    await user.keyboard("{Enter}");
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
