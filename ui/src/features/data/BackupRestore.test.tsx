import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { mockIpc } from "../../test/ipcMock";
import { renderWithQueries } from "../../test/render";
import { BackupForm } from "./BackupForm";
import { RestoreDialog } from "./RestoreDialog";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

beforeEach(() => {
  mockIpc();
});

const backupProblem = (problem: ipc.BackupProblem) =>
  new ipc.CommandError({
    code: "invalid_input",
    message: "the backup",
    detail: { kind: "backup", problem },
  });

describe("backing up", () => {
  it("asks for a long enough passphrase, typed twice the same, before the save dialog", async () => {
    vi.mocked(ipc.backUp).mockResolvedValue({
      kind: "saved",
      fileName: "bankbook-2026-11-30.bankbook-backup",
    });
    renderWithQueries(<BackupForm onDone={() => {}} />);
    const passphrase = screen.getByLabelText("Passphrase");
    const again = screen.getByLabelText("Type the passphrase again");
    const save = screen.getByRole("button", { name: "Choose where to save…" });

    await userEvent.type(passphrase, "short");
    await userEvent.click(save);
    expect(passphrase.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("The passphrase needs at least 8 characters.")).toBeTruthy();

    await userEvent.type(passphrase, " but longer");
    await userEvent.type(again, "short but longe");
    await userEvent.click(save);
    expect(screen.getByText("The two passphrases are not the same.")).toBeTruthy();
    expect(ipc.backUp).not.toHaveBeenCalled();

    await userEvent.type(again, "r");
    await userEvent.click(save);
    expect(ipc.backUp).toHaveBeenCalledWith("short but longer");
    expect((await screen.findByRole("status")).textContent).toBe(
      "Your data is backed up in bankbook-2026-11-30.bankbook-backup.",
    );
  });
});

describe("restoring", () => {
  it("picks the file, says a wrong passphrase at the field, and restores with the right one", async () => {
    const onClose = vi.fn();
    vi.mocked(ipc.chooseBackup).mockResolvedValue("bankbook-2026-11-30.bankbook-backup");
    vi.mocked(ipc.restoreBackup)
      .mockRejectedValueOnce(backupProblem("wrongPassphrase"))
      .mockResolvedValueOnce({ connections: [] });
    renderWithQueries(<RestoreDialog open onClose={onClose} />);
    expect(screen.getByRole("button", { name: "Restore" })).toHaveProperty("disabled", true);

    await userEvent.click(screen.getByRole("button", { name: "Choose a backup file…" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "Backup file: bankbook-2026-11-30.bankbook-backup",
    );
    const passphrase = screen.getByLabelText("The backup's passphrase");
    await userEvent.type(passphrase, "wrong horse battery");
    await userEvent.click(screen.getByRole("button", { name: "Restore" }));
    expect(
      await screen.findByText("That passphrase doesn't open this backup. Check it and try again."),
    ).toBeTruthy();
    expect(passphrase.getAttribute("aria-invalid")).toBe("true");
    expect(onClose).not.toHaveBeenCalled();

    await userEvent.clear(passphrase);
    await userEvent.type(passphrase, "correct horse battery");
    await userEvent.click(screen.getByRole("button", { name: "Restore" }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(ipc.chooseBackup).toHaveBeenCalledTimes(1);
    expect(ipc.restoreBackup).toHaveBeenLastCalledWith("correct horse battery");
  });

  it("says when a bank is connected, as an alert, not at the passphrase", async () => {
    vi.mocked(ipc.chooseBackup).mockResolvedValue("old.bankbook-backup");
    vi.mocked(ipc.restoreBackup).mockRejectedValue(
      new ipc.CommandError({ code: "storage_unavailable", message: "read-only" }),
    );
    renderWithQueries(<RestoreDialog open onClose={() => {}} />);
    await userEvent.click(screen.getByRole("button", { name: "Choose a backup file…" }));
    await userEvent.type(await screen.findByLabelText("The backup's passphrase"), "passphrase");
    await userEvent.click(screen.getByRole("button", { name: "Restore" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The backup couldn't be restored.",
    );
  });
});
