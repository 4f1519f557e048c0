import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import * as ipc from "./ipc";

vi.mock("./ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof ipc>()),
  listBanks: vi.fn(),
}));

function renderApp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
}

describe("first run", () => {
  it("invites the user to connect a bank", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Connect your bank");
  });

  it("opens the onboarding dialog with the Demo Bank preselected", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue([{ id: "demo", name: "Demo Bank", isDemo: true }]);
    renderApp();
    await userEvent.click(screen.getByRole("button", { name: "Connect a bank" }));
    const dialog = screen.getByRole("dialog", { name: "Connect your bank" });
    const demo = await screen.findByRole("radio", { name: /Demo Bank/ });
    expect(dialog.contains(demo)).toBe(true);
    expect((demo as HTMLInputElement).checked).toBe(true);
  });

  it("says so when the banks cannot be listed", async () => {
    vi.mocked(ipc.listBanks).mockRejectedValue(
      new ipc.CommandError({ code: "unexpected", message: "profiles file unreadable" }),
    );
    renderApp();
    await userEvent.click(screen.getByRole("button", { name: "Connect a bank" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("profiles file unreadable");
  });

  it("closes the dialog on Cancel", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue([]);
    renderApp();
    await userEvent.click(screen.getByRole("button", { name: "Connect a bank" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
