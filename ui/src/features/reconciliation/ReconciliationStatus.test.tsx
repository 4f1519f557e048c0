import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { mockIpc, unchecked } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { ReconciliationStatus } from "./ReconciliationStatus";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const IBAN = "SK3111000000002612637541";

const CONSISTENT: ipc.AccountReconciliation = {
  ...unchecked(IBAN),
  checked: true,
  since: "2026-03-03",
  complete: true,
  opening: "0.00",
};

const BROKEN: ipc.AccountReconciliation = {
  ...CONSISTENT,
  breaks: [{ from: "2026-11-20", to: "2026-11-21", missing: "-5.60" }],
};

beforeEach(() => {
  mockIpc();
});

it("says since when a whole history adds up", async () => {
  vi.mocked(ipc.reconciliation).mockResolvedValue(CONSISTENT);
  renderWithQueries(<ReconciliationStatus iban={IBAN} />);
  expect(
    await screen.findByText("History complete and consistent since 3 March 2026."),
  ).toBeTruthy();
  expect(ipc.reconciliation).toHaveBeenCalledWith(IBAN);
});

it("says a history not checked yet is checked at the next refresh, in Slovak too", async () => {
  renderWithQueries(<ReconciliationStatus iban={IBAN} />, { language: "sk" });
  expect(await screen.findByText(/^Zatiaľ neoverené/)).toBeTruthy();
});

it("shows where the history breaks and fetches those days again", async () => {
  vi.mocked(ipc.reconciliation).mockResolvedValue(BROKEN);
  vi.mocked(ipc.fetchPeriodAgain).mockResolvedValue(CONSISTENT);
  renderWithQueries(<ReconciliationStatus iban={IBAN} />);
  const found = await screen.findByRole("region", { name: "History check" });
  expect(found.textContent).toContain(
    "The history doesn't add up between 20 November 2026 and 21 November 2026.",
  );
  expect(found.textContent).toContain(
    "The bank's balance moved by −€5.60 more than the stored transactions of those days.",
  );
  await userEvent.click(screen.getByRole("button", { name: "Fetch again" }));
  expect(ipc.fetchPeriodAgain).toHaveBeenCalledWith(IBAN, "2026-11-20", "2026-11-21");
  const mended = await screen.findByText("History complete and consistent since 3 March 2026.");
  // The button is gone: the focus is on what replaced it, and the outcome is announced.
  await waitFor(() => expect(document.activeElement).toBe(mended));
  expect(screen.getByRole("status").textContent).toBe("Fetched again: the history adds up now.");
});

it("lists every break, each with its own Fetch again", async () => {
  const two = {
    ...BROKEN,
    breaks: [
      { from: "2026-11-02", to: "2026-11-03", missing: "1.00" },
      { from: "2026-11-20", to: "2026-11-21", missing: "-5.60" },
    ],
  };
  vi.mocked(ipc.reconciliation).mockResolvedValue(two);
  vi.mocked(ipc.fetchPeriodAgain).mockResolvedValue(two);
  renderWithQueries(<ReconciliationStatus iban={IBAN} />);
  const buttons = await screen.findAllByRole("button", { name: "Fetch again" });
  expect(buttons).toHaveLength(2);
  await userEvent.click(buttons[1] as HTMLElement);
  expect(ipc.fetchPeriodAgain).toHaveBeenCalledWith(IBAN, "2026-11-20", "2026-11-21");
  await waitFor(() =>
    expect(
      screen.getAllByText(/doesn't explain the difference either/).map((line) => line.textContent),
    ).toHaveLength(1),
  );
});

it("says when fetching again did not explain the difference", async () => {
  const sameDay = { ...BROKEN, breaks: [{ from: "2026-11-21", to: "2026-11-21", missing: "12" }] };
  vi.mocked(ipc.reconciliation).mockResolvedValue(sameDay);
  vi.mocked(ipc.fetchPeriodAgain).mockResolvedValue(sameDay);
  renderWithQueries(<ReconciliationStatus iban={IBAN} />);
  const found = await screen.findByRole("region", { name: "History check" });
  expect(found.textContent).toContain("The history doesn't add up on 21 November 2026.");
  expect(found.textContent).toContain("more than the stored transactions of that day.");
  await userEvent.click(screen.getByRole("button", { name: "Fetch again" }));
  await waitFor(() =>
    expect(screen.getByRole("region", { name: "History check" }).textContent).toContain(
      "the bank's list of transactions doesn't explain the difference either",
    ),
  );
  expect(screen.getByRole("status").textContent).toBe("Fetched again: the difference remains.");
});

it("words a failed check from its code", async () => {
  vi.mocked(ipc.reconciliation).mockRejectedValue({ code: "storage", message: "disk I/O" });
  renderWithQueries(<ReconciliationStatus iban={IBAN} />);
  expect(await screen.findByRole("alert")).toBeTruthy();
});
