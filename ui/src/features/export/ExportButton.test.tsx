import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { ExportButton } from "./ExportButton";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const QUERY: ipc.SearchQuery = {
  text: "plyn",
  amount: ">50",
  dateFrom: "2026-01-01",
  dateTo: null,
  direction: "outgoing",
  pendingOnly: false,
  iban: null,
  categoryId: null,
};

/** An export that runs until the test ends it. */
function exportRunning() {
  let finish: (outcome: ipc.ExportOutcome) => void = () => {};
  let fail: (error: ipc.CommandError) => void = () => {};
  vi.mocked(ipc.exportTransactions).mockImplementation(
    () =>
      new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return {
    finish: (outcome: ipc.ExportOutcome) => finish(outcome),
    fail: (error: ipc.CommandError) => fail(error),
  };
}

let events: ReturnType<typeof mockIpc>;

beforeEach(() => {
  events = mockIpc();
  vi.mocked(ipc.cancelTask).mockResolvedValue(undefined);
});

function renderButton({ language }: { language?: "en" | "sk" } = {}) {
  renderWithQueries(<ExportButton query={QUERY} />, { ...(language ? { language } : {}) });
}

/** Opens the dialog, picks `format` by its name, and saves. */
async function exportAs(format: string | null = null) {
  await userEvent.click(screen.getByRole("button", { name: "Export…" }));
  if (format) {
    await userEvent.click(screen.getByRole("radio", { name: format }));
  }
  await userEvent.click(screen.getByRole("button", { name: "Save as…" }));
}

const status = () => screen.getByRole("status");

describe("ExportButton", () => {
  it("offers CSV and camt.053, each saying what it is for, CSV first", async () => {
    renderButton();
    await userEvent.click(screen.getByRole("button", { name: "Export…" }));
    const dialog = screen.getByRole("dialog", { name: "Export transactions" });
    expect(dialog).toBeTruthy();
    const csv = screen.getByRole("radio", { name: "CSV" });
    const camt = screen.getByRole("radio", { name: "ISO 20022 camt.053 (XML)" });
    expect(csv).toHaveProperty("checked", true);
    expect(csv.getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText(/opens in Excel/).id).toBe(csv.getAttribute("aria-describedby"));
    expect(screen.getByText(/accounting software/).id).toBe(camt.getAttribute("aria-describedby"));
    expect(document.activeElement).toBe(csv);
  });

  it("exports what the search matches in the chosen format", async () => {
    exportRunning();
    renderButton();
    await exportAs("ISO 20022 camt.053 (XML)");
    expect(ipc.exportTransactions).toHaveBeenCalledWith(QUERY, "camt053");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("closes the choice on Cancel without exporting", async () => {
    renderButton();
    await userEvent.click(screen.getByRole("button", { name: "Export…" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(ipc.exportTransactions).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Export…" }));
  });

  it("shows the rows written while it runs, and stays busy", async () => {
    exportRunning();
    renderButton();
    await exportAs();
    expect(screen.getByRole("progressbar", { name: "Exporting…" }).hasAttribute("value")).toBe(
      false,
    );
    events.reportProgress({ task: "export", done: 1200, total: 5000 });
    const bar = screen.getByRole("progressbar", { name: "1,200 of 5,000 transactions" });
    expect(bar).toHaveProperty("value", 1200);
    events.reportProgress({ task: "history", done: 3, total: 9 });
    expect(screen.getByRole("progressbar", { name: "1,200 of 5,000 transactions" })).toBeTruthy();

    const open = screen.getByRole("button", { name: "Export…" });
    expect(open.getAttribute("aria-disabled")).toBe("true");
    await userEvent.click(open);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("announces where it saved, and the bar goes", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    events.reportProgress({ task: "export", done: 128, total: 128 });
    run.finish({ kind: "saved", fileName: "bankbook-2026-11-30.csv", rows: 128 });
    await waitFor(() =>
      expect(status().textContent).toBe("Saved 128 transactions to bankbook-2026-11-30.csv"),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("button", { name: "Export…" }).hasAttribute("aria-disabled")).toBe(
      false,
    );
  });

  it("cancels the export in Rust and says no file was written", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    events.reportProgress({ task: "export", done: 10, total: 5000 });
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(ipc.cancelTask).toHaveBeenCalledWith("export");
    run.finish({ kind: "cancelled" });
    await waitFor(() =>
      expect(status().textContent).toBe("Export cancelled; no file was written."),
    );
  });

  it("says nothing when the save dialog was closed", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    run.finish({ kind: "dialogClosed" });
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(status().textContent).toBe("");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("starts the next export without the last one's figures", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    events.reportProgress({ task: "export", done: 4000, total: 5000 });
    run.finish({ kind: "cancelled" });
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    exportRunning();
    await exportAs();
    expect(screen.getByRole("progressbar", { name: "Exporting…" })).toBeTruthy();
    expect(status().textContent).toBe("");
  });

  it("words a full disk from the error code and the folder", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    run.fail(
      new ipc.CommandError({
        code: "storage_unavailable",
        message: "from Rust",
        detail: { kind: "folder", path: "/home/eva/Documents", reason: "noSpace" },
      }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "The export couldn't be saved: the disk may be full, or the folder can't be written to. No file was left behind. The disk is full. Folder: /home/eva/Documents",
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("words any other failure plainly", async () => {
    const run = exportRunning();
    renderButton();
    await exportAs();
    run.fail(new ipc.CommandError({ code: "internal", message: "from Rust" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The export failed. No file was left behind.",
    );
  });

  it("speaks Slovak", async () => {
    const run = exportRunning();
    renderButton({ language: "sk" });
    await userEvent.click(screen.getByRole("button", { name: "Exportovať…" }));
    expect(screen.getByRole("dialog", { name: "Export transakcií" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Uložiť ako…" }));
    events.reportProgress({ task: "export", done: 1200, total: 5000 });
    expect(
      screen.getByRole("progressbar", { name: "1\u00a0200 z 5\u00a0000 transakcií" }),
    ).toBeTruthy();
    run.finish({ kind: "saved", fileName: "bankbook.csv", rows: 3 });
    await waitFor(() =>
      expect(status().textContent).toBe("Do súboru bankbook.csv sa uložili 3 transakcie"),
    );
  });
});
