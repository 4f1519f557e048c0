import { renderHook } from "@testing-library/react";
import { EVERYDAY, overview } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { useAutoRefresh } from "./useAutoRefresh";

// The hook listens for consent-finished: answered by the mocked bindings, not by a missing
// Tauri.
vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

beforeEach(() => {
  mockIpc();
});

function render(stale: boolean) {
  const refresh = vi.fn();
  const view = renderHook(
    ({ isStale }) =>
      useAutoRefresh({
        overviews: [overview(EVERYDAY, { stale: isStale })],
        bankId: "demo",
        refreshAfterConsent: refresh,
        refresh,
      }),
    { initialProps: { isStale: stale } },
  );
  return { refresh, rerender: (isStale: boolean) => view.rerender({ isStale }) };
}

describe("useAutoRefresh", () => {
  it("refreshes once when the balances are stale, however often they are read again", () => {
    const { refresh, rerender } = render(true);
    rerender(true);
    rerender(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("leaves balances that age while the window stays open to Rust's automatic refreshes", () => {
    const { refresh, rerender } = render(false);
    expect(refresh).not.toHaveBeenCalled();
    rerender(true);
    rerender(false);
    rerender(true);
    // Once, for the person looking at stale balances; the second time they age is not theirs.
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
