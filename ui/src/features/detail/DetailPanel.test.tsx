import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { BEZNY, connected, transaction } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { DetailPanel } from "./DetailPanel";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const RAW = '{\n  "entryReference": "E-1",\n  "creditDebitIndicator": "DBIT"\n}';

/** A gas advance paid by transfer, with every field the bank can send. */
const FULL: ipc.TransactionDetail = {
  iban: BEZNY.iban,
  transaction: transaction("E-1", {
    amount: "-89.90",
    currency: "EUR",
    date: "2026-03-02",
    bookingDate: "2026-03-02",
    valueDate: "2026-03-01",
    counterpartyName: "SPP Plyn a.s.",
    counterpartyIban: "SK8975000000000012345671",
    description: "Záloha plyn 03/2026",
    bankNote: "Trvalý príkaz",
    variableSymbol: "20260001",
    specificSymbol: "77",
    constantSymbol: "0308",
  }),
  endToEndReference: "/VS20260001/SS77/KS0308",
  bankTransactionCode: "PMNT-ICDT-ESCT",
  raw: RAW,
  categoryChosen: false,
};

/** A pending card payment the bank sent little about, stored before Bankbook kept the raw. */
const SPARSE: ipc.TransactionDetail = {
  iban: BEZNY.iban,
  transaction: transaction("E-2", {
    status: "pending",
    bookingDate: null,
    counterpartyName: null,
    bankNote: null,
  }),
  endToEndReference: null,
  bankTransactionCode: null,
  raw: null,
  categoryChosen: false,
};

function answer(detail: ipc.TransactionDetail | ipc.CommandError) {
  vi.mocked(ipc.transactionDetail).mockImplementation(async () => {
    if (detail instanceof ipc.CommandError) {
      throw detail;
    }
    return detail;
  });
}

function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
}

function renderPanel(id = "E-1", { language }: { language?: "en" | "sk" } = {}) {
  const onClose = vi.fn();
  renderWithQueries(<DetailPanel iban={BEZNY.iban} id={id} onClose={onClose} />, {
    ...(language ? { language } : {}),
  });
  return { onClose };
}

/** The value shown for the term `label`. */
function shownFor(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: "dt" });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) {
    throw new Error(`no value for ${label}`);
  }
  return value;
}

const dialog = () => screen.getByRole("dialog");

/** The amount as shown, its copy button left out. */
const amountShown = () => dialog().querySelector(".detail-amount")?.parentElement?.textContent;

/** Waits for the entry's fields (the title alone shows while it loads). */
async function loaded() {
  await screen.findByText("Amount", { selector: "dt" });
}

beforeEach(() => {
  mockIpc();
  vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([BEZNY]));
  answer(FULL);
});

describe("DetailPanel", () => {
  it("sets the category by hand, and hands a chosen one back to the rules", async () => {
    vi.mocked(ipc.chooseCategory).mockResolvedValue(undefined);
    answer({ ...FULL, transaction: { ...FULL.transaction, categoryId: 4 } });
    renderPanel();
    await loaded();
    const category = await screen.findByRole("combobox", { name: "Category" });
    await screen.findByRole("option", { name: "Housing and energy" });
    expect(category).toHaveProperty("value", "4");
    expect(screen.getByText("Set by the rules.")).toBeTruthy();
    fireEvent.change(category, { target: { value: "12" } });
    await waitFor(() => expect(ipc.chooseCategory).toHaveBeenCalledWith(BEZNY.iban, "E-1", 12));

    answer({ ...FULL, categoryChosen: true });
    cleanup();
    renderPanel();
    await loaded();
    fireEvent.click(await screen.findByRole("button", { name: "Let the rules decide" }));
    await waitFor(() =>
      expect(ipc.chooseCategory).toHaveBeenLastCalledWith(BEZNY.iban, "E-1", null),
    );
  });

  it("loads the entry of the account by its reference, titled by the counterparty", async () => {
    renderPanel();
    expect(screen.getByRole("status").textContent).toBe(" Loading the transaction…");
    expect(await screen.findByRole("dialog", { name: "SPP Plyn a.s." })).toBeTruthy();
    expect(ipc.transactionDetail).toHaveBeenCalledWith(BEZNY.iban, "E-1");
  });

  it("shows every field the bank sent, formatted", async () => {
    renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    const shown = (label: string) => shownFor(label).textContent;
    expect(amountShown()).toBe("\u2212€89.90");
    expect(shown("Status")).toContain("Booked");
    expect(shown("Booking date")).toContain("2 March 2026");
    expect(shown("Value date")).toContain("1 March 2026");
    expect(shown("Counterparty")).toBe("SPP Plyn a.s.");
    expect(shown("Counterparty's IBAN")).toContain("SK89 7500 0000 0000 1234 5671");
    expect(shown("Remittance information")).toBe("Záloha plyn 03/2026");
    expect(shown("Additional information")).toBe("Trvalý príkaz");
    expect(shown("Variable symbol (VS)")).toContain("20260001");
    expect(shown("Specific symbol (SS)")).toContain("77");
    expect(shown("Constant symbol (KS)")).toContain("0308");
    expect(shown("End-to-end identification")).toBe("/VS20260001/SS77/KS0308");
    expect(shown("Bank transaction code")).toBe("PMNT-ICDT-ESCT");
    expect(shown("Entry reference")).toBe("E-1");
    await waitFor(() => expect(shown("Account")).toBe("Bežný účet SK31 1100 0000 0029 4413 4412"));
  });

  it("names the currency once, by its code when it has no symbol", async () => {
    answer({ ...FULL, transaction: { ...FULL.transaction, amount: "12.50", currency: "XYZ" } });
    renderPanel();
    await loaded();
    // Intl writes a code it has no symbol for before the figure: once, with nothing after.
    expect(amountShown()).toMatch(/^\+XYZ\s12\.50$/);
  });

  it("marks each field the bank did not send the same way, with nothing to copy", async () => {
    answer(SPARSE);
    renderPanel("E-2");
    await loaded();
    expect(screen.getByRole("dialog", { name: "Transaction" })).toBeTruthy();
    for (const label of [
      "Booking date",
      "Counterparty",
      "Counterparty's IBAN",
      "Remittance information",
      "Additional information",
      "Variable symbol (VS)",
      "Specific symbol (SS)",
      "Constant symbol (KS)",
      "End-to-end identification",
      "Bank transaction code",
    ]) {
      expect(shownFor(label).textContent, label).toBe("—Not sent by the bank");
    }
    expect(shownFor("Status").textContent).toBe("Pending");
    expect(screen.queryByRole("button", { name: "Copy the IBAN" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Copy the variable symbol" })).toBeNull();
    expect(screen.getByRole("button", { name: "Copy the amount" })).toBeTruthy();
  });

  it("copies the IBAN without spaces, each symbol, and the amount as plain decimal text", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    clipboard(writeText);
    const copies: [string, string][] = [
      ["Copy the IBAN", "SK8975000000000012345671"],
      ["Copy the variable symbol", "20260001"],
      ["Copy the specific symbol", "77"],
      ["Copy the constant symbol", "0308"],
      ["Copy the amount", "-89.90"],
    ];
    for (const [name, text] of copies) {
      await userEvent.click(screen.getByRole("button", { name }));
      expect(writeText).toHaveBeenLastCalledWith(text);
    }
    const status = await within(dialog()).findByText("Copied");
    expect(status.getAttribute("role")).toBe("status");
  });

  it("says when the clipboard refused", async () => {
    renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    clipboard(async () => {
      throw new Error("not allowed");
    });
    await userEvent.click(screen.getByRole("button", { name: "Copy the amount" }));
    expect(
      await within(dialog()).findByText("Couldn't copy. Select the text and copy it yourself."),
    ).toBeTruthy();
  });

  it("keeps what the bank sent folded away, as it came", async () => {
    renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    const summary = screen.getByText("What the bank sent");
    const details = summary.closest("details");
    expect(details?.open).toBe(false);
    const json = details?.querySelector("pre");
    expect(json?.textContent).toBe(RAW);
    expect(json?.tabIndex).toBe(0);
    await userEvent.click(summary);
    expect(details?.open).toBe(true);
  });

  it("says so when what the bank sent was not kept", async () => {
    answer(SPARSE);
    renderPanel("E-2");
    await loaded();
    expect(screen.queryByText("What the bank sent")).toBeNull();
    expect(screen.getByText(/wasn't kept/)).toBeTruthy();
  });

  it("takes the focus to its title on opening", async () => {
    renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "SPP Plyn a.s." }));
  });

  it("closes on Escape (the browser's cancel, then close)", async () => {
    const { onClose } = renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    act(() => {
      const element = dialog() as HTMLDialogElement;
      if (element.dispatchEvent(new Event("cancel", { cancelable: true }))) {
        element.close();
      }
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("closes on Close", async () => {
    const { onClose } = renderPanel();
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("words a failure from its code, with the folder at fault, and tries again", async () => {
    answer(
      new ipc.CommandError({
        code: "storage_unavailable",
        message: "from Rust",
        detail: { kind: "folder", path: "/home/eva/.local/share/bankbook", reason: "notFound" },
      }),
    );
    renderPanel();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Bankbook can't read its data folder. The folder does not exist. Folder: /home/eva/.local/share/bankbook",
    );
    answer(FULL);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("dialog", { name: "SPP Plyn a.s." })).toBeTruthy();
  });

  it("says an entry is no longer stored", async () => {
    answer(new ipc.CommandError({ code: "invalid_input", message: "no such entry" }));
    renderPanel();
    expect((await screen.findByRole("alert")).textContent).toBe(
      "This transaction isn't stored any more. Refresh the list and try again.",
    );
  });

  it("speaks Slovak", async () => {
    renderPanel("E-1", { language: "sk" });
    await screen.findByRole("dialog", { name: "SPP Plyn a.s." });
    expect(amountShown()).toBe("\u221289,90\u00a0€");
    expect(shownFor("Dátum zaúčtovania").textContent).toBe("2. marca 2026");
    expect(screen.getByRole("button", { name: "Kopírovať IBAN" })).toBeTruthy();
    expect(screen.getByText("Čo poslala banka")).toBeTruthy();
  });
});
