import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import * as ipc from "./ipc";
import { connected, EVERYDAY } from "./test/fixtures";
import { mockIpc, SYSTEM_PREFERENCES } from "./test/ipcMock";
import { renderWithQueries } from "./test/render";

vi.mock("./ipc", async (importOriginal) =>
  (await import("./test/ipcModule")).mockedIpc(await importOriginal()),
);

beforeEach(() => {
  mockIpc();
});
afterEach(() => {
  delete document.documentElement.dataset.theme;
  document.documentElement.lang = "";
});

/** The background switches as the system starts them: off. */
const CHOSEN = { keepRunning: false, startAtLogin: false };

const heading = async () => (await screen.findByRole("heading", { level: 1 })).textContent;
const radio = (name: string | RegExp) => screen.getByRole<HTMLInputElement>("radio", { name });

async function openSettings(name = "Settings") {
  await userEvent.click(await screen.findByRole("button", { name }));
  return screen.getByRole("dialog", { name });
}

describe("the language", () => {
  it("switches the whole window to Slovak at once, and is saved", async () => {
    renderWithQueries(<App />);
    expect(await heading()).toBe("Connect your bank");
    const dialog = await openSettings();
    expect(radio("System (English)").checked).toBe(true);

    await userEvent.click(within(dialog).getByRole("radio", { name: "Slovenčina" }));

    expect(ipc.savePreferences).toHaveBeenCalledWith({
      ...CHOSEN,
      language: "sk",
      theme: "system",
    });
    expect(screen.getByRole("dialog", { name: "Nastavenia" })).toBe(dialog);
    expect(radio("Slovenčina").checked).toBe(true);
    expect(radio("Podľa systému (angličtina)")).toBeTruthy();
    expect(within(dialog).getByRole("group", { name: "Vzhľad" })).toBeTruthy();
    expect(await heading()).toBe("Pripojte svoju banku");
    expect(document.documentElement.lang).toBe("sk");

    await userEvent.click(within(dialog).getByRole("button", { name: "Zavrieť" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Pripojiť banku" })).toBeTruthy();
  });

  it("follows a Slovak system when left to it, and names the system's language", async () => {
    const slovakSystem = { ...SYSTEM_PREFERENCES, systemLocale: "sk-SK" };
    vi.mocked(ipc.preferences).mockResolvedValue(slovakSystem);
    vi.mocked(ipc.savePreferences).mockImplementation(async (choice) => ({
      ...slovakSystem,
      ...choice,
    }));
    renderWithQueries(<App />);
    expect(await heading()).toBe("Pripojte svoju banku");
    await openSettings("Nastavenia");
    expect(radio("Podľa systému (slovenčina)").checked).toBe(true);

    await userEvent.click(radio("English"));
    expect(await heading()).toBe("Connect your bank");
    expect(radio("System (Slovak)").checked).toBe(false);
    expect(document.documentElement.lang).toBe("en");
  });

  it("keeps the language chosen before, whatever the system's", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({
      ...SYSTEM_PREFERENCES,
      language: "sk",
      systemLocale: "en-US",
    });
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderWithQueries(<App />);
    expect(
      await screen.findByRole("button", { name: "Vybrať účty v banke Demo banka" }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Odpojiť banku Demo banka" })).toBeTruthy();
    // The header's Settings button opens the same dialog.
    await openSettings("Nastavenia");
    expect(radio("Slovenčina").checked).toBe(true);
  });

  it("opens with the focus on the language chosen, not on the first option", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({ ...SYSTEM_PREFERENCES, language: "sk" });
    renderWithQueries(<App />);
    await openSettings("Nastavenia");
    expect(radio("Slovenčina").checked).toBe(true);
    expect(document.activeElement).toBe(radio("Slovenčina"));
  });

  it("speaks the system's language when the preferences cannot be read at all", async () => {
    vi.mocked(ipc.preferences).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "no answer" }),
    );
    renderWithQueries(<App />);
    expect(await heading()).toBe("Connect your bank");
  });

  it("undoes a choice that cannot be saved when the preferences could not be read either", async () => {
    vi.mocked(ipc.preferences).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "no answer" }),
    );
    vi.mocked(ipc.savePreferences).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "no answer" }),
    );
    renderWithQueries(<App />);
    const dialog = await openSettings();
    await userEvent.click(radio("Slovenčina"));
    await within(dialog).findByRole("alert");
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(await heading()).toBe("Connect your bank");
    expect(radio("System (English)").checked).toBe(true);
  });

  it("undoes a choice that cannot be saved, and says so", async () => {
    vi.mocked(ipc.savePreferences).mockRejectedValue(
      new ipc.CommandError({
        code: "storage_unavailable",
        message: "read-only",
        detail: { kind: "folder", path: "/home/eva/.config/bankbook", reason: "readOnly" },
      }),
    );
    renderWithQueries(<App />);
    await openSettings();
    await userEvent.click(radio("Slovenčina"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Your choice could not be saved. The folder is read-only. Folder: /home/eva/.config/bankbook",
    );
    expect(radio("System (English)").checked).toBe(true);
  });
});

describe("the theme", () => {
  it("applies at once, is saved, and goes back to the system's", async () => {
    renderWithQueries(<App />);
    await openSettings();
    expect(radio("System").checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await userEvent.click(radio("Dark"));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      ...CHOSEN,
      language: "system",
      theme: "dark",
    });

    await userEvent.click(radio("Light"));
    expect(document.documentElement.dataset.theme).toBe("light");

    await userEvent.click(radio("System"));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      ...CHOSEN,
      language: "system",
      theme: "system",
    });
  });

  it("starts in the theme chosen before", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({ ...SYSTEM_PREFERENCES, theme: "dark" });
    renderWithQueries(<App />);
    await heading();
    expect(document.documentElement.dataset.theme).toBe("dark");
  });
});

describe("quick choices", () => {
  /** Saves that answer when the test says, in the order they were asked. */
  function heldSaves() {
    const answers: (() => void)[] = [];
    const failures: (() => void)[] = [];
    vi.mocked(ipc.savePreferences).mockImplementation(
      (choice) =>
        new Promise((resolve, reject) => {
          answers.push(() => resolve({ ...SYSTEM_PREFERENCES, ...choice }));
          failures.push(() =>
            reject(new ipc.CommandError({ code: "internal", message: "no answer" })),
          );
        }),
    );
    return {
      answer: (index: number) => act(async () => answers[index]?.()),
      fail: (index: number) => act(async () => failures[index]?.()),
    };
  }
  const theme = () => document.documentElement.dataset.theme;

  it("are saved one after another, and the last one stays shown", async () => {
    const saves = heldSaves();
    const { client } = renderWithQueries(<App />);
    await openSettings();
    await userEvent.click(radio("Dark"));
    await userEvent.click(radio("Light"));
    expect(theme()).toBe("light");
    // The second save waits for the first.
    expect(ipc.savePreferences).toHaveBeenCalledTimes(1);
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      ...CHOSEN,
      language: "system",
      theme: "dark",
    });

    await saves.answer(0);
    // The second save starts once the first has settled, its answer handled: that answer did not
    // bring Dark back while Light is being saved.
    await waitFor(() => expect(ipc.savePreferences).toHaveBeenCalledTimes(2));
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      ...CHOSEN,
      language: "system",
      theme: "light",
    });
    expect(theme()).toBe("light");
    expect(radio("Light").checked).toBe(true);

    await saves.answer(1);
    await waitFor(() => expect(client.isMutating()).toBe(0));
    expect(theme()).toBe("light");
    expect(radio("Light").checked).toBe(true);
  });

  it("that all fail go back to what was stored, not to an earlier failed choice", async () => {
    const saves = heldSaves();
    renderWithQueries(<App />);
    await openSettings();
    await userEvent.click(radio("Dark"));
    await userEvent.click(radio("Light"));
    await saves.fail(0);
    expect(theme()).toBe("light");
    await waitFor(() => expect(ipc.savePreferences).toHaveBeenCalledTimes(2));
    await saves.fail(1);
    await waitFor(() => expect(theme()).toBeUndefined());
    expect(radio("System").checked).toBe(true);
  });

  it("fall back to the last one saved when a later one fails", async () => {
    const saves = heldSaves();
    renderWithQueries(<App />);
    await openSettings();
    await userEvent.click(radio("Dark"));
    await userEvent.click(radio("Light"));
    await saves.answer(0);
    await waitFor(() => expect(ipc.savePreferences).toHaveBeenCalledTimes(2));
    await saves.fail(1);
    await waitFor(() => expect(theme()).toBe("dark"));
    expect(radio("Dark").checked).toBe(true);
  });
});

describe("a preferences file that cannot be read", () => {
  it("is said calmly in Settings, with its line, until a choice replaces it", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({
      ...SYSTEM_PREFERENCES,
      unreadable: { line: 3 },
    });
    renderWithQueries(<App />);
    const dialog = await openSettings();
    expect(dialog.textContent).toContain("Bankbook couldn't read its settings file");
    expect(dialog.textContent).toContain("preferences.broken.toml");
    expect(dialog.textContent).toContain("The problem is on line 3.");
    expect(within(dialog).queryByRole("alert")).toBeNull();

    await userEvent.click(radio("Dark"));
    await waitFor(() => expect(dialog.textContent).not.toContain("settings file"));
  });
});

describe("the notifications", () => {
  it("are chosen per shown account, with or without amounts, and quiet hours; each change is saved", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderWithQueries(<App />);
    const dialog = await openSettings();
    const group = await within(dialog).findByRole("group", { name: "Notifications" });

    await userEvent.click(
      within(group).getByRole("checkbox", { name: /^New transactions on Everyday/ }),
    );
    expect(ipc.saveNotificationSettings).toHaveBeenLastCalledWith({
      accounts: [EVERYDAY.iban],
      showAmounts: false,
      quietFrom: "22:00",
      quietUntil: "07:00",
    });
    await userEvent.click(
      within(group).getByRole("checkbox", { name: "Show the amounts in notifications" }),
    );
    expect(ipc.saveNotificationSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ accounts: [EVERYDAY.iban], showAmounts: true }),
    );

    const quiet = within(group).getByRole("group", { name: "Quiet hours, with no notifications" });
    const from = within(quiet).getByLabelText<HTMLInputElement>("From");
    // A time field's value changes whole, as a browser's time picker sets it.
    fireEvent.change(from, { target: { value: "23:30" } });
    await waitFor(() =>
      expect(ipc.saveNotificationSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ quietFrom: "23:30", quietUntil: "07:00" }),
      ),
    );
  });

  it("are not offered before an account is shown", async () => {
    renderWithQueries(<App />);
    const dialog = await openSettings();
    expect(within(dialog).queryByRole("group", { name: "Notifications" })).toBeNull();
    expect(ipc.notificationSettings).not.toHaveBeenCalled();
  });
});

describe("running in the background", () => {
  it("is off until chosen; each switch is saved with the rest", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderWithQueries(<App />);
    const dialog = await openSettings();
    const group = within(dialog).getByRole("group", { name: "While Bankbook runs" });
    const keepRunning = within(group).getByRole<HTMLInputElement>("checkbox", {
      name: "Keep running in the background when the window is closed",
    });
    const atLogin = within(group).getByRole<HTMLInputElement>("checkbox", {
      name: "Start Bankbook when you log in",
    });
    expect(keepRunning.checked).toBe(false);
    expect(atLogin.checked).toBe(false);

    await userEvent.click(keepRunning);
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      language: "system",
      theme: "system",
      keepRunning: true,
      startAtLogin: false,
    });
    await userEvent.click(atLogin);
    expect(ipc.savePreferences).toHaveBeenLastCalledWith({
      language: "system",
      theme: "system",
      keepRunning: true,
      startAtLogin: true,
    });
    expect(keepRunning.checked && atLogin.checked).toBe(true);
  });
});
