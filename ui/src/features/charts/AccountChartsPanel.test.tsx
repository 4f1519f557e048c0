import { fireEvent, screen, within } from "@testing-library/react";
import * as ipc from "../../ipc";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { AccountChartsPanel } from "./AccountChartsPanel";
import { monthEnds } from "./BalanceChart";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const IBAN = "SK3111000000002612637541";

const CHARTS: ipc.AccountCharts = {
  iban: IBAN,
  currency: "EUR",
  months: [
    { month: "2026-10", incoming: "0", outgoing: "0", incomingPosition: 0, outgoingPosition: 0 },
    {
      month: "2026-11",
      incoming: "2150.40",
      outgoing: "1987.65",
      incomingPosition: 7_168,
      outgoingPosition: 6_626,
    },
  ],
  flowAxis: {
    ticks: [
      { amount: "0", position: 0 },
      { amount: "3000", position: 10_000 },
    ],
    zero: 0,
    top: 10_000,
  },
  balances: [
    { date: "2026-10-30", balance: null, position: null },
    { date: "2026-10-31", balance: null, position: null },
    { date: "2026-11-01", balance: "812.00", position: 8_120 },
    { date: "2026-11-30", balance: "974.75", position: 9_748 },
  ],
  balanceAxis: {
    ticks: [
      { amount: "0", position: 0 },
      { amount: "1000", position: 10_000 },
    ],
    zero: 0,
    top: 10_000,
  },
};

beforeEach(() => {
  mockIpc();
  vi.mocked(ipc.charts).mockResolvedValue(CHARTS);
});

it("gives each chart a table of the figures Rust summed, word for word", async () => {
  renderWithQueries(<AccountChartsPanel iban={IBAN} id="charts" onShow={() => {}} />);
  const flows = await screen.findByRole("table", { name: "Money in and out each month" });
  const november = within(flows).getByRole("row", { name: /November 2026/ });
  expect(november.textContent).toContain("€2,150.40");
  expect(november.textContent).toContain("€1,987.65");
  const balances = screen.getByRole("table", { name: "Balance at the end of each month" });
  const rows = within(balances)
    .getAllByRole("row")
    .map((row) => row.textContent);
  expect(rows).toEqual([
    "DayBalance",
    "31 October 2026No history stored",
    "30 November 2026€974.75",
  ]);
  expect(screen.getByRole("figure", { name: "Balance over the last twelve months" })).toBeTruthy();
  expect(ipc.charts).toHaveBeenCalledWith(IBAN);
});

it("says a failure to sum from its code", async () => {
  vi.mocked(ipc.charts).mockRejectedValue({ code: "storage", message: "disk I/O" });
  renderWithQueries(<AccountChartsPanel iban={IBAN} id="charts" onShow={() => {}} />);
  expect(await screen.findByRole("alert")).toBeTruthy();
});

it("takes each month's last day for the table", () => {
  expect(monthEnds(CHARTS.balances).map((day) => day.date)).toEqual(["2026-10-31", "2026-11-30"]);
});

it("lists a month's money in or out when its bar is pressed, by click or key", async () => {
  const onShow = vi.fn();
  renderWithQueries(<AccountChartsPanel iban={IBAN} id="charts" onShow={onShow} />);
  const out = await screen.findByRole("button", { name: "November 2026: show the money out" });
  fireEvent.click(out);
  expect(onShow).toHaveBeenLastCalledWith({
    direction: "outgoing",
    dateFrom: "2026-11-01",
    dateTo: "2026-11-30",
  });
  fireEvent.keyDown(screen.getByRole("button", { name: "October 2026: show the money in" }), {
    key: "Enter",
  });
  expect(onShow).toHaveBeenLastCalledWith({
    direction: "incoming",
    dateFrom: "2026-10-01",
    dateTo: "2026-10-31",
  });
});
