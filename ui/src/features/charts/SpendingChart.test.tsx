import { fireEvent, screen, within } from "@testing-library/react";
import * as ipc from "../../ipc";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { SpendingChart } from "./SpendingChart";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const IBAN = "SK3111000000002612637541";

beforeEach(() => {
  mockIpc();
  vi.mocked(ipc.monthSpending).mockResolvedValue({
    iban: IBAN,
    currency: "EUR",
    month: "2026-11",
    categories: [
      { categoryId: 1, spent: "815.95", entries: 35, position: 8_160 },
      { categoryId: null, spent: "12.00", entries: 1, position: 120 },
    ],
    axis: { ticks: [], zero: 0, top: 10_000 },
  });
});

it("lists each category's spending as Rust summed it, and a row shows its transactions", async () => {
  const onShow = vi.fn();
  renderWithQueries(
    <SpendingChart
      iban={IBAN}
      months={["2026-10", "2026-11"]}
      month="2026-11"
      onMonth={() => {}}
      onShow={onShow}
    />,
  );
  const table = await screen.findByRole("table", { name: "Spending by category in November 2026" });
  const groceries = await within(table).findByRole("button", {
    name: "Groceries: show its 35 transactions",
  });
  expect(groceries.closest("tr")?.textContent).toContain("€815.95");
  fireEvent.click(groceries);
  expect(onShow).toHaveBeenCalledWith(1, "2026-11");
  // Not categorised: nothing to filter by, so no button.
  const rows = within(table).getAllByRole("row");
  expect(rows.at(-1)?.textContent).toContain("Not categorised");
  expect(within(rows.at(-1) as HTMLElement).queryByRole("button")).toBeNull();
  expect(ipc.monthSpending).toHaveBeenCalledWith(IBAN, "2026-11");
});

it("offers the months to choose from, newest first", async () => {
  const onMonth = vi.fn();
  renderWithQueries(
    <SpendingChart
      iban={IBAN}
      months={["2026-10", "2026-11"]}
      month="2026-11"
      onMonth={onMonth}
      onShow={() => {}}
    />,
  );
  const month = screen.getByRole("combobox", { name: "Month" });
  expect(
    within(month)
      .getAllByRole("option")
      .map((option) => option.textContent),
  ).toEqual(["November 2026", "October 2026"]);
  fireEvent.change(month, { target: { value: "2026-10" } });
  expect(onMonth).toHaveBeenCalledWith("2026-10");
});
