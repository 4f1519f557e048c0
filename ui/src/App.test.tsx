import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import * as ipc from "./ipc";
import { connected, EVERYDAY, NOT_CONNECTED, SAVINGS, TRAVEL } from "./test/fixtures";
import { approved, mockIpc } from "./test/ipcMock";
import { renderWithQueries } from "./test/render";

vi.mock("./ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof ipc>()),
  listBanks: vi.fn(),
  connectionStatus: vi.fn(),
  startConsent: vi.fn(),
  reopenConsentPage: vi.fn(),
  cancelConsent: vi.fn(),
  consentedAccounts: vi.fn(),
  selectAccounts: vi.fn(),
  disconnect: vi.fn(),
  onConsentFinished: vi.fn(),
}));

let bank: ReturnType<typeof mockIpc>;
beforeEach(() => {
  bank = mockIpc();
});

const renderApp = () => renderWithQueries(<App />);
const onboarding = () => screen.queryByRole("dialog", { name: "Connect your bank" });

describe("first run", () => {
  it("invites the user to connect a bank", async () => {
    renderApp();
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(
      "Connect your bank",
    );
    expect(onboarding()).toBeNull();
  });

  it("opens the onboarding dialog with the Demo Bank preselected", async () => {
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    const dialog = screen.getByRole("dialog", { name: "Connect your bank" });
    const demo = await screen.findByRole<HTMLInputElement>("radio", { name: /Demo Bank/ });
    expect(dialog.contains(demo)).toBe(true);
    expect(demo.checked).toBe(true);
  });

  it("says so when the banks cannot be listed", async () => {
    vi.mocked(ipc.listBanks).mockRejectedValue(
      new ipc.CommandError({ code: "unexpected", message: "profiles file unreadable" }),
    );
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("profiles file unreadable");
  });

  it("closes the dialog on Cancel", async () => {
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onboarding()).toBeNull();
  });

  it("connects, and shows the chosen account in the main window", async () => {
    vi.mocked(ipc.consentedAccounts).mockResolvedValue([EVERYDAY, SAVINGS]);
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    await userEvent.click(await screen.findByRole("button", { name: "Continue in your browser" }));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    bank.finishConsent(approved);

    await userEvent.click(await screen.findByRole("checkbox", { name: /Everyday/ }));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    await userEvent.click(screen.getByRole("button", { name: "Show accounts" }));

    const list = await screen.findByRole("list", { name: "Accounts" });
    await waitFor(() => expect(onboarding()).toBeNull());
    expect(list.querySelectorAll(".account-row")).toHaveLength(1);
    expect(list.textContent).toContain("Everyday");
  });
});

describe("the main window", () => {
  it("lists the chosen accounts under the connected bank", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY, SAVINGS, TRAVEL]));
    renderApp();
    const list = await screen.findByRole("list", { name: "Accounts" });
    const header = screen.getByRole("banner");
    expect(header.textContent).toContain("Bankbook");
    expect(header.textContent).toContain("Demo Bank");
    expect(header.textContent).toContain("Access until");

    const rows = list.querySelectorAll<HTMLLIElement>("li.account-row");
    expect(rows).toHaveLength(3);
    const [everyday, savings, travel] = rows;
    expect(everyday?.textContent).toContain("Everyday");
    expect(everyday?.textContent).toContain("Girokonto");
    expect(everyday?.textContent).toContain("DE89 3704 0044 0532 0130 00");
    expect(everyday?.textContent).toContain("EUR");
    // No name: the product names the account.
    expect(savings?.textContent).toContain("Tagesgeld");
    expect(travel?.textContent).toContain("USD");
    expect(onboarding()).toBeNull();
  });

  it("reopens the dialog at the accounts on Change accounts", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([TRAVEL]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Change accounts" }));
    const dialog = screen.getByRole("dialog", { name: "Connect your bank" });
    expect(within(dialog).getByRole("heading", { level: 3 }).textContent).toBe(
      "Choose the accounts to show",
    );
    await waitFor(() =>
      expect(
        within(dialog).getByRole<HTMLInputElement>("checkbox", { name: /Travel/ }).checked,
      ).toBe(true),
    );
    expect(ipc.startConsent).not.toHaveBeenCalled();
  });

  it("asks for the accounts when none is chosen yet, and lets the user put that aside", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    renderApp();
    expect(await screen.findAllByRole("checkbox", { name: /DE/ })).toHaveLength(3);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onboarding()).toBeNull();
    expect(screen.getByText(/No accounts are shown/)).toBeTruthy();
  });

  it.each([
    ["Keep", true],
    ["Remove", false],
  ])("disconnects on %s, asking first whether the data stays", async (choice, keepData) => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    const confirm = screen.getByRole("dialog", { name: "Disconnect Demo Bank?" });
    expect(confirm.textContent).toContain("Keep the accounts and history");

    vi.mocked(ipc.connectionStatus).mockResolvedValue(NOT_CONNECTED);
    await userEvent.click(within(confirm).getByRole("button", { name: choice }));
    expect(ipc.disconnect).toHaveBeenCalledWith(keepData);
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });

  it("does not disconnect on Cancel", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(ipc.disconnect).not.toHaveBeenCalled();
  });

  it("says when disconnecting failed", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    vi.mocked(ipc.disconnect).mockRejectedValue(
      new ipc.CommandError({ code: "keychain_unavailable", message: "keychain is locked" }),
    );
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect((await screen.findByRole("alert")).textContent).toContain("keychain is locked");
  });
});

describe("when the connection cannot be read", () => {
  it("explains, and tries again", async () => {
    vi.mocked(ipc.connectionStatus).mockRejectedValueOnce(
      new ipc.CommandError({ code: "keychain_unavailable", message: "no Secret Service" }),
    );
    renderApp();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("GNOME Keyring");
    expect(alert.textContent).toContain("no Secret Service");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });
});
