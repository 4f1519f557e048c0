import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import {
  BEZNY,
  BOTH_BANKS,
  bankList,
  connected,
  connection,
  DEMO_BANK,
  EVERYDAY,
  SAVINGS,
  SPORIACI,
  TATRA_BANK,
  TRAVEL,
} from "../../test/fixtures";
import { approved, mockIpc, refused } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";
import type { OnboardingStart } from "./flowState";
import { OnboardingDialog } from "./OnboardingDialog";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const WAITING_TEXT =
  "Approve access on your bank's page in your browser. Bankbook is waiting for your bank's answer.";

let bank: ReturnType<typeof mockIpc>;
beforeEach(() => {
  bank = mockIpc();
});

function renderDialog(start: OnboardingStart = { step: "bank" }) {
  const onClose = vi.fn();
  const onAddBank = vi.fn();
  const view = renderWithQueries(
    <OnboardingDialog open start={start} onAddBank={onAddBank} onClose={onClose} />,
  );
  const close = () =>
    view.rerender(
      <OnboardingDialog open={false} start={start} onAddBank={onAddBank} onClose={onClose} />,
    );
  return { ...view, onClose, onAddBank, close };
}

const DEMO_ACCOUNTS: OnboardingStart = { step: "accounts", bank: DEMO_BANK };

const dialog = () => screen.getByRole("dialog");
const button = (name: string) => within(dialog()).getByRole("button", { name });
const stepTitle = () => within(dialog()).getByRole("heading", { level: 3 }).textContent;

async function continueInBrowser() {
  await userEvent.click(await screen.findByRole("button", { name: "Continue in your browser" }));
}

async function approveAndList() {
  renderDialog();
  await continueInBrowser();
  bank.finishConsent(approved);
  await screen.findAllByRole("checkbox", { name: /DE89/ });
}

const option = (name: RegExp) => screen.getByRole<HTMLInputElement>("checkbox", { name });
const selectAll = () => screen.getByRole<HTMLInputElement>("checkbox", { name: "Select all" });

describe("choosing the bank", () => {
  it("preselects the Demo Bank and continues in the browser", async () => {
    renderDialog();
    const demo = await screen.findByRole<HTMLInputElement>("radio", { name: /Demo Bank/ });
    expect(demo.checked).toBe(true);
    expect(stepTitle()).toBe("Choose your bank");
    await continueInBrowser();
    expect(ipc.startConsent).toHaveBeenCalledWith("demo");
  });

  it("names the broken line of banks.toml and still offers the Demo Bank", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue({
      banks: [DEMO_BANK],
      problem: {
        code: "internal",
        message: "banks.toml, line 7: unknown field",
        retryAfterSeconds: null,
        detail: { kind: "banksFile", path: "/home/u/.config/bankbook/banks.toml", line: 7 },
      },
    });
    renderDialog();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("/home/u/.config/bankbook/banks.toml, line 7");
    expect(screen.getByRole("radio", { name: /Demo Bank/ })).toBeTruthy();
  });

  it("waits for a choice when only real banks are configured", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue(
      bankList({ id: "bank-a", name: "Bank A", isDemo: false }, DEMO_BANK),
    );
    renderDialog();
    const bankA = await screen.findByRole("radio", { name: /Bank A/ });
    const continueButton = button("Continue in your browser");
    expect(continueButton).toHaveProperty("disabled", true);
    await userEvent.click(bankA);
    await userEvent.click(continueButton);
    expect(ipc.startConsent).toHaveBeenCalledWith("bank-a");
  });

  it("opens at the step, and Shift+Tab from there stays in the dialog", async () => {
    renderDialog();
    await screen.findByRole("radio", { name: /Demo Bank/ });
    const panel = screen.getByRole("region", { name: "Choose your bank" });
    expect(document.activeElement).toBe(panel);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(button("Continue in your browser"));
  });

  it("closes on Cancel", async () => {
    const { onClose } = renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe("with several banks", () => {
  const tatraAccounts: OnboardingStart = { step: "accounts", bank: TATRA_BANK };
  const reconnectTatra: OnboardingStart = { step: "consent", bank: TATRA_BANK };

  it("offers only the banks not connected yet, and the way to add one", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue(bankList(DEMO_BANK, TATRA_BANK));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    const { onAddBank } = renderDialog();
    const tatra = await screen.findByRole<HTMLInputElement>("radio", { name: /Tatra banka/ });
    await waitFor(() => expect(screen.queryByRole("radio", { name: /Demo Bank/ })).toBeNull());
    // The only bank left, and a real one: chosen already.
    expect(tatra.checked).toBe(true);
    expect(screen.getByRole("dialog", { name: "Connect a bank" })).toBeTruthy();

    await userEvent.click(button("Add your bank"));
    expect(onAddBank).toHaveBeenCalledTimes(1);
    await continueInBrowser();
    expect(ipc.startConsent).toHaveBeenCalledWith(TATRA_BANK.id);
  });

  it("says so when every bank is connected", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue(bankList(DEMO_BANK, TATRA_BANK));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(BOTH_BANKS);
    renderDialog();
    expect(
      await within(dialog()).findByText("Every bank Bankbook knows is connected already."),
    ).toBeTruthy();
    expect(screen.queryAllByRole("radio")).toHaveLength(0);
    expect(button("Continue in your browser")).toHaveProperty("disabled", true);
    expect(button("Add your bank")).toBeTruthy();
  });

  it("ignores the answer to another bank's consent", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent({ ...approved, bankId: TATRA_BANK.id });
    bank.finishConsent({ ...refused("consent_denied"), bankId: TATRA_BANK.id });
    expect(stepTitle()).toBe("Approve access in your browser");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(ipc.consentedAccounts).not.toHaveBeenCalled();

    bank.finishConsent(approved);
    expect(await screen.findAllByRole("checkbox", { name: /DE/ })).toHaveLength(3);
    expect(ipc.consentedAccounts).toHaveBeenCalledWith(DEMO_BANK.id);
  });

  it("chooses a connected bank's accounts, ticking those it shows today", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue({
      connections: [connection(DEMO_BANK, [EVERYDAY]), connection(TATRA_BANK, [SPORIACI])],
    });
    const { onClose } = renderDialog(tatraAccounts);
    expect(screen.getByRole("dialog", { name: "Your accounts at Tatra banka" })).toBeTruthy();
    await waitFor(() => expect(option(/Sporiaci/).checked).toBe(true));
    expect(option(/Bežný/).checked).toBe(false);
    expect(ipc.consentedAccounts).toHaveBeenCalledWith(TATRA_BANK.id);

    await userEvent.click(option(/Bežný/));
    await userEvent.click(button("Show accounts"));
    expect(ipc.selectAccounts).toHaveBeenCalledWith(TATRA_BANK.id, [BEZNY.iban, SPORIACI.iban]);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("reconnects a bank by starting its consent at once", async () => {
    renderDialog(reconnectTatra);
    expect(screen.getByRole("dialog", { name: "Reconnect Tatra banka" })).toBeTruthy();
    expect(stepTitle()).toBe("Approve access in your browser");
    expect(ipc.startConsent).toHaveBeenCalledTimes(1);
    expect(ipc.startConsent).toHaveBeenCalledWith(TATRA_BANK.id);

    bank.finishConsent({ ...approved, bankId: TATRA_BANK.id });
    expect(await screen.findAllByRole("checkbox", { name: /SK/ })).toHaveLength(2);
  });

  it("cancels the bank's consent on Cancel, back at the bank choice with the bank chosen", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue(bankList(DEMO_BANK, TATRA_BANK));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(BOTH_BANKS);
    renderDialog(reconnectTatra);
    await userEvent.click(button("Cancel"));
    expect(ipc.cancelConsent).toHaveBeenCalledWith(TATRA_BANK.id);
    // Connected, but the bank this dialog is about: offered again.
    const tatra = await screen.findByRole<HTMLInputElement>("radio", { name: /Tatra banka/ });
    expect(tatra.checked).toBe(true);
    expect(screen.queryByRole("radio", { name: /Demo Bank/ })).toBeNull();
  });

  it("gives up the bank's consent when closed while waiting for it", async () => {
    const { close } = renderDialog(reconnectTatra);
    close();
    expect(ipc.cancelConsent).toHaveBeenCalledTimes(1);
    expect(ipc.cancelConsent).toHaveBeenCalledWith(TATRA_BANK.id);
  });

  it("shows a failure to start reconnecting, and tries the same bank again", async () => {
    vi.mocked(ipc.startConsent).mockRejectedValueOnce(
      new ipc.CommandError({ code: "network", message: "offline" }),
    );
    renderDialog(reconnectTatra);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank can't be reached right now.",
    );
    await userEvent.click(button("Try again"));
    expect(ipc.startConsent).toHaveBeenCalledTimes(2);
    expect(ipc.startConsent).toHaveBeenLastCalledWith(TATRA_BANK.id);
  });
});

describe("waiting for the bank", () => {
  it("says what is happening", async () => {
    renderDialog();
    await continueInBrowser();
    expect(stepTitle()).toBe("Approve access in your browser");
    expect(within(dialog()).getByText(WAITING_TEXT)).toBeTruthy();
    expect(dialog().querySelector(".spinner")).not.toBeNull();
    expect(screen.getByRole("listitem", { current: "step" }).textContent).toContain(
      "Approve at your bank",
    );
  });

  it("opens the bank's page again", async () => {
    renderDialog();
    await continueInBrowser();
    await userEvent.click(button("Open the page again"));
    expect(ipc.reopenConsentPage).toHaveBeenCalledTimes(1);
    expect(ipc.reopenConsentPage).toHaveBeenCalledWith("demo");
  });

  it("says when the page cannot be opened again, and keeps waiting", async () => {
    vi.mocked(ipc.reopenConsentPage).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "no browser found" }),
    );
    renderDialog();
    await continueInBrowser();
    await userEvent.click(button("Open the page again"));
    expect((await screen.findByRole("alert")).textContent).toBe("The page could not be opened.");
    expect(within(dialog()).getByText(WAITING_TEXT)).toBeTruthy();
  });

  it("cancels the consent and goes back to the bank choice", async () => {
    renderDialog();
    await continueInBrowser();
    await userEvent.click(button("Cancel"));
    expect(ipc.cancelConsent).toHaveBeenCalledTimes(1);
    expect(ipc.cancelConsent).toHaveBeenCalledWith("demo");
    expect(stepTitle()).toBe("Choose your bank");
    expect(screen.getByRole<HTMLInputElement>("radio", { name: /Demo Bank/ }).checked).toBe(true);
  });

  it("listens to consent-finished only while open", async () => {
    const { close } = renderDialog();
    expect(ipc.onConsentFinished).toHaveBeenCalledTimes(1);
    await continueInBrowser();
    expect(bank.unlisten).not.toHaveBeenCalled();

    close();
    expect(bank.unlisten).toHaveBeenCalledTimes(1);
    // Closed while waiting: the bank's consent is given up, so a late answer connects nothing.
    expect(ipc.cancelConsent).toHaveBeenCalledTimes(1);
    expect(ipc.cancelConsent).toHaveBeenCalledWith("demo");
  });

  it("stops listening even when closed before listening began", async () => {
    let resolve: (unlisten: () => void) => void = () => {};
    vi.mocked(ipc.onConsentFinished).mockReturnValue(new Promise((r) => (resolve = r)));
    const { close } = renderDialog();
    close();
    resolve(bank.unlisten);
    await waitFor(() => expect(bank.unlisten).toHaveBeenCalledTimes(1));
  });
});

describe("choosing the accounts", () => {
  it("lists the consented accounts once the bank approved", async () => {
    await approveAndList();
    expect(stepTitle()).toBe("Choose the accounts to show");
    const rows = dialog().querySelectorAll("label.account-option");
    expect(rows).toHaveLength(3);
    const first = rows[0] as HTMLElement;
    expect(first.textContent).toContain("Everyday");
    expect(first.textContent).toContain("Girokonto");
    expect(first.textContent).toContain("DE89 3704 0044 0532 0130 00");
    expect(first.textContent).toContain("EUR");
    expect(within(first).getByRole("checkbox")).toBeTruthy();
    expect(rows[1]?.textContent).toContain("Tagesgeld");
  });

  it("ticks none of several accounts, and shows nothing until one is ticked", async () => {
    await approveAndList();
    expect(screen.getAllByRole<HTMLInputElement>("checkbox").every((box) => !box.checked)).toBe(
      true,
    );
    expect(button("Show accounts")).toHaveProperty("disabled", true);
    await userEvent.click(option(/Travel/));
    expect(button("Show accounts")).toHaveProperty("disabled", false);
  });

  it("ticks the only account", async () => {
    vi.mocked(ipc.consentedAccounts).mockResolvedValue([TRAVEL]);
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(approved);
    expect(
      (await screen.findByRole<HTMLInputElement>("checkbox", { name: /Travel/ })).checked,
    ).toBe(true);
    expect(button("Show accounts")).toHaveProperty("disabled", false);
  });

  it("selects all, shows some as mixed, and unselects all", async () => {
    await approveAndList();
    expect(selectAll().checked).toBe(false);
    expect(selectAll().indeterminate).toBe(false);

    await userEvent.click(option(/Everyday/));
    expect(selectAll().indeterminate).toBe(true);
    expect(screen.getByText("1 of 3 selected")).toBeTruthy();

    await userEvent.click(selectAll());
    expect(selectAll().checked).toBe(true);
    expect(selectAll().indeterminate).toBe(false);
    expect(screen.getAllByRole<HTMLInputElement>("checkbox").every((box) => box.checked)).toBe(
      true,
    );

    await userEvent.click(selectAll());
    expect(screen.getAllByRole<HTMLInputElement>("checkbox").some((box) => box.checked)).toBe(
      false,
    );
    expect(button("Show accounts")).toHaveProperty("disabled", true);
  });

  it("shows the ticked accounts and closes", async () => {
    const { client, onClose } = renderDialog();
    await continueInBrowser();
    bank.finishConsent(approved);
    await userEvent.click(await screen.findByRole("checkbox", { name: /Tagesgeld/ }));
    await userEvent.click(option(/Travel/));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([SAVINGS, TRAVEL]));
    await userEvent.click(button("Show accounts"));
    expect(ipc.selectAccounts).toHaveBeenCalledWith("demo", [SAVINGS.iban, TRAVEL.iban]);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    await waitFor(() =>
      expect(client.getQueryData(CONNECTION_STATUS_KEY)).toEqual(connected([SAVINGS, TRAVEL])),
    );
  });

  it("says when the choice cannot be saved", async () => {
    vi.mocked(ipc.selectAccounts).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "database is locked" }),
    );
    const { onClose } = renderDialog();
    await continueInBrowser();
    bank.finishConsent(approved);
    await userEvent.click(await screen.findByRole("checkbox", { name: /Travel/ }));
    await userEvent.click(button("Show accounts"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Something went wrong while connecting your bank.");
    expect(alert.textContent).not.toContain("database is locked");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("opens straight at the accounts, ticking those shown today", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([SAVINGS]));
    renderDialog(DEMO_ACCOUNTS);
    expect(ipc.startConsent).not.toHaveBeenCalled();
    await waitFor(() => expect(option(/Tagesgeld/).checked).toBe(true));
    expect(option(/Everyday/).checked).toBe(false);
    expect(screen.getByRole("listitem", { current: "step" }).textContent).toContain(
      "Pick accounts",
    );
  });

  it("offers to try again when the accounts cannot be loaded", async () => {
    vi.mocked(ipc.consentedAccounts).mockRejectedValueOnce(
      new ipc.CommandError({ code: "network", message: "timed out" }),
    );
    renderDialog(DEMO_ACCOUNTS);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank can't be reached right now.",
    );
    await userEvent.click(button("Try again"));
    expect(await screen.findAllByRole("checkbox", { name: /DE/ })).toHaveLength(3);
  });

  it("says so when the bank shared no account", async () => {
    vi.mocked(ipc.consentedAccounts).mockResolvedValue([]);
    renderDialog(DEMO_ACCOUNTS);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank didn't share any accounts",
    );
    await userEvent.click(button("Start again"));
    expect(stepTitle()).toBe("Choose your bank");
  });

  it("lists the accounts anew after another approval", async () => {
    await approveAndList();
    vi.mocked(ipc.consentedAccounts).mockResolvedValue([EVERYDAY]);
    bank.finishConsent(approved);
    await waitFor(() => expect(dialog().querySelectorAll(".account-option")).toHaveLength(1));
  });
});

describe("when the connection fails", () => {
  const cases: [ipc.ErrorCode, string, "Try again" | "Start again"][] = [
    ["consent_denied", "You declined access at your bank. Nothing was shared.", "Try again"],
    [
      "consent_invalid",
      "That answer didn't match a connection Bankbook started (it may be old or from another window). Start again.",
      "Start again",
    ],
    ["bank_unavailable", "Your bank can't be reached right now.", "Try again"],
    ["network", "Your bank can't be reached right now.", "Try again"],
    ["rate_limited", "Your bank has had too many requests from Bankbook for now.", "Try again"],
    ["keychain_unavailable", "Bankbook can't use your system keychain.", "Try again"],
    ["internal", "Something went wrong while connecting your bank.", "Try again"],
    ["invalid_input", "Something went wrong while connecting your bank.", "Try again"],
  ];

  it.each(cases)("explains %s and offers the way forward", async (code, text, action) => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused(code));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(text);
    expect(button(action)).toBeTruthy();
    expect(dialog().querySelectorAll(".account-option")).toHaveLength(0);
  });

  it("says when to try again, when the bank said", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("rate_limited", "429 from the bank", 300));
    expect((await screen.findByRole("alert")).textContent).toContain("Try again in 5 minutes");
  });

  it("says how to get a keychain, and what is wrong with it in small print", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(
      refused("keychain_unavailable", "org.freedesktop.secrets not provided", null, {
        kind: "keychain",
        reason: "noService",
      }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("GNOME Keyring or KWallet");
    expect(alert.textContent).toContain("installed and unlocked");
    expect(within(alert).getByText("No keychain service is running.").className).toBe(
      "notice-detail",
    );
    expect(alert.textContent).not.toContain("org.freedesktop.secrets");
  });

  it("words an internal failure itself, without Rust's message", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("internal", "the token endpoint failed"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Something went wrong while connecting your bank.");
    expect(alert.textContent).not.toContain("token endpoint");
  });

  it("shows the folder Rust names as text, never markup", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(
      refused("storage_unavailable", "disk full", null, {
        kind: "folder",
        path: "/home/<b>eva</b>",
        reason: "noSpace",
      }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The disk is full. Folder: /home/<b>eva</b>");
    expect(alert.querySelector("b")).toBeNull();
  });

  it("shows a failed start the same way", async () => {
    vi.mocked(ipc.startConsent).mockRejectedValue(
      new ipc.CommandError({ code: "bank_unavailable", message: "503", retryAfterSeconds: 3600 }),
    );
    renderDialog();
    await continueInBrowser();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Your bank can't be reached right now.");
    expect(alert.textContent).toContain("Try again in 60 minutes");
  });

  it("tries the same bank again", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("consent_denied"));
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(ipc.startConsent).toHaveBeenCalledTimes(2);
    expect(ipc.startConsent).toHaveBeenLastCalledWith("demo");
    expect(within(dialog()).getByText(WAITING_TEXT)).toBeTruthy();
  });

  it("starts again from the bank choice", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("consent_invalid"));
    await userEvent.click(await screen.findByRole("button", { name: "Start again" }));
    expect(stepTitle()).toBe("Choose your bank");
    expect(ipc.startConsent).toHaveBeenCalledTimes(1);
  });

  it("closes on Cancel without cancelling a consent that is over", async () => {
    const { onClose } = renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("consent_denied"));
    await userEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalled();
    expect(ipc.cancelConsent).not.toHaveBeenCalled();
  });

  it("moves focus to the new step", async () => {
    renderDialog();
    await continueInBrowser();
    bank.finishConsent(refused("network"));
    await screen.findByRole("alert");
    expect(document.activeElement).toBe(
      screen.getByRole("region", { name: "The connection didn't go through" }),
    );
  });
});

describe("in Slovak", () => {
  const accounts = (count: number): ipc.AccountChoice[] =>
    Array.from({ length: count }, (_, index) => ({
      ...EVERYDAY,
      iban: `SK31110000000029441344${String(index).padStart(2, "0")}`,
      name: `Účet ${index + 1}`,
    }));

  it.each([
    [1, "1 účet"],
    [2, "2 účty"],
    [5, "5 účtov"],
  ])("counts %i shared accounts as %s", async (count, words) => {
    vi.mocked(ipc.consentedAccounts).mockResolvedValue(accounts(count));
    renderWithQueries(
      <OnboardingDialog open start={DEMO_ACCOUNTS} onAddBank={vi.fn()} onClose={vi.fn()} />,
      { language: "sk" },
    );
    const dialog = screen.getByRole("dialog", { name: "Vaše účty v banke Demo banka" });
    await within(dialog).findAllByRole("checkbox", { name: /SK31/ });
    expect(within(dialog).getByRole("heading", { level: 3 }).textContent).toBe(
      "Vyberte účty, ktoré sa majú zobrazovať",
    );
    expect(dialog.textContent).toContain(`Vaša banka sprístupnila ${words}.`);
    expect(within(dialog).getByRole("button", { name: "Zobraziť účty" })).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Zrušiť" })).toBeTruthy();
  });

  it("offers the bank step's way forward in Slovak", async () => {
    renderWithQueries(<OnboardingDialog open onAddBank={vi.fn()} onClose={vi.fn()} />, {
      language: "sk",
    });
    expect(await screen.findByRole("radio", { name: /Demo banka/ })).toBeTruthy();
    expect(screen.getByRole("dialog", { name: "Pripojte banku" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pokračovať v prehliadači" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pridať svoju banku" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "Kroky" })).toBeTruthy();
  });

  it("words a refusal from its code, and a keychain's state from the detail", async () => {
    renderWithQueries(<OnboardingDialog open onAddBank={vi.fn()} onClose={vi.fn()} />, {
      language: "sk",
    });
    await userEvent.click(await screen.findByRole("button", { name: "Pokračovať v prehliadači" }));
    bank.finishConsent(
      refused("keychain_unavailable", "Secret Service: locked", null, {
        kind: "keychain",
        reason: "locked",
      }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Bankbook nemôže použiť systémovú kľúčenku.");
    expect(alert.textContent).toContain("Kľúčenka je zamknutá.");
    expect(alert.textContent).not.toContain("Secret Service");
    expect(screen.getByRole("button", { name: "Skúsiť znova" })).toBeTruthy();
  });
});
